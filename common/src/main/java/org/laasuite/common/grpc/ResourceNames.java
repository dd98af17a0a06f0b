package org.laasuite.common.grpc;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Resource names of the form "{collection}/{id}" (AIP-122), for every collection of the suite: the
 * one place that knows each collection's id pattern. Services parse names and check ids through it,
 * never with a pattern of their own.
 */
public enum ResourceNames {

  /** Indicator codes keep the source's capitals: "CYP-28", "SSC-CSP-4". */
  INDICATORS("indicators", "INDICATOR", "[A-Za-z0-9][A-Za-z0-9-]{0,62}", "letters, digits and dashes (at most 63)"),
  /** "rest-of-city". */
  AREAS("areas", "AREA", "[a-z0-9][a-z0-9-]{0,62}", "lower-case letters, digits and dashes (at most 63)"),
  /** "fy-2006-07". */
  PERIODS("periods", "PERIOD", "[a-z0-9][a-z0-9-]{0,62}", "lower-case letters, digits and dashes (at most 63)"),
  FUNDING_STREAMS("fundingStreams", "FUNDING_STREAM", Ids.SLUG, Ids.SLUG_WORDS),
  COMMITMENTS("commitments", "COMMITMENT", Ids.SLUG, Ids.SLUG_WORDS),
  LPSA_TARGETS("lpsaTargets", "LPSA_TARGET", Ids.SLUG, Ids.SLUG_WORDS),
  ORGANISATIONS("organisations", "ORGANISATION", Ids.SLUG, Ids.SLUG_WORDS),
  PEOPLE("people", "PERSON", Ids.SLUG, Ids.SLUG_WORDS),
  BODIES("bodies", "BODY", Ids.SLUG, Ids.SLUG_WORDS),
  MEETINGS("meetings", "MEETING", Ids.SLUG, Ids.SLUG_WORDS),
  IMPROVEMENT_PLANS("improvementPlans", "IMPROVEMENT_PLAN", Ids.SLUG, Ids.SLUG_WORDS),
  RISKS("risks", "RISK", Ids.SLUG, Ids.SLUG_WORDS),
  /** Actions are numbered as the partnership service records them: "actions/42". */
  ACTIONS("actions", "ACTION", "[0-9]{1,18}", "a number"),
  /** "england", "nearest-neighbours". */
  COMPARATOR_GROUPS("comparatorGroups", "COMPARATOR_GROUP", "[a-z0-9][a-z0-9-]{0,62}",
      "lower-case letters, digits and dashes (at most 63)");

  /** Most ids a batch request may name at once (a block's indicators, a page of bodies). */
  public static final int MAX_BATCH = 1_000;

  private static final class Ids {
    static final String SLUG = "[a-z0-9][a-z0-9-]{0,99}";
    static final String SLUG_WORDS = "lower-case letters, digits and dashes (at most 100)";
  }

  private final String path;
  private final String resource;
  private final Pattern id;
  private final String idWords;

  ResourceNames(String path, String resource, String id, String idWords) {
    this.path = path;
    this.resource = resource;
    this.id = Pattern.compile(id);
    this.idWords = idWords;
  }

  /** The collection's segment in a name: "fundingStreams". */
  public String path() {
    return path;
  }

  /** The resource's kind in errors (ErrorInfo reasons, NOT_FOUND metadata): "FUNDING_STREAM". */
  public String resource() {
    return resource;
  }

  public String name(String id) {
    return path + "/" + id;
  }

  public boolean isId(String id) {
    return id != null && this.id.matcher(id).matches();
  }

  /** Whether {@code name} is a well-formed name in this collection. */
  public boolean isName(String name) {
    return name != null && name.startsWith(path + "/") && isId(name.substring(path.length() + 1));
  }

  /** Checks an id a client chose; a violation of {@code field} when it is missing or malformed. */
  public boolean validId(String id, String field, Violations v) {
    return v.required(id, field) && v.check(isId(id), field, "must be " + idWords + ", not '"
        + Protos.clip(id) + "'");
  }

  /**
   * The id in "{collection}/{id}", or null (with a violation of {@code field}) when {@code name} is
   * missing or not of that form.
   */
  public String id(String name, String field, Violations v) {
    if (name == null || name.isEmpty()) {
      v.add(field, "is required");
      return null;
    }
    if (!isName(name)) {
      v.add(field, "must look like '" + path + "/{id}' with an id of " + idWords + ", not '"
          + Protos.clip(name) + "'");
      return null;
    }
    return name.substring(path.length() + 1);
  }

  /** The resource {@code name} names, or NOT_FOUND; a malformed name is INVALID_ARGUMENT on {@code field}. */
  public <T> T find(String name, String field, Function<String, Optional<T>> byId) {
    Violations v = new Violations();
    String id = id(name, field, v);
    v.throwIfAny();
    return byId.apply(id).orElseThrow(() -> ApiException.notFound(resource, name));
  }

  /** The resource {@code name} names, or null with a violation of {@code field} (malformed, or absent). */
  public <T> T findOrViolation(String name, String field, Violations v, Function<String, Optional<T>> byId) {
    String id = id(name, field, v);
    if (id == null) {
      return null;
    }
    T found = byId.apply(id).orElse(null);
    v.check(found != null, field, name + " does not exist");
    return found;
  }

  /** Whether {@code name} is a well-formed name in any of {@code collections} ("people/x" or "bodies/y"). */
  public static boolean isNameIn(String name, ResourceNames... collections) {
    for (ResourceNames c : collections) {
      if (c.isName(name)) {
        return true;
      }
    }
    return false;
  }

  /** A violation of {@code field} when a batch names more than {@link #MAX_BATCH} (or, if required, no) items. */
  public static boolean checkBatch(int count, boolean required, String field, String what, Violations v) {
    return v.check(count <= MAX_BATCH && (!required || count > 0), field, "names " + count + " " + what
        + "; " + (required ? "1" : "0") + " to " + MAX_BATCH + " at a time");
  }

  /** The parent id and child id of "{parents}/{p}/{children}/{id}" with a numeric child id. */
  public static ChildName child(String name, ResourceNames parents, String children, String field, Violations v) {
    String prefix = parents.path() + "/";
    int at = name == null ? -1 : name.indexOf("/" + children + "/", prefix.length());
    if (name != null && name.startsWith(prefix) && at > 0) {
      String parent = name.substring(prefix.length(), at);
      String child = name.substring(at + children.length() + 2);
      if (parents.isId(parent) && child.matches("[0-9]{1,18}")) {
        return new ChildName(parent, Long.parseLong(child));
      }
    }
    v.add(field, "must look like '" + prefix + "{id}/" + children + "/{number}', not '" + Protos.clip(name) + "'");
    return null;
  }

  public record ChildName(String parent, long id) {
  }
}
