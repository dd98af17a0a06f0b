package org.laasuite.common.grpc;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import java.util.LinkedHashSet;
import java.util.Set;

/** Validation of update masks (AIP-134), and read masks (AIP-157). */
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

  /**
   * The top-level fields of {@code type} that the read mask {@code mask} (the request's {@code field}) names, each
   * checked; empty when the mask is: all of them.
   */
  public static Set<FieldDescriptor> readFields(FieldMask mask, com.google.protobuf.Descriptors.Descriptor type,
      String field, Violations v) {
    Set<FieldDescriptor> fields = new LinkedHashSet<>();
    for (String path : mask.getPathsList()) {
      FieldDescriptor fd = type.findFieldByName(path);
      if (fd == null) {
        v.add(field, "names '" + Protos.clip(path) + "', which is not a field of " + type.getName() + "; its fields: "
            + String.join(", ", type.getFields().stream().map(FieldDescriptor::getName).toList()));
      } else {
        fields.add(fd);
      }
    }
    return fields;
  }

  /** {@code full} with only {@code fields} (all when empty): a partial response (AIP-157). */
  @SuppressWarnings("unchecked")
  public static <M extends Message> M only(M full, Set<FieldDescriptor> fields) {
    if (fields.isEmpty()) {
      return full;
    }
    Message.Builder out = full.newBuilderForType();
    for (FieldDescriptor fd : fields) {
      if (fd.isRepeated() || full.hasField(fd)) {
        out.setField(fd, full.getField(fd));
      }
    }
    return (M) out.build();
  }
}
