package org.laasuite.indicators.indicator;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.FieldMasks;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.indicators.v1.Frequency;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.IndicatorSource;
import org.laasuite.indicators.v1.Polarity;
import org.laasuite.type.v1.LaaBlock;

/** The indicator catalogue: its rules and transactions. */
@Singleton
public class IndicatorService {

  static final Set<String> UPDATABLE = Set.of("title", "block", "theme_group", "outcome", "units", "polarity",
      "source", "ni_code", "monitor_only", "cumulative", "owner_organisation", "frequency", "decimal_places",
      "amber_tolerance");

  private final IndicatorRepository indicators;

  public IndicatorService(IndicatorRepository indicators) {
    this.indicators = indicators;
  }

  public IndicatorRow get(String name, String field) {
    Violations v = new Violations();
    String code = ResourceNames.INDICATORS.id(name, field, v);
    v.throwIfAny();
    return indicators.findByCode(code).orElseThrow(() -> ApiException.notFound("INDICATOR", name));
  }

  /** The indicators of these codes that exist, by code: one statement. */
  public java.util.Map<String, IndicatorRow> byCodes(java.util.Collection<String> codes) {
    return codes.isEmpty() ? java.util.Map.of() : indicators.findByCodeIn(codes).stream()
        .collect(java.util.stream.Collectors.toMap(IndicatorRow::code, i -> i));
  }

  /** The indicators named, in the order asked; NOT_FOUND naming every unknown one. */
  public List<IndicatorRow> getAll(List<String> names, String field) {
    Violations v = new Violations();
    List<String> codes = names.stream().map(n -> ResourceNames.INDICATORS.id(n, field, v)).toList();
    v.throwIfAny();
    var found = byCodes(codes);
    List<String> missing = codes.stream().filter(c -> !found.containsKey(c)).distinct()
        .map(c -> IndicatorRow.COLLECTION + "/" + c).toList();
    if (!missing.isEmpty()) {
      throw new ApiException(Status.Code.NOT_FOUND, "INDICATOR_NOT_FOUND",
          String.join(", ", missing) + (missing.size() == 1 ? " does not exist" : " do not exist"), List.of());
    }
    return codes.stream().map(found::get).toList();
  }

  /** The filters of a listing; a null filter matches everything. */
  public record Filter(@Nullable String block, @Nullable String themeGroup, @Nullable String source) {

    /** The filters as a page token is bound to them. */
    public String query() {
      return "indicators;" + block + ";" + themeGroup + ";" + source;
    }
  }

  /** A page of the indicators {@code filter} matches, in the catalogue's order, with their total. */
  public Pages.Slice<IndicatorRow> list(Filter filter, Pages.Page page) {
    List<IndicatorRow> rows = indicators.search(filter.block(), filter.themeGroup(), filter.source(), page.size(),
        page.offset());
    return page.slice(rows, indicators.countMatching(filter.block(), filter.themeGroup(), filter.source()));
  }

  @Transactional
  public IndicatorRow create(Indicator in) {
    Violations v = new Violations();
    IndicatorRow candidate = validated(in, "indicator", v);
    v.throwIfAny();
    if (indicators.existsByCode(candidate.code())) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "INDICATOR_ALREADY_EXISTS",
          IndicatorRow.COLLECTION + "/" + candidate.code() + " already exists", "indicator.code");
    }
    return indicators.save(candidate);
  }

  @Transactional
  public IndicatorRow update(Indicator in, FieldMask mask) {
    Violations v = new Violations();
    Set<String> paths = FieldMasks.paths(mask, UPDATABLE, v);
    String code = ResourceNames.INDICATORS.id(in.getName(), "indicator.name", v);
    v.throwIfAny();
    IndicatorRow existing = indicators.findByCode(code)
        .orElseThrow(() -> ApiException.notFound("INDICATOR", in.getName()));
    var merged = FieldMasks.merge(IndicatorMapper.toProto(existing), in, paths);
    IndicatorRow updated = validated(merged, "indicator", v);
    v.throwIfAny();
    return indicators.update(new IndicatorRow(existing.id(), existing.code(), updated.title(), updated.block(),
        updated.themeGroup(), updated.outcome(), updated.units(), updated.polarity(), updated.source(),
        updated.niCode(), updated.monitorOnly(), updated.cumulative(), updated.ownerOrganisation(),
        updated.frequency(), updated.decimalPlaces(), updated.amberTolerance(), existing.sourceReference(),
        existing.createTime(), null));
  }

  @Transactional
  public void delete(String name) {
    IndicatorRow existing = get(name, "name");
    indicators.delete(existing);
  }

  /** Saves many at once (an import); the caller has validated them and holds the transaction. */
  public List<IndicatorRow> saveAll(Collection<IndicatorRow> batch) {
    return List.copyOf(indicators.saveAll(batch));
  }

  public boolean exists(String code) {
    return indicators.existsByCode(code);
  }

  /** The record {@code in} describes, with every rule checked into {@code v} under {@code prefix}. */
  public static IndicatorRow validated(Indicator in, String prefix, Violations v) {
    String p = prefix.isEmpty() ? "" : prefix + ".";
    ResourceNames.INDICATORS.validId(in.getCode(), p + "code", v);
    v.requiredText(in.getTitle(), Violations.MAX_TITLE, p + "title");
    ProtoEnums.required(in.getBlock(), p + "block", v);
    ProtoEnums.required(in.getPolarity(), p + "polarity", v);
    ProtoEnums.known(in.getSource(), p + "source", v);
    v.check(in.getFrequency() != Frequency.UNRECOGNIZED, p + "frequency", "is not a known frequency");
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
    return new IndicatorRow(null, in.getCode(), in.getTitle(), in.getBlock(), in.getThemeGroup(), in.getOutcome(),
        in.getUnits(), in.getPolarity(), source, in.getNiCode(), in.getMonitorOnly(), in.getCumulative(),
        in.getOwnerOrganisation(), frequency, in.getDecimalPlaces(), tolerance, in.getSourceReference(), null, null);
  }
}
