package org.laasuite.indicators.area;

import org.laasuite.common.grpc.FieldBehaviors;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.indicators.v1.Area;

/** Area rows to and from their proto. */
public final class AreaMapper {

  private AreaMapper() {
  }

  public static Area toProto(AreaRow a) {
    return Area.newBuilder().setName(ResourceNames.AREAS.name(a.code())).setId(a.code()).setTitle(a.title())
        .setType(a.type()).build();
  }

  /** The area {@code in} describes, its shape checked into {@code v} under {@code fieldPrefix} ("area"). */
  public static AreaRow fromProto(Area in, String fieldPrefix, Violations v) {
    FieldBehaviors.checkRequired(in, fieldPrefix, v); // what the proto marks REQUIRED, with the rules below
    String p = fieldPrefix.isEmpty() ? "" : fieldPrefix + ".";
    ResourceNames.AREAS.validId(in.getId(), p + "id", v);
    v.requiredText(in.getTitle(), Violations.MAX_TITLE, p + "title");
    ProtoEnums.required(in.getType(), p + "type", v);
    return new AreaRow(null, in.getId(), in.getTitle(), in.getType());
  }
}
