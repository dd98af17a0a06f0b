package org.laasuite.indicators.report;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.laasuite.common.grpc.Protos;
import org.laasuite.indicators.area.AreaRow;
import org.laasuite.indicators.entry.Entries;
import org.laasuite.indicators.entry.EntryRow;
import org.laasuite.indicators.entry.EntryStepRow;
import org.laasuite.indicators.indicator.IndicatorRepository;
import org.laasuite.indicators.indicator.IndicatorRow;
import org.laasuite.indicators.judgement.JudgementMapper;
import org.laasuite.indicators.judgement.JudgementRule;
import org.laasuite.indicators.judgement.Observation;
import org.laasuite.indicators.judgement.TargetPoint;
import org.laasuite.indicators.measure.MeasureMapper;
import org.laasuite.indicators.measure.MeasureRepositories.NarrativeRepository;
import org.laasuite.indicators.measure.MeasureRepositories.OutturnRepository;
import org.laasuite.indicators.measure.MeasureRepositories.RecordedJudgementRepository;
import org.laasuite.indicators.measure.MeasureRepositories.TargetRepository;
import org.laasuite.indicators.measure.NarrativeRow;
import org.laasuite.indicators.measure.OutturnRevisionRow;
import org.laasuite.indicators.measure.RecordedJudgementRow;
import org.laasuite.indicators.measure.References;
import org.laasuite.indicators.measure.References.Lookup;
import org.laasuite.indicators.measure.TargetRow;
import org.laasuite.indicators.period.PeriodRow;
import org.laasuite.indicators.v1.Entry;
import org.laasuite.indicators.v1.EntryStep;
import org.laasuite.indicators.v1.Frequency;
import org.laasuite.indicators.v1.PublicationState;

/**
 * Entries as their protos: each with its latest (or, for the public, latest published) revisions, its steps and the
 * judgement the rule makes of its city outturn. Seven statements whatever the number of entries.
 */
@Singleton
public class EntryReports {

  private final Entries entries;
  private final IndicatorRepository indicators;
  private final References references;
  private final OutturnRepository outturns;
  private final NarrativeRepository narratives;
  private final RecordedJudgementRepository judgements;
  private final TargetRepository targets;

  public EntryReports(Entries entries, IndicatorRepository indicators, References references,
      OutturnRepository outturns, NarrativeRepository narratives, RecordedJudgementRepository judgements,
      TargetRepository targets) {
    this.entries = entries;
    this.indicators = indicators;
    this.references = references;
    this.outturns = outturns;
    this.narratives = narratives;
    this.judgements = judgements;
    this.targets = targets;
  }

