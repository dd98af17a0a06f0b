package org.laasuite.indicators.report;

import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.indicators.area.AreaRow;
import org.laasuite.indicators.indicator.IndicatorRow;
import org.laasuite.indicators.indicator.IndicatorService;
import org.laasuite.indicators.judgement.GapValue;
import org.laasuite.indicators.judgement.JudgementRule;
import org.laasuite.indicators.judgement.Observation;
import org.laasuite.indicators.judgement.TargetPoint;
import org.laasuite.indicators.judgement.Trends;
import org.laasuite.indicators.measure.BaselineRow;
import org.laasuite.indicators.measure.MeasureRepositories.BaselineRepository;
import org.laasuite.indicators.measure.MeasureRepositories.NarrativeRepository;
import org.laasuite.indicators.measure.MeasureRepositories.OutturnRepository;
import org.laasuite.indicators.measure.MeasureRepositories.RecordedJudgementRepository;
import org.laasuite.indicators.measure.MeasureRepositories.TargetRepository;
import org.laasuite.indicators.measure.NarrativeRow;
import org.laasuite.indicators.measure.OutturnRevisionRow;
import org.laasuite.indicators.measure.RecordedJudgementRow;
import org.laasuite.indicators.measure.References.Lookup;
import org.laasuite.indicators.measure.References;
import org.laasuite.indicators.period.PeriodRow;

/**
 * Everything a report card needs of many indicators, in a constant number of statements: the
 * indicators, the areas and periods, and one statement per kind of measure for all of them. It
 * answers {@link IndicatorReportValue}s; {@link ReportMapper} makes them protos.
 */
@Singleton
public class ReportService {

  private final IndicatorService indicators;
  private final References references;
  private final BaselineRepository baselines;
  private final TargetRepository targets;
  private final OutturnRepository outturns;
  private final NarrativeRepository narratives;
  private final RecordedJudgementRepository judgements;

  public ReportService(IndicatorService indicators, References references, BaselineRepository baselines,
      TargetRepository targets, OutturnRepository outturns, NarrativeRepository narratives,
      RecordedJudgementRepository judgements) {
    this.indicators = indicators;
    this.references = references;
    this.baselines = baselines;
    this.targets = targets;
    this.outturns = outturns;
    this.narratives = narratives;
    this.judgements = judgements;
  }

  /** The indicators {@code names} names, in order (INVALID_ARGUMENT or NOT_FOUND for a bad name). */
  public List<IndicatorRow> named(List<String> names) {
    Violations batch = new Violations();
    ResourceNames.checkBatch(names.size(), false, "names", "indicators", batch);
    batch.throwIfAny();
    return names.isEmpty() ? List.of() : indicators.getAll(names, "names");
  }

  /** The published reports of indicators already read, in their order. */
  public List<IndicatorReportValue> reportsOf(List<IndicatorRow> found) {
    return reportsOf(found, Set.of());
  }

