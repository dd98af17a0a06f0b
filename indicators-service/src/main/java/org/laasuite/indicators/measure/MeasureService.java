package org.laasuite.indicators.measure;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.laasuite.common.audit.AuditLog;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.indicators.area.AreaRow;
import org.laasuite.indicators.indicator.IndicatorRow;
import org.laasuite.indicators.indicator.IndicatorService;
import org.laasuite.indicators.measure.MeasureDrafts.BatchNarrative;
import org.laasuite.indicators.measure.MeasureDrafts.FigureDraft;
import org.laasuite.indicators.measure.MeasureDrafts.JudgementDraft;
import org.laasuite.indicators.measure.MeasureDrafts.NarrativeDraft;
import org.laasuite.indicators.measure.MeasureDrafts.OutturnDraft;
import org.laasuite.indicators.measure.MeasureRepositories.BaselineRepository;
import org.laasuite.indicators.measure.MeasureRepositories.NarrativeRepository;
import org.laasuite.indicators.measure.MeasureRepositories.OutturnRepository;
import org.laasuite.indicators.measure.MeasureRepositories.RecordedJudgementRepository;
import org.laasuite.indicators.measure.MeasureRepositories.TargetRepository;
import org.laasuite.indicators.entry.Entries;
import org.laasuite.indicators.figure.FigureUnits;
import org.laasuite.indicators.period.PeriodRow;
import org.laasuite.indicators.v1.PublicationState;

/**
 * Baselines, targets, outturns, narratives and recorded judgements of an indicator: their rules
 * and transactions. Every create takes a draft whose shape {@link MeasureMapper} has checked into
 * the request's violations, adds what it cannot find to them, and writes nothing when any part is
 * wrong.
 */
@Singleton
public class MeasureService {

  private final IndicatorService indicators;
  private final References references;
  private final BaselineRepository baselines;
  private final TargetRepository targets;
  private final OutturnRepository outturns;
  private final NarrativeRepository narratives;
  private final RecordedJudgementRepository judgements;
  private final Entries entries;
  private final AuditLog audit;

  public MeasureService(IndicatorService indicators, References references, BaselineRepository baselines,
      TargetRepository targets, OutturnRepository outturns, NarrativeRepository narratives,
      RecordedJudgementRepository judgements, Entries entries, AuditLog audit) {
    this.entries = entries;
    this.audit = audit;
    this.indicators = indicators;
    this.references = references;
    this.baselines = baselines;
    this.targets = targets;
    this.outturns = outturns;
    this.narratives = narratives;
    this.judgements = judgements;
  }

  /** Saves the baseline {@code d} describes, once the period and area it names are found (into {@code v}). */
  @Transactional
  public BaselineRow createBaseline(IndicatorRow indicator, FigureDraft d, Violations v) {
    PeriodRow period = references.period(d.period(), "baseline.period", false, v);
    AreaRow area = references.area(d.area(), "baseline.area", v);
    v.throwIfAny();
    return audited(indicator.code(), MeasureMapper::toProto, baselines.save(new BaselineRow(null, indicator.id(),
        period == null ? null : period.id(), area.id(), d.figure(), null)));
  }

  /** Saves the target {@code d} describes, once the period and area it names are found (into {@code v}). */
  @Transactional
  public TargetRow createTarget(IndicatorRow indicator, FigureDraft d, Violations v) {
    PeriodRow period = references.period(d.period(), "target.period", true, v);
    AreaRow area = references.area(d.area(), "target.area", v);
    v.throwIfAny();
    if (targets.existsByIndicatorIdAndPeriodIdAndAreaId(indicator.id(), period.id(), area.id())) {
      throw ApiException.withField(io.grpc.Status.Code.ALREADY_EXISTS, "TARGET_ALREADY_EXISTS",
          indicator.name() + " already has a target for " + d.period() + " in areas/" + area.code(),
          "target.period");
    }
    return audited(indicator.code(), MeasureMapper::toProto,
        targets.save(new TargetRow(null, indicator.id(), period.id(), area.id(), d.figure(), null)));
  }

  /**
   * Records the outturn {@code d} describes, once the periods and area it names are found: every
   * problem with it, its shape's already in {@code v}, refused at once.
   */
  @Transactional
  public OutturnRevisionRow createOutturn(IndicatorRow indicator, OutturnDraft d, String who, Violations v) {
    OutturnRevisionRow candidate = outturn(indicator, d, "outturn.", v);
    v.throwIfAny();
    return record(candidate, indicator.code(), false, who);
  }

