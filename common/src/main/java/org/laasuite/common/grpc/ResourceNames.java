package org.laasuite.common.grpc;

import java.util.regex.Pattern;

/**
 * Resource names of the form "collection/id" (AIP-122). Ids are codes: letters, digits and dashes.
 */
public final class ResourceNames {

  /** Codes of indicators ("CYP-28"), areas ("rest-of-city"), periods ("fy-2006-07"). */
  public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,62}");

  private ResourceNames() {
  }

  public static String name(String collection, String id) {
    return collection + "/" + id;
  }

  /**
   * The id in "{collection}/{id}", or null (with a violation of {@code field}) when {@code name} is
   * not of that form.
   */
  public static String id(String name, String collection, String field, Violations v) {
    String prefix = collection + "/";
    if (name == null || name.isEmpty()) {
      v.add(field, "is required");
      return null;
    }
    if (!name.startsWith(prefix) || !CODE.matcher(name.substring(prefix.length())).matches()) {
      v.add(field, "must look like '" + prefix + "{code}', not '" + Protos.clip(name) + "'");
      return null;
    }
    return name.substring(prefix.length());
  }

  /** The parent id and child id of "{parents}/{p}/{children}/{id}" with a numeric id. */
  public static ChildName child(String name, String parents, String children, String field, Violations v) {
    Pattern p = Pattern.compile(Pattern.quote(parents) + "/(" + CODE.pattern() + ")/" + Pattern.quote(children)
        + "/([0-9]{1,18})");
    var m = name == null ? null : p.matcher(name);
    if (m == null || !m.matches()) {
      v.add(field, "must look like '" + parents + "/{code}/" + children + "/{id}'");
      return null;
    }
    return new ChildName(m.group(1), Long.parseLong(m.group(2)));
  }

  public record ChildName(String parent, long id) {
  }
}