  /**
   * The reports of indicators already read, in their order: of those in {@code latestFor} (ids) with their latest
   * revisions, pending or not; of the others with what is published. At most eight statements whatever their number.
   */
  public List<IndicatorReportValue> reportsOf(List<IndicatorRow> found, Set<Long> latestFor) {
    if (found.isEmpty()) {
      return List.of();
    }
    List<Long> ids = found.stream().map(IndicatorRow::id).distinct().toList();
    List<Long> publishedIds = ids.stream().filter(id -> !latestFor.contains(id)).toList();
    List<Long> latestIds = ids.stream().filter(latestFor::contains).toList();
    List<OutturnRevisionRow> shown = new java.util.ArrayList<>();
    if (!publishedIds.isEmpty()) {
      shown.addAll(outturns.publishedOf(publishedIds));
    }
    if (!latestIds.isEmpty()) {
      shown.addAll(outturns.findByIndicatorIdInAndCurrentTrueOrderById(latestIds));
    }
    Lookup lookup = references.lookup();
    var baselinesOf = baselines.findByIndicatorIdInOrderById(ids).stream()
        .collect(Collectors.groupingBy(b -> b.indicatorId()));
    var targetsOf = targets.findByIndicatorIdInOrderById(ids).stream()
        .collect(Collectors.groupingBy(t -> t.indicatorId()));
    var outturnsOf = shown.stream().collect(Collectors.groupingBy(OutturnRevisionRow::indicatorId));
    var narrativesOf = narratives.findByIndicatorIdInOrderById(ids).stream()
        .filter(n -> n.publishTime() != null || latestFor.contains(n.indicatorId()))
        .collect(Collectors.groupingBy(n -> n.indicatorId()));
    var judgementsOf = judgements.findByIndicatorIdInOrderById(ids).stream()
        .filter(j -> j.publishTime() != null || latestFor.contains(j.indicatorId()))
        .collect(Collectors.groupingBy(j -> j.indicatorId()));
    Comparator<Long> byPeriodStart = Comparator.comparing((Long id) -> lookup.period(id).startDate())
        .thenComparing(id -> lookup.period(id).endDate());
    return found.stream().map(i -> {
      List<BaselineRow> bs = baselinesOf.getOrDefault(i.id(), List.of());
      var ts = targetsOf.getOrDefault(i.id(), List.of()).stream()
          .sorted(Comparator.comparing(t -> t.periodId(), byPeriodStart)).toList();
      var os = outturnsOf.getOrDefault(i.id(), List.of()).stream()
          .sorted(Comparator.comparing(OutturnRevisionRow::periodId, byPeriodStart)).toList();

      var settings = settings(i);
      List<Observation> city = observations(os, lookup, area(lookup, AreaRow.CITY));
      List<TargetPoint> cityTargets = ts.stream().filter(t -> area(lookup, AreaRow.CITY).test(t.areaId()))
          .map(t -> new TargetPoint(lookup.period(t.periodId()), t.figure())).toList();
      List<Observation> priority = observations(os, lookup, area(lookup, AreaRow.PRIORITY_NEIGHBOURHOODS));
      List<Observation> rest = observations(os, lookup, area(lookup, AreaRow.REST_OF_CITY));
      GapValue gap = rest.isEmpty() ? Trends.gap(priority, city, "areas/" + AreaRow.CITY)
          : Trends.gap(priority, rest, "areas/" + AreaRow.REST_OF_CITY);
      List<NarrativeRow> ns = narrativesOf.getOrDefault(i.id(), List.of());
      NarrativeRow narrative = ns.stream()
          .max(Comparator.comparing((NarrativeRow n) -> n.periodId(), byPeriodStart)
              .thenComparing(n -> n.id()))
          .orElse(null);
      List<RecordedJudgementRow> js = judgementsOf.getOrDefault(i.id(), List.of());
      RecordedJudgementRow recorded = js.stream()
          .max(Comparator.comparing((RecordedJudgementRow j) -> j.periodId(),
              byPeriodStart).thenComparing(j -> j.id()))
          .orElse(null);
      Set<Long> periodIds = new HashSet<>();
      bs.forEach(b -> periodIds.add(b.periodId()));
      ts.forEach(t -> periodIds.add(t.periodId()));
      os.forEach(o -> {
        periodIds.add(o.periodId());
        periodIds.add(o.dataPeriodId());
      });
      ns.forEach(n -> periodIds.add(n.periodId()));
      js.forEach(j -> periodIds.add(j.periodId()));
      List<PeriodRow> periods = periodIds.stream().filter(Objects::nonNull).sorted(byPeriodStart)
          .map(lookup::period).toList();
      return new IndicatorReportValue(i, bs, ts, os, narrative, recorded,
          JudgementRule.judge(settings, city, cityTargets), Trends.trend(i.polarity(), city), gap, periods, lookup);
    }).toList();
  }

  /** What the judgement rule needs to know of {@code i}. */
  static JudgementRule.Settings settings(IndicatorRow i) {
    return new JudgementRule.Settings(i.polarity(), i.monitorOnly(), i.cumulative(), i.amberTolerance());
  }

  private static Predicate<Long> area(Lookup lookup, String code) {
    return id -> lookup.area(id).code().equals(code);
  }

  /** The outturns of {@code os} in the areas {@code inArea} keeps that have a number, as the rule takes them. */
  static List<Observation> observations(List<OutturnRevisionRow> os, Lookup lookup, Predicate<Long> inArea) {
    return os.stream().filter(o -> inArea.test(o.areaId()) && o.figure().hasValue())
        .map(o -> new Observation(lookup.period(o.periodId()), lookup.period(o.dataPeriodId()), o.coverage(),
            o.figure().value()))
        .toList();
  }
}
