package org.laasuite.indicators.indicator;

import org.laasuite.common.grpc.Protos;

/** Indicator record to and from its proto. */
public final class IndicatorMapper {

  private IndicatorMapper() {
  }

  public static org.laasuite.indicators.v1.Indicator toProto(Indicator i) {
    var b = org.laasuite.indicators.v1.Indicator.newBuilder()
        .setName(i.name())
        .setCode(i.code())
        .setTitle(i.title())
        .setBlock(i.block())
        .setThemeGroup(i.themeGroup())
        .setOutcome(i.outcome())
        .setUnits(i.units())
        .setPolarity(i.polarity())
        .setSource(i.source())
        .setNiCode(i.niCode())
        .setMonitorOnly(i.monitorOnly())
        .setCumulative(i.cumulative())
        .setOwnerOrganisation(i.ownerOrganisation())
        .setFrequency(i.frequency())
        .setDecimalPlaces(i.decimalPlaces())
        .setSourceReference(i.sourceReference());
    if (i.amberTolerance() != null) {
      b.setAmberTolerance(Protos.decimal(i.amberTolerance()));
    }
    if (i.createTime() != null) {
      b.setCreateTime(Protos.timestamp(i.createTime()));
    }
    if (i.updateTime() != null) {
      b.setUpdateTime(Protos.timestamp(i.updateTime()));
    }
    return b.build();
  }
}
