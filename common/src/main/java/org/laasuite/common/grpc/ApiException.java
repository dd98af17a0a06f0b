package org.laasuite.common.grpc;

import com.google.rpc.BadRequest.FieldViolation;
import com.google.rpc.PreconditionFailure;
import io.grpc.Status;
import java.util.List;

/**
 * A client's mistake or a missing resource, thrown anywhere below an endpoint and turned into a
 * {@code google.rpc.Status} by {@link GrpcErrorInterceptor}. The message is shown to the client, so
 * it says what is wrong in the client's terms and never carries internals.
 */
public final class ApiException extends RuntimeException {

  private final Status.Code code;
  private final String reason;
  private final List<FieldViolation> violations;
  private final List<PreconditionFailure.Violation> preconditions;

  public ApiException(Status.Code code, String reason, String message, List<FieldViolation> violations) {
    this(code, reason, message, violations, List.of());
  }

  private ApiException(Status.Code code, String reason, String message, List<FieldViolation> violations,
      List<PreconditionFailure.Violation> preconditions) {
    super(message, null, false, false);
    this.code = code;
    this.reason = reason;
    this.violations = List.copyOf(violations);
    this.preconditions = List.copyOf(preconditions);
  }

  /**
   * FAILED_PRECONDITION: the request is well formed but the system is not in the state it needs (what
   * refers to a resource to be deleted), each unmet condition sent as a google.rpc.PreconditionFailure.
   */
  public static ApiException failedPrecondition(String reason, String message,
      List<PreconditionFailure.Violation> preconditions) {
    return new ApiException(Status.Code.FAILED_PRECONDITION, reason, message, List.of(), preconditions);
  }

  public static ApiException invalid(List<FieldViolation> violations) {
    String summary = violations.size() == 1
        ? violations.getFirst().getField() + ": " + violations.getFirst().getDescription()
        : violations.size() + " fields are invalid: " + String.join(", ",
            violations.stream().map(FieldViolation::getField).distinct().toList());
    return new ApiException(Status.Code.INVALID_ARGUMENT, "INVALID_ARGUMENT", summary, violations);
  }

  public static ApiException invalid(String field, String description) {
    return invalid(List.of(Violations.violation(field, description)));
  }

  /** {@code what} is the resource type in upper snake case, e.g. "INDICATOR". */
  public static ApiException notFound(String what, String name) {
    return new ApiException(Status.Code.NOT_FOUND, what + "_NOT_FOUND", name + " does not exist", List.of());
  }

  public static ApiException alreadyExists(String what, String name) {
    return new ApiException(Status.Code.ALREADY_EXISTS, what + "_ALREADY_EXISTS", name + " already exists", List.of());
  }

  /** NOT_FOUND or ALREADY_EXISTS that also names the offending request field. */
  public static ApiException withField(Status.Code code, String reason, String message, String field) {
    return new ApiException(code, reason, message, List.of(Violations.violation(field, message)));
  }

  public Status.Code code() {
    return code;
  }

  public String reason() {
    return reason;
  }

  public List<FieldViolation> violations() {
    return violations;
  }

  public List<PreconditionFailure.Violation> preconditions() {
    return preconditions;
  }
}
