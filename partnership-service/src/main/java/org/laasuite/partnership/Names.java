package org.laasuite.partnership;

import java.util.regex.Pattern;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.Violations;

/** The ids in this service's resource names: lower-case letters, digits and dashes. */
public final class Names {

  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

  private Names() {
  }

  /** The id in "{collection}/{id}", or null with a violation of {@code field}. */
  public static String id(String name, String collection, String field, Violations v) {
    String prefix = collection + "/";
    if (name == null || name.isEmpty()) {
      v.add(field, "is required");
      return null;
    }
    if (!name.startsWith(prefix) || !ID.matcher(name.substring(prefix.length())).matches()) {
      v.add(field, "must look like '" + prefix + "{id}', not '" + Protos.clip(name) + "'");
      return null;
    }
    return name.substring(prefix.length());
  }

  /** The resource {@code name} names, or NOT_FOUND; a malformed name is a violation of {@code field}. */
  public static <T> T find(String name, String collection, String what, String field,
      java.util.function.Function<String, java.util.Optional<T>> byId) {
    Violations v = new Violations();
    String id = id(name, collection, field, v);
    v.throwIfAny();
    return byId.apply(id).orElseThrow(() -> org.laasuite.common.grpc.ApiException.notFound(what, name));
  }

  /** The resource {@code name} names, or null with a violation of {@code field} (malformed, or does not exist). */
  public static <T> T findOrViolation(String name, String collection, String field, Violations v,
      java.util.function.Function<String, java.util.Optional<T>> byId) {
    String id = id(name, collection, field, v);
    if (id == null) {
      return null;
    }
    T found = byId.apply(id).orElse(null);
    v.check(found != null, field, name + " does not exist");
    return found;
  }

  public static boolean validId(String id, String field, Violations v) {
    return v.required(id, field) && v.check(ID.matcher(id).matches(), field,
        "must be lower-case letters, digits and dashes (at most 100)");
  }
}
