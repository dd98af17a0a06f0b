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

  public static boolean validId(String id, String field, Violations v) {
    return v.required(id, field) && v.check(ID.matcher(id).matches(), field,
        "must be lower-case letters, digits and dashes (at most 100)");
  }
}
