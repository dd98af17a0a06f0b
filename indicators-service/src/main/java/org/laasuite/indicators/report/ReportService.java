package org.laasuite.indicators.report;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.indicators.area.AreaRow;
import org.laasuite.indicators.indicator.IndicatorRow;
import org.laasuite.indicators.indicator.IndicatorService;
import org.laasuite.indicators.judgement.ComparatorPositions;
import org.laasuite.indicators.judgement.GapValue;
import org.laasuite.indicators.judgement.Judgement;
import org.laasuite.indicators.judgement.JudgementRule;
import org.laasuite.indicators.judgement.Observation;
import org.laasuite.indicators.judgement.TargetPoint;
import org.laasuite.indicators.judgement.Trends;
import org.laasuite.indicators.measure.BaselineRow;
import org.laasuite.indicators.measure.NarrativeRow;
import org.laasuite.indicators.measure.OutturnRevisionRow;
import org.laasuite.indicators.measure.RecordedJudgementRow;
import org.laasuite.indicators.measure.References.Lookup;
import org.laasuite.indicators.period.PeriodRow;

/**
 * Everything a report card needs of many indicators, in two statements whatever their number: the indicators, and
 * {@link ReportFigures}'s one statement for their figures (comparator figures too) and the areas and periods these
 * name. Each report's comparator positions are ComparatorPositions' of its city figures. A report carries the
 * outturns of its indicator's latest {@code laa.reports.outturn-periods} periods (default 20) and says how many earlier
 * ones it leaves out. It answers {@link IndicatorReportValue}s; {@link ReportMapper} makes them protos.
 */
@Singleton
public class ReportService {

  /** Enough periods for every card of the demo data and a chart of years of quarters, few enough to stay small. */
  public static final int DEFAULT_OUTTURN_PERIODS = 20;

  private final IndicatorService indicators;
  private final ReportFigures figures;
  private final IndicatorPages pages;
  private final int outturnPeriods;

  public ReportService(IndicatorService indicators, ReportFigures figures, IndicatorPages pages,
      @Value("${laa.reports.outturn-periods:" + DEFAULT_OUTTURN_PERIODS + "}") int outturnPeriods) {
    this.indicators = indicators;
    this.figures = figures;
    this.pages = pages;
    this.outturnPeriods = Math.max(1, outturnPeriods);
  }

  /** The indicators {@code names} names, in order (INVALID_ARGUMENT or NOT_FOUND for a bad name). */
  public List<IndicatorRow> named(List<String> names) {
    Violations batch = new Violations();
    ResourceNames.checkBatch(names.size(), false, "names", "indicators", batch);
    batch.throwIfAny();
    return names.isEmpty() ? List.of() : indicators.getAll(names, "names");
  }

  /** A page of the indicators {@code filter} matches with their total, as IndicatorService.list: one statement. */
  public Pages.Slice<IndicatorRow> page(IndicatorService.Filter filter, Pages.Page page) {
    return pages.list(filter, page);
  }

  /** The published reports of indicators already read, in their order. */
  public List<IndicatorReportValue> reportsOf(List<IndicatorRow> found) {
    return reportsOf(found, Set.of());
  }

  /**
   * The reports of indicators already read, in their order: of those in {@code latestFor} (ids) with their latest
   * revisions, pending or not; of the others with what is published. One statement whatever their number.
   */
  public List<IndicatorReportValue> reportsOf(List<IndicatorRow> found, Set<Long> latestFor) {
    return reportsOf(found, latestFor, outturnPeriods);
  }

