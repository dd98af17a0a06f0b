package org.laasuite.indicators.period;

import java.time.LocalDate;
import org.laasuite.common.grpc.FieldBehaviors;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.indicators.v1.Period;

/** Period rows to and from their proto. */
public final class PeriodMapper {

  private PeriodMapper() {
  }

  public static Period toProto(PeriodRow p) {
    return Period.newBuilder().setName(ResourceNames.PERIODS.name(p.code())).setId(p.code()).setType(p.type())
        .setStartDate(Protos.date(p.startDate())).setEndDate(Protos.date(p.endDate())).setLabel(p.label()).build();
  }

  /**
   * The period {@code in} describes, its shape checked into {@code v} under {@code fieldPrefix} ("period"); the
   * label defaults to the code.
   */
  public static PeriodRow fromProto(Period in, String fieldPrefix, Violations v) {
    FieldBehaviors.checkRequired(in, fieldPrefix, v); // what the proto marks REQUIRED, with the rules below
    String p = fieldPrefix.isEmpty() ? "" : fieldPrefix + ".";
    ResourceNames.PERIODS.validId(in.getId(), p + "id", v);
    ProtoEnums.required(in.getType(), p + "type", v);
    LocalDate start = Protos.requiredDate(in.getStartDate(), p + "start_date", v);
    LocalDate end = Protos.requiredDate(in.getEndDate(), p + "end_date", v);
    if (start != null && end != null) {
      v.check(!end.isBefore(start), p + "end_date", "is before start_date " + start);
    }
    String label = in.getLabel().isBlank() ? in.getId() : in.getLabel();
    v.maxLength(label, Violations.MAX_TITLE, p + "label");
    return new PeriodRow(null, in.getId(), in.getType(), start, end, label);
  }
}