  /**
   * The entries as protos, in their order: with pending revisions when {@code latest}, else as the public sees them
   * (an entry with nothing published yet is left out).
   */
  public List<Entry> view(List<EntryRow> rows, boolean latest) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Lookup lookup = references.lookup();
    List<Long> ids = rows.stream().map(EntryRow::indicatorId).distinct().toList();
    Map<Long, IndicatorRow> byId = new java.util.HashMap<>();
    indicators.findByIdIn(ids).forEach(i -> byId.put(i.id(), i));
    var outturnsOf = (latest ? outturns.findByIndicatorIdInAndCurrentTrueOrderById(ids) : outturns.publishedOf(ids))
        .stream().collect(Collectors.groupingBy(OutturnRevisionRow::indicatorId));
    var narrativesOf = (latest ? narratives.findByIndicatorIdInOrderById(ids)
        : narratives.findByIndicatorIdInAndPublishTimeIsNotNullOrderById(ids)).stream()
        .collect(Collectors.groupingBy(NarrativeRow::indicatorId));
    var judgementsOf = (latest ? judgements.findByIndicatorIdInOrderById(ids)
        : judgements.findByIndicatorIdInAndPublishTimeIsNotNullOrderById(ids)).stream()
        .collect(Collectors.groupingBy(RecordedJudgementRow::indicatorId));
    var targetsOf = targets.findByIndicatorIdInOrderById(ids).stream()
        .collect(Collectors.groupingBy(TargetRow::indicatorId));
    var stepsOf = entries.steps(rows.stream().map(EntryRow::id).toList()).stream()
        .collect(Collectors.groupingBy(EntryStepRow::entryId));
    long city = lookup.areas().values().stream().filter(a -> a.code().equals(AreaRow.CITY)).mapToLong(AreaRow::id)
        .findFirst().orElse(-1);
    List<Entry> out = new ArrayList<>();
    for (EntryRow e : rows) {
      IndicatorRow i = byId.get(e.indicatorId());
      PeriodRow period = lookup.period(e.periodId());
      List<OutturnRevisionRow> all = outturnsOf.getOrDefault(i.id(), List.of());
      List<OutturnRevisionRow> os = all.stream().filter(o -> o.periodId() == e.periodId()).toList();
      NarrativeRow n = last(narrativesOf.getOrDefault(i.id(), List.of()), r -> r.periodId() == e.periodId());
      RecordedJudgementRow j = last(judgementsOf.getOrDefault(i.id(), List.of()), r -> r.periodId() == e.periodId());
      List<EntryStepRow> steps = stepsOf.getOrDefault(e.id(), List.of());
      if (!latest) {
        if (os.isEmpty() && n == null && j == null) {
          continue;
        }
        long lastPublished = steps.stream().filter(s -> s.state() == PublicationState.PUBLICATION_STATE_PUBLISHED)
            .mapToLong(EntryStepRow::id).max().orElse(0);
        steps = steps.stream().filter(s -> s.id() <= lastPublished).toList();
      }
      var entry = Entry.newBuilder()
          .setName(Entries.of(i.code(), period.code()))
          .setIndicator(i.name())
          .setPeriod("periods/" + period.code())
          .setState(latest ? e.state() : PublicationState.PUBLICATION_STATE_PUBLISHED)
          .setThemeGroup(i.themeGroup())
          .setEtag(Entries.etag(e))
          .setUpdateTime(Protos.timestamp(e.updateTime()))
          .setUpdateBy(e.updateBy());
      if (latest && e.state() == PublicationState.PUBLICATION_STATE_RETURNED) {
        entry.setReturnReason(e.returnReason());
      }
      os.stream().sorted(Comparator.comparing(o -> lookup.area(o.areaId()).code()))
          .forEach(o -> entry.addOutturns(MeasureMapper.toProto(i.code(), o, lookup)));
      if (n != null) {
        entry.setNarrative(MeasureMapper.toProto(i.code(), n, lookup));
      }
      if (j != null) {
        entry.setRecordedJudgement(MeasureMapper.toProto(i.code(), j, lookup));
      }
      List<TargetRow> ts = targetsOf.getOrDefault(i.id(), List.of());
      List<TargetPoint> cityTargets = ts.stream().filter(t -> t.areaId() == city)
          .map(t -> new TargetPoint(lookup.period(t.periodId()), t.figure())).toList();
      // The city's figures up to the entry's period, judged as a report card judges them.
      List<Observation> observed = ReportService.observations(all.stream()
          .filter(o -> !lookup.period(o.periodId()).endDate().isAfter(period.endDate())).toList(), lookup,
          id -> id == city);
      entry.setComputedJudgement(JudgementMapper.toProto(JudgementRule.judge(ReportService.settings(i), observed,
          cityTargets)));
      steps.forEach(s -> entry.addHistory(EntryStep.newBuilder().setState(s.state()).setBy(s.byWhom())
          .setTime(Protos.timestamp(s.stepTime())).setReason(s.reason())));
      if (!i.monitorOnly() && ts.stream().noneMatch(t -> t.areaId() == city && t.figure().hasValue()
          && lookup.period(t.periodId()).contains(period))) {
        entry.addFlags("no target for periods/" + period.code() + ": the figure is accepted, but cannot be judged "
            + "against one");
      }
      if (i.frequency() == Frequency.FREQUENCY_UNSPECIFIED) {
        entry.addFlags("the indicator has no reporting frequency: no figure is ever due");
      }
      out.add(entry.build());
    }
    return out;
  }

  private static <T> T last(List<T> rows, java.util.function.Predicate<T> keep) {
    T found = null;
    for (T r : rows) {
      if (keep.test(r)) {
        found = r;
      }
    }
    return found;
  }
}
