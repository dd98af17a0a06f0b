package org.laasuite.indicators.indicator;

import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.Violations;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.IndicatorSource;
import org.laasuite.type.v1.LaaBlock;

/** Indicator record to and from its proto. */
public final class IndicatorMapper {

  private IndicatorMapper() {
  }

  /** A listing's filters, checked into {@code v}; unset filters match everything. */
  public static IndicatorService.Filter filter(LaaBlock block, String themeGroup, IndicatorSource source,
      Violations v) {
    v.check(block != LaaBlock.UNRECOGNIZED, "block", "is not a known LAA block");
    v.check(source != IndicatorSource.UNRECOGNIZED, "source", "is not a known indicator source");
    v.maxLength(themeGroup, Violations.MAX_TITLE, "theme_group");
    String b = block == LaaBlock.LAA_BLOCK_UNSPECIFIED || block == LaaBlock.UNRECOGNIZED ? null : block.name();
    String t = themeGroup.isEmpty() ? null : themeGroup;
    String s = source == IndicatorSource.INDICATOR_SOURCE_UNSPECIFIED || source == IndicatorSource.UNRECOGNIZED
        ? null : source.name();
    return new IndicatorService.Filter(b, t, s);
  }

  public static Indicator toProto(IndicatorRow i) {
    var b = Indicator.newBuilder()
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