  /** As {@link #reportsOf(List, Set)}, with the outturns of each indicator's latest {@code periodCount} periods. */
  public List<IndicatorReportValue> reportsOf(List<IndicatorRow> found, Set<Long> latestFor, int periodCount) {
    if (found.isEmpty()) {
      return List.of();
    }
    List<Long> ids = found.stream().map(IndicatorRow::id).distinct().toList();
    ReportFigures.Figures read = figures.of(ids, latestFor, Math.max(1, periodCount));
    Lookup lookup = read.lookup();
    Comparator<Long> byPeriodStart = Comparator.comparing((Long id) -> lookup.period(id).startDate())
        .thenComparing(id -> lookup.period(id).endDate());
    return found.stream().map(i -> {
      List<BaselineRow> bs = read.baselines().getOrDefault(i.id(), List.of());
      var ts = read.targets().getOrDefault(i.id(), List.of()).stream()
          .sorted(Comparator.comparing(t -> t.periodId(), byPeriodStart)).toList();
      var os = read.outturns().getOrDefault(i.id(), List.of()).stream()
          .sorted(Comparator.comparing(OutturnRevisionRow::periodId, byPeriodStart)).toList();

      var settings = settings(i);
      List<Observation> city = observations(os, lookup, area(lookup, AreaRow.CITY));
      List<TargetPoint> cityTargets = ts.stream().filter(t -> area(lookup, AreaRow.CITY).test(t.areaId()))
          .map(t -> new TargetPoint(lookup.period(t.periodId()), t.figure())).toList();
      List<Observation> priority = observations(os, lookup, area(lookup, AreaRow.PRIORITY_NEIGHBOURHOODS));
      List<Observation> rest = observations(os, lookup, area(lookup, AreaRow.REST_OF_CITY));
      GapValue gap = rest.isEmpty() ? Trends.gap(priority, city, "areas/" + AreaRow.CITY)
          : Trends.gap(priority, rest, "areas/" + AreaRow.REST_OF_CITY);
      NarrativeRow narrative = read.narratives().get(i.id());
      RecordedJudgementRow recorded = read.judgements().get(i.id());
      Set<Long> periodIds = new HashSet<>();
      bs.forEach(b -> periodIds.add(b.periodId()));
      ts.forEach(t -> periodIds.add(t.periodId()));
      os.forEach(o -> {
        periodIds.add(o.periodId());
        periodIds.add(o.dataPeriodId());
      });
      if (narrative != null) {
        periodIds.add(narrative.periodId());
      }
      if (recorded != null) {
        periodIds.add(recorded.periodId());
      }
      List<PeriodRow> periods = periodIds.stream().filter(Objects::nonNull).sorted(byPeriodStart)
          .map(lookup::period).toList();
      Judgement judged = JudgementRule.judge(settings, city, cityTargets);
      var comparators = ComparatorPositions.of(i.polarity(), code -> code.equals(AreaRow.CITY) ? city
          : observations(os, lookup, area(lookup, code)), judged,
          comparatorGroups(read.comparators().getOrDefault(i.id(), List.of()), lookup));
      List<PeriodRow> named = new java.util.ArrayList<>(periods);
      comparators.stream().map(ComparatorPositions.Position::period).filter(Objects::nonNull)
          .filter(p -> !periodIds.contains(p.id())).distinct().forEach(named::add);
      named.sort(Comparator.comparing(PeriodRow::startDate).thenComparing(PeriodRow::endDate));
      return new IndicatorReportValue(i, bs, ts, os, read.earlierOutturns().contains(i.id()), narrative,
          recorded, judged, Trends.trend(i.polarity(), city), gap, named, lookup, comparators);
    }).toList();
  }

  /** The published figures of every period, for a trend around a day: far more than any indicator has. */
  static final int ALL_PERIODS = 10_000;

  /**
   * For each indicator of {@code indicators} and the day at the same place of {@code days}: its trend before that day
   * and since (Trends.around), of its published city figures. One statement whatever their number.
   */
  public List<Trends.Around> trendsAround(List<IndicatorRow> indicators, List<java.time.LocalDate> days) {
    if (indicators.isEmpty()) {
      return List.of();
    }
    ReportFigures.Figures read = figures.of(indicators.stream().map(IndicatorRow::id).distinct().toList(), Set.of(),
        ALL_PERIODS);
    Lookup lookup = read.lookup();
    List<Trends.Around> out = new java.util.ArrayList<>();
    for (int k = 0; k < indicators.size(); k++) {
      IndicatorRow i = indicators.get(k);
      List<Observation> city = observations(read.outturns().getOrDefault(i.id(), List.of()), lookup,
          area(lookup, AreaRow.CITY));
      out.add(Trends.around(i.polarity(), city, days.get(k)));
    }
    return out;
  }

  /**
   * An indicator's comparator figures as the position rule takes them: a group for each group and local area, by
   * group id then local area code.
   */
  static List<ComparatorPositions.Group> comparatorGroups(List<ReportFigures.Comparison> figures, Lookup lookup) {
    java.util.Map<String, List<ReportFigures.Comparison>> byGroup = new java.util.TreeMap<>();
    figures.forEach(f -> byGroup.computeIfAbsent(f.groupCode() + " " + lookup.area(f.localAreaId()).code(),
        k -> new java.util.ArrayList<>()).add(f));
    return byGroup.values().stream().map(fs -> new ComparatorPositions.Group(fs.getFirst().groupCode(),
        fs.getFirst().groupTitle(), fs.getFirst().groupKind(), lookup.area(fs.getFirst().localAreaId()).code(),
        lookup.area(fs.getFirst().localAreaId()).title(), fs.stream().filter(f -> f.figure().hasValue())
            .sorted(Comparator.comparing(ReportFigures.Comparison::area))
            .map(f -> new ComparatorPositions.Point(f.area(), lookup.period(f.periodId()), f.figure().value(),
                f.note())).toList())).toList();
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
