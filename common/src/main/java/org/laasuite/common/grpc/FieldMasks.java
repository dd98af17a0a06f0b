package org.laasuite.common.grpc;

import com.google.protobuf.FieldMask;
import java.util.LinkedHashSet;
import java.util.Set;

/** Validation of update masks (AIP-134). */
public final class FieldMasks {

  private FieldMasks() {
  }

  /**
   * The paths of {@code mask}, each checked against {@code updatable}; unknown or immutable paths are
   * violations of "update_mask".
   */
  public static Set<String> paths(FieldMask mask, Set<String> updatable, Violations v) {
    Set<String> paths = new LinkedHashSet<>();
    if (mask == null || mask.getPathsCount() == 0) {
      v.add("update_mask", "is required: name the fields to change");
      return paths;
    }
    for (String path : mask.getPathsList()) {
      if (updatable.contains(path)) {
        paths.add(path);
      } else {
        v.add("update_mask", "names '" + Protos.clip(path) + "', which is not an updatable field; updatable: "
            + String.join(", ", updatable.stream().sorted().toList()));
      }
    }
    return paths;
  }
}