  /**
   * Writes an outturn, a draft of its entry (opened for it: see {@link Entries#open}) unless {@code publish}; when
   * the period and area already have one, the new figure becomes the next revision and the earlier one is kept,
   * marked superseded.
   */
  OutturnRevisionRow record(OutturnRevisionRow outturn, String indicatorCode, boolean publish, String who) {
    OutturnRevisionRow candidate = stated(outturn.submittedBy(who), outturn.indicatorId(), outturn.periodId(),
        publish, who, OutturnRevisionRow::in);
    var previous = outturns.findCurrentForUpdate(candidate.indicatorId(), candidate.periodId(), candidate.areaId());
    if (previous.isEmpty()) {
      return audited(indicatorCode, MeasureMapper::toProto, outturns.save(candidate));
    }
    outturns.markSuperseded(previous.get().id());
    return audited(indicatorCode, MeasureMapper::toProto, outturns.save(candidate.asRevisionOf(previous.get())));
  }

  /**
   * The outturn {@code d} describes with the periods and area it names found, or null (with
   * violations under {@code p}: "outturn." or "" for import rows) when any is missing or the
   * indicator or figure is.
   */
  private OutturnRevisionRow outturn(IndicatorRow indicator, OutturnDraft d, String p, Violations v) {
    PeriodRow period = references.period(d.period(), p + "period", true, v);
    PeriodRow dataPeriod = references.period(d.dataPeriod(), p + "data_period", false, v);
    AreaRow area = references.area(d.area(), p + "area", v);
    if (indicator != null) {
      FigureUnits.check(indicator.units(), d.row().figure(), p + (p.isEmpty() ? "value" : "figure"), v);
    }
    if (indicator == null || period == null || area == null || d.row().figure() == null) {
      return null;
    }
    return d.row().placed(indicator.id(), period.id(), dataPeriod == null ? null : dataPeriod.id(), area.id());
  }

  /** Saves the narrative {@code d} describes, once the period it names is found (into {@code v}). */
  @Transactional
  public NarrativeRow createNarrative(IndicatorRow indicator, NarrativeDraft d, String who, Violations v) {
    NarrativeRow row = narrative(indicator, d, "narrative.", v);
    v.throwIfAny();
    return audited(indicator.code(), MeasureMapper::toProto, narratives.save(stated(row, row.indicatorId(),
        row.periodId(), false, who, (n, state, at) -> n.placed(n.indicatorId(), n.periodId(), state, at, who))));
  }

