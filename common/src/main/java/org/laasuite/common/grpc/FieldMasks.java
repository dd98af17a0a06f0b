package org.laasuite.common.grpc;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
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

  /**
   * {@code existing} with the fields {@code paths} names taken from {@code in}: the update-mask merge
   * (AIP-134). A message field named in the mask but unset in {@code in} is cleared.
   */
  @SuppressWarnings("unchecked")
  public static <M extends Message> M merge(M existing, M in, Set<String> paths) {
    Message.Builder merged = existing.toBuilder();
    for (String path : paths) {
      FieldDescriptor fd = existing.getDescriptorForType().findFieldByName(path);
      if (fd.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !fd.isRepeated() && !in.hasField(fd)) {
        merged.clearField(fd);
      } else {
        merged.setField(fd, in.getField(fd));
      }
    }
    return (M) merged.build();
  }
}
