package org.laasuite.indicators.indicator;

import com.google.protobuf.FieldMask;
import java.math.BigDecimal;
import java.util.Set;
import org.laasuite.common.grpc.FieldBehaviors;
import org.laasuite.common.grpc.FieldMasks;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.indicators.v1.Frequency;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.IndicatorSource;
import org.laasuite.type.v1.LaaBlock;

/** Indicator rows to and from their proto, and a listing's filters. */
public final class IndicatorMapper {

  /** The fields an update may change. */
  static final Set<String> UPDATABLE = Set.of("title", "block", "theme_group", "outcome", "units", "polarity",
      "source", "ni_code", "monitor_only", "cumulative", "owner_organisation", "frequency", "decimal_places",
      "amber_tolerance");

  private IndicatorMapper() {
  }

  /** A listing's filters, checked into {@code v}; unset filters match every current indicator. */
  public static IndicatorService.Filter filter(LaaBlock block, String themeGroup, IndicatorSource source,
      boolean showDeleted, Violations v) {
    ProtoEnums.known(block, "block", v);
    ProtoEnums.known(source, "source", v);
    v.maxLength(themeGroup, Violations.MAX_TITLE, "theme_group");
    String b = ProtoEnums.nameOrNull(block);
    String t = themeGroup.isEmpty() ? null : themeGroup;
    String s = ProtoEnums.nameOrNull(source);
    return new IndicatorService.Filter(b, t, s, showDeleted);
  }

  public static Indicator toProto(IndicatorRow i) {
    var b = Indicator.newBuilder()
        .setName(i.name())
        .setId(i.code())
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
        .setSourceReference(i.sourceReference())
        .setEtag(i.etag());
    if (i.amberTolerance() != null) {
      b.setAmberTolerance(Protos.decimal(i.amberTolerance()));
    }
    if (i.createTime() != null) {
      b.setCreateTime(Protos.timestamp(i.createTime()));
    }
    if (i.updateTime() != null) {
      b.setUpdateTime(Protos.timestamp(i.updateTime()));
    }
    if (i.deleteTime() != null) {
      b.setDeleteTime(Protos.timestamp(i.deleteTime()));
    }
    return b.build();
  }

  /** The indicator {@code in} describes, its shape checked into {@code v} under {@code fieldPrefix} ("indicator"). */
  public static IndicatorRow fromProto(Indicator in, String fieldPrefix, Violations v) {
    FieldBehaviors.checkRequired(in, fieldPrefix, v); // what the proto marks REQUIRED, with the rules below
    String p = fieldPrefix.isEmpty() ? "" : fieldPrefix + ".";
    ResourceNames.INDICATORS.validId(in.getId(), p + "id", v);
    v.requiredText(in.getTitle(), Violations.MAX_TITLE, p + "title");
    ProtoEnums.required(in.getBlock(), p + "block", v);
    ProtoEnums.required(in.getPolarity(), p + "polarity", v);
    ProtoEnums.known(in.getSource(), p + "source", v);
    ProtoEnums.known(in.getFrequency(), p + "frequency", v);
    if (v.maxLength(in.getThemeGroup(), Violations.MAX_TITLE, p + "theme_group") && !in.getThemeGroup().isEmpty()) {
      v.check(ResourceNames.BODIES.isName(in.getThemeGroup()), p + "theme_group", "must look like 'bodies/{id}'");
    }
    if (v.maxLength(in.getOwnerOrganisation(), Violations.MAX_TITLE, p + "owner_organisation")
        && !in.getOwnerOrganisation().isEmpty()) {
      v.check(ResourceNames.ORGANISATIONS.isName(in.getOwnerOrganisation()), p + "owner_organisation",
          "must look like 'organisations/{id}'");
    }
    v.maxLength(in.getOutcome(), Violations.MAX_TEXT, p + "outcome");
    v.maxLength(in.getUnits(), Violations.MAX_TITLE, p + "units");
    v.maxLength(in.getNiCode(), Violations.MAX_TITLE, p + "ni_code");
    v.check(in.getDecimalPlaces() >= 0 && in.getDecimalPlaces() <= 6, p + "decimal_places", "must be 0 to 6");
    BigDecimal tolerance = null;
    if (in.hasAmberTolerance()) {
      tolerance = Protos.decimal(in.getAmberTolerance(), p + "amber_tolerance", v).orElse(null);
      if (tolerance != null) {
        v.check(tolerance.signum() >= 0, p + "amber_tolerance", "must not be negative");
      }
    }
    IndicatorSource source = in.getSource() == IndicatorSource.INDICATOR_SOURCE_UNSPECIFIED
        ? IndicatorSource.INDICATOR_SOURCE_LOCAL : in.getSource();
    Frequency frequency = in.getFrequency() == Frequency.FREQUENCY_UNSPECIFIED ? Frequency.FREQUENCY_ANNUAL : in.getFrequency();
    return new IndicatorRow(null, in.getId(), in.getTitle(), in.getBlock(), in.getThemeGroup(), in.getOutcome(),
        in.getUnits(), in.getPolarity(), source, in.getNiCode(), in.getMonitorOnly(), in.getCumulative(),
        in.getOwnerOrganisation(), frequency, in.getDecimalPlaces(), tolerance, in.getSourceReference(), null, null, null,
        0);
  }

  /** The fields of an update's mask, checked with the indicator's name into {@code v}. */
  public static Set<String> updatePaths(Indicator in, FieldMask mask, Violations v) {
    Set<String> paths = FieldMasks.paths(mask, UPDATABLE, v);
    ResourceNames.INDICATORS.id(in.getName(), "indicator.name", v);
    return paths;
  }

  /** {@code existing} with the fields {@code paths} names taken from {@code in}, every rule checked into {@code v}. */
  public static IndicatorRow merge(IndicatorRow existing, Indicator in, Set<String> paths, Violations v) {
    IndicatorRow updated = fromProto(FieldMasks.merge(toProto(existing), in, paths), "indicator", v);
    return new IndicatorRow(existing.id(), existing.code(), updated.title(), updated.block(),
        updated.themeGroup(), updated.outcome(), updated.units(), updated.polarity(), updated.source(),
        updated.niCode(), updated.monitorOnly(), updated.cumulative(), updated.ownerOrganisation(),
        updated.frequency(), updated.decimalPlaces(), updated.amberTolerance(), existing.sourceReference(),
        existing.createTime(), null, existing.deleteTime(), existing.version());
  }
}