  /**
   * Every narrative checked first, each problem named by its place in the request (their shape
   * already in {@code v}); then all saved, in the order of {@code batch}.
   */
  @Transactional
  public List<NarrativeRow> batchCreateNarratives(List<BatchNarrative> batch, boolean publish, String who,
      Violations v) {
    List<String> codes = batch.stream().map(BatchNarrative::indicatorCode).filter(Objects::nonNull).toList();
    Map<String, IndicatorRow> found = codes.isEmpty() ? Map.of() : indicators.byCodes(codes);
    List<NarrativeRow> rows = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      String at = "requests[" + i + "]";
      String code = batch.get(i).indicatorCode();
      IndicatorRow indicator = code == null ? null : found.get(code);
      if (code != null && indicator == null) {
        v.add(at + ".parent", ResourceNames.INDICATORS.name(code) + " does not exist");
      } else if (indicator != null && indicator.archived()) {
        v.add(at + ".parent", indicator.name() + " is archived; undelete it to record figures");
      }
      rows.add(narrative(indicator, batch.get(i).narrative(), at + ".narrative.", v));
    }
    v.throwIfAny();
    List<NarrativeRow> saved = new ArrayList<>();
    narratives.saveAll(rows.stream().map(n -> stated(n, n.indicatorId(), n.periodId(), publish, who,
        (r, state, at) -> r.placed(r.indicatorId(), r.periodId(), state, at, who))).toList()).forEach(saved::add);
    References.Lookup lookup = references.lookup(); // one for the batch's events, not one each
    for (int i = 0; i < saved.size(); i++) {
      String code = batch.get(i).indicatorCode();
      NarrativeRow n = saved.get(i);
      audit.created(() -> MeasureMapper.toProto(code, n, lookup));
    }
    return saved;
  }

  /** The narrative to save, or null (with violations under {@code prefix}) when its period or {@code indicator} is. */
  private NarrativeRow narrative(IndicatorRow indicator, NarrativeDraft d, String prefix, Violations v) {
    PeriodRow period = references.period(d.period(), prefix + "period", true, v);
    NarrativeRow n = d.row();
    return indicator == null || period == null ? null
        : n.placed(indicator.id(), period.id(), n.state(), null, "");
  }

  /** Saves the judgement {@code d} records, once the period it names is found (into {@code v}). */
  @Transactional
  public RecordedJudgementRow createJudgement(IndicatorRow indicator, JudgementDraft d, String who, Violations v) {
    PeriodRow period = references.period(d.period(), "judgement.period", true, v);
    v.throwIfAny();
    return audited(indicator.code(), MeasureMapper::toProto, judgements.save(stated(d.row(), indicator.id(),
        period.id(), false, who, (j, state, at) -> j.placed(indicator.id(), period.id(), state, at, who))));
  }

  /**
   * {@code row}, just written, after its audit event (a create, with the row as the API shows it): in the write's
   * transaction; nothing mapped or read for the rows of an import, which is one event of its own.
   */
  private <R, P extends com.google.protobuf.Message> R audited(String indicatorCode, MeasureMapper.ToProto<R, P> mapper,
      R row) {
    audit.created(() -> mapper.map(indicatorCode, row, references.lookup()));
    return row;
  }

  /** A revision in the state it is written in. */
  @FunctionalInterface
  interface InState<T> {
    T in(T row, PublicationState state, Instant publishTime);
  }

  /**
   * {@code row} as written now: published at once when {@code publish} (its entry made published if it is new),
   * else a pending revision of its entry, opened for it by {@code who}.
   */
  private <T> T stated(T row, long indicatorId, long periodId, boolean publish, String who, InState<T> in) {
    if (publish) {
      Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
      entries.published(List.of(new Entries.Key(indicatorId, periodId)), now);
      return in.in(row, PublicationState.PUBLICATION_STATE_PUBLISHED, now);
    }
    return in.in(row, entries.open(indicatorId, periodId, who), null);
  }

  /**
   * Writes a period's return (see SaveEntry): each outturn, the narrative and the judgement given, all checked first
   * (every problem under its field: "outturns[1].figure", "narrative.achieved"), then written as pending revisions of
   * the entry, which must still be at {@code etag} when one is given.
   */
  @Transactional
  public void saveEntry(IndicatorRow indicator, PeriodRow period, List<OutturnDraft> outturnDrafts,
      NarrativeDraft narrative, JudgementDraft judgement, String etag, String who, Violations v) {
    List<OutturnRevisionRow> os = new ArrayList<>();
    java.util.Set<String> areas = new java.util.HashSet<>();
    for (int i = 0; i < outturnDrafts.size(); i++) {
      OutturnDraft d = outturnDrafts.get(i);
      String p = "outturns[" + i + "].";
      v.check(areas.add(d.area().isEmpty() ? "areas/" + AreaRow.CITY : d.area()), p + "area",
          "names an area another outturn of the entry names already");
      os.add(outturn(indicator, d, p, v));
    }
    NarrativeRow n = narrative == null ? null : narrative(indicator, narrative, "narrative.", v);
    v.throwIfAny();
    entries.checkEtag(indicator, period, etag);
    os.forEach(o -> record(o, indicator.code(), false, who));
    if (n != null) {
      audited(indicator.code(), MeasureMapper::toProto, narratives.save(stated(n, indicator.id(), period.id(), false,
          who, (r, state, at) -> r.placed(r.indicatorId(), r.periodId(), state, at, who))));
    }
    if (judgement != null) {
      createJudgement(indicator, judgement, who, v);
    }
  }

  /** A page of {@code indicator}'s baselines, in the order they were made. */
  public Pages.Slice<BaselineRow> listBaselines(IndicatorRow indicator, Pages.Page page) {
    return page.slice(baselines.page(indicator.id(), page.size(), page.offset()));
  }

  /** A page of {@code indicator}'s targets, earliest period first. */
  public Pages.Slice<TargetRow> listTargets(IndicatorRow indicator, Pages.Page page) {
    return page.slice(targets.page(indicator.id(), page.size(), page.offset()));
  }

  /**
   * A page of {@code indicator}'s outturns: the latest revisions ({@code latest}) or the latest published ones, and
   * the revisions they corrected when {@code showSuperseded}.
   */
  public Pages.Slice<OutturnRevisionRow> listOutturns(IndicatorRow indicator, boolean showSuperseded, boolean latest,
      Pages.Page page) {
    return page.slice(outturns.page(indicator.id(), showSuperseded, latest, page.size(), page.offset()));
  }

  /** A page of {@code indicator}'s narratives (published ones only unless {@code latest}), as written. */
  public Pages.Slice<NarrativeRow> listNarratives(IndicatorRow indicator, boolean latest, Pages.Page page) {
    return page.slice(narratives.page(indicator.id(), latest, page.size(), page.offset()));
  }

  /** A page of {@code indicator}'s recorded judgements (published ones only unless {@code latest}), as recorded. */
  public Pages.Slice<RecordedJudgementRow> listJudgements(IndicatorRow indicator, boolean latest, Pages.Page page) {
    return page.slice(judgements.page(indicator.id(), latest, page.size(), page.offset()));
  }
}
