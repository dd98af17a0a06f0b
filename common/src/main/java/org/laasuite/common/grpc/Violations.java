package org.laasuite.common.grpc;

import com.google.rpc.BadRequest.FieldViolation;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem with a request before anything is written, so that a client learns all
 * its mistakes at once, each named by its dotted field path.
 */
public final class Violations {

  /** Longest free text the suite accepts in one field (a narrative, minutes, a comment). */
  public static final int MAX_TEXT = 20_000;
  /** Longest title, name or label. */
  public static final int MAX_TITLE = 1_000;
  /** Longest description of one violation. */
  public static final int MAX_DESCRIPTION = 300;
  /** What a missing field is told. */
  public static final String REQUIRED = "is required";

  private final List<FieldViolation> list = new ArrayList<>();

  /**
   * One violation. Its description is cut to {@value #MAX_DESCRIPTION} characters, whatever the
   * client sent: errors travel in gRPC trailers, which a long echo of the input would overflow.
   */
  public static FieldViolation violation(String field, String description) {
    String d = description.length() <= MAX_DESCRIPTION ? description : description.substring(0, MAX_DESCRIPTION) + "…";
    return FieldViolation.newBuilder().setField(field).setDescription(d).build();
  }

  /**
   * Adds a violation, once: the same field and description twice (two checks of one rule) are one,
   * and a field that "is required" (missing) has nothing else wrong with it.
   */
  public Violations add(String field, String description) {
    FieldViolation violation = violation(field, description);
    if (!list.contains(violation) && !list.contains(violation(field, REQUIRED))) {
      list.add(violation);
    }
    return this;
  }

  /** Adds the violation when {@code ok} is false; answers {@code ok}. */
  public boolean check(boolean ok, String field, String description) {
    if (!ok) {
      add(field, description);
    }
    return ok;
  }

  public boolean required(String value, String field) {
    return check(value != null && !value.isBlank(), field, REQUIRED);
  }

  public boolean maxLength(String value, int max, String field) {
    return check(value == null || value.length() <= max, field, "is longer than " + max + " characters");
  }

  /** Required and at most {@code max} characters. */
  public boolean requiredText(String value, int max, String field) {
    return required(value, field) && maxLength(value, max, field);
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  public List<FieldViolation> list() {
    return List.copyOf(list);
  }

  public void throwIfAny() {
    if (!list.isEmpty()) {
      throw ApiException.invalid(list);
    }
  }
}
