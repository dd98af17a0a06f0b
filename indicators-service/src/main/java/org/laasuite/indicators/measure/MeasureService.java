package org.laasuite.indicators.measure;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.indicators.area.AreaRow;
import org.laasuite.indicators.figure.FigureMapper;
import org.laasuite.indicators.figure.FigureText;
import org.laasuite.indicators.figure.FigureValue;
import org.laasuite.indicators.indicator.IndicatorRow;
import org.laasuite.indicators.indicator.IndicatorService;
import org.laasuite.indicators.measure.MeasureRepositories.BaselineRepository;
import org.laasuite.indicators.measure.MeasureRepositories.NarrativeRepository;
import org.laasuite.indicators.measure.MeasureRepositories.OutturnRepository;
import org.laasuite.indicators.measure.MeasureRepositories.RecordedJudgementRepository;
import org.laasuite.indicators.measure.MeasureRepositories.TargetRepository;
import org.laasuite.indicators.period.PeriodRow;
import org.laasuite.indicators.v1.Baseline;
import org.laasuite.indicators.v1.CreateNarrativeRequest;
import org.laasuite.indicators.v1.FieldProblem;
import org.laasuite.indicators.v1.ImportOutturnsResponse;
import org.laasuite.indicators.v1.Narrative;
import org.laasuite.indicators.v1.Outturn;
import org.laasuite.indicators.v1.OutturnRow;
import org.laasuite.indicators.v1.OutturnStatus;
import org.laasuite.indicators.v1.RecordedJudgement;
import org.laasuite.indicators.v1.RejectedRow;
import org.laasuite.indicators.v1.Target;

/**
 * Baselines, targets, outturns, narratives and recorded judgements of an indicator: their rules
 * and transactions. Every create validates the whole request first and writes nothing when any
 * part is wrong.
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

  public MeasureService(IndicatorService indicators, References references, BaselineRepository baselines,
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

  @Transactional
  public BaselineRow createBaseline(IndicatorRow indicator, Baseline in) {
    Violations v = new Violations();
    PeriodRow period = references.period(in.getPeriod(), "baseline.period", false, v);
    AreaRow area = references.area(in.getArea(), "baseline.area", v);
    FigureValue figure = FigureMapper.fromProto(in.getFigure(), "baseline.figure", v);
    v.throwIfAny();
    return baselines.save(new BaselineRow(null, indicator.id(), period == null ? null : period.id(),
        area.id(), figure, null));
  }

  @Transactional
  public TargetRow createTarget(IndicatorRow indicator, Target in) {
    Violations v = new Violations();
    PeriodRow period = references.period(in.getPeriod(), "target.period", true, v);
    AreaRow area = references.area(in.getArea(), "target.area", v);
    FigureValue figure = FigureMapper.fromProto(in.getFigure(), "target.figure", v);
    v.throwIfAny();
    if (targets.existsByIndicatorIdAndPeriodIdAndAreaId(indicator.id(), period.id(), area.id())) {
      throw ApiException.withField(io.grpc.Status.Code.ALREADY_EXISTS, "TARGET_ALREADY_EXISTS",
          indicator.name() + " already has a target for " + in.getPeriod() + " in areas/" + area.code(),
          "target.period");
    }
    return targets.save(new TargetRow(null, indicator.id(), period.id(), area.id(), figure, null));
  }

  @Transactional
  public OutturnRevisionRow createOutturn(IndicatorRow indicator, Outturn in) {
    Violations v = new Violations();
    FigureValue figure = FigureMapper.fromProto(in.getFigure(), "outturn.figure", v);
    OutturnRevisionRow candidate = outturn(indicator, in, figure, "outturn.", v);
    v.throwIfAny();
    return record(candidate);
  }

  /**
   * Writes an outturn; when the period and area already have one, the new figure becomes the next
   * revision and the earlier one is kept, marked superseded.
   */
  OutturnRevisionRow record(OutturnRevisionRow candidate) {
    var previous = outturns.findCurrentForUpdate(candidate.indicatorId(), candidate.periodId(), candidate.areaId());
    if (previous.isEmpty()) {
      return outturns.save(candidate);
    }
    outturns.markSuperseded(previous.get().id());
    return outturns.save(candidate.asRevisionOf(previous.get()));
  }

  /** The outturn {@code in} describes; {@code p} prefixes field paths ("outturn." or "" for import rows). */
  private OutturnRevisionRow outturn(IndicatorRow indicator, Outturn in, FigureValue figure, String p,
      Violations v) {
    PeriodRow period = references.period(in.getPeriod(), p + "period", true, v);
    PeriodRow dataPeriod = references.period(in.getDataPeriod(), p + "data_period", false, v);
    AreaRow area = references.area(in.getArea(), p + "area", v);
    ProtoEnums.known(in.getStatus(), p + "status", v);
    BigDecimal coverage = null;
    if (in.hasCoverage()) {
      coverage = Protos.decimal(in.getCoverage(), p + "coverage", v).orElse(null);
      if (coverage != null) {
        v.check(coverage.signum() > 0 && coverage.compareTo(BigDecimal.ONE) <= 0, p + "coverage",
            "must be more than 0 and at most 1");
      }
    }
    v.maxLength(in.getSource(), Violations.MAX_TITLE, p + "source");
    v.maxLength(in.getNote(), Violations.MAX_TEXT, p + "note");
    v.maxLength(in.getSubmittedBy(), Violations.MAX_TITLE, p + "submitted_by");
    if (period == null || area == null || figure == null) {
      return null;
    }
    OutturnStatus status = in.getStatus() == OutturnStatus.OUTTURN_STATUS_UNSPECIFIED ? OutturnStatus.OUTTURN_STATUS_FINAL
        : in.getStatus();
    return new OutturnRevisionRow(null, indicator.id(), period.id(), dataPeriod == null ? null : dataPeriod.id(), area.id(),
        figure, status, coverage, in.getSource(), in.getNote(), in.getSubmittedBy(), null, 1, null, true);
  }

  /**
   * Checks every row of an import, then writes the good ones in one transaction: all of them, or,
   * when any row is rejected, none unless {@code allowPartial}.
   */
  @Transactional
  public ImportOutturnsResponse importOutturns(List<OutturnRow> rows, boolean validateOnly, boolean allowPartial) {
    List<OutturnRevisionRow> accepted = new ArrayList<>();
    List<RejectedRow> rejected = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      OutturnRow row = rows.get(i);
      int number = row.getRowNumber() > 0 ? row.getRowNumber() : i + 1;
      Violations v = new Violations();
      IndicatorRow indicator = null;
      try {
        indicator = indicators.get(row.getIndicator(), "indicator");
      } catch (ApiException e) {
        v.add("indicator", e.violations().isEmpty() ? e.getMessage() : e.violations().getFirst().getDescription());
      }
      OutturnRevisionRow o = null;
      FigureValue figure = null;
      if (v.required(row.getValue(), "value") && v.maxLength(row.getValue(), Violations.MAX_TITLE, "value")) {
        figure = FigureText.parse(row.getValue());
      }
      if (indicator != null) {
        o = outturn(indicator, Outturn.newBuilder()
            .setPeriod(row.getPeriod()).setDataPeriod(row.getDataPeriod()).setArea(row.getArea())
            .setStatus(row.getStatus()).setSource(row.getSource()).setNote(row.getNote())
            .setSubmittedBy(row.getSubmittedBy()).build(), figure, "", v);
      }
      if (v.isEmpty() && o != null) {
        accepted.add(o);
      } else {
        var r = RejectedRow.newBuilder().setRowNumber(number);
        v.list().forEach(fv -> r.addProblems(FieldProblem.newBuilder()
            .setField(fv.getField())
            .setDescription(fv.getDescription())));
        rejected.add(r.build());
      }
    }
    boolean write = !validateOnly && (rejected.isEmpty() || allowPartial) && !accepted.isEmpty();
    if (write) {
      accepted.forEach(this::record);
    }
    return ImportOutturnsResponse.newBuilder().setAcceptedCount(accepted.size()).addAllRejected(rejected)
        .setWritten(write).build();
  }

  @Transactional
  public NarrativeRow createNarrative(IndicatorRow indicator, Narrative in) {
    Violations v = new Violations();
    NarrativeRow draft = narrative(indicator, in, "narrative.", v);
    v.throwIfAny();
    return narratives.save(draft);
  }

  /** Every narrative checked first, each problem named by its place in the request; then all saved. */
  @Transactional
  public List<Narrative> batchCreateNarratives(List<CreateNarrativeRequest> requests) {
    Violations v = new Violations();
    ResourceNames.checkBatch(requests.size(), true, "requests", "narratives", v);
    v.throwIfAny();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      codes.add(ResourceNames.INDICATORS.id(requests.get(i).getParent(), "requests[" + i + "].parent", v));
    }
    Map<String, IndicatorRow> found = indicators.byCodes(codes.stream().filter(java.util.Objects::nonNull).toList());
    List<NarrativeRow> drafts = new ArrayList<>();
    Map<Long, String> codeOf = new HashMap<>();
    for (int i = 0; i < requests.size(); i++) {
      String at = "requests[" + i + "]";
      IndicatorRow indicator = codes.get(i) == null ? null : found.get(codes.get(i));
      if (codes.get(i) != null && indicator == null) {
        v.add(at + ".parent", requests.get(i).getParent() + " does not exist");
      }
      NarrativeRow draft = narrative(indicator, requests.get(i).getNarrative(), at + ".narrative.", v);
      if (indicator != null) {
        drafts.add(draft);
        codeOf.put(indicator.id(), indicator.code());
      }
    }
    v.throwIfAny();
    var lookup = references.lookup();
    List<Narrative> out = new ArrayList<>();
    narratives.saveAll(drafts).forEach(n -> out.add(MeasureMapper.toProto(codeOf.get(n.indicatorId()), n, lookup)));
    return out;
  }

  /** A narrative to save, or null (with violations under {@code prefix}) when {@code indicator} is. */
  private NarrativeRow narrative(IndicatorRow indicator, Narrative in, String prefix,
      Violations v) {
    PeriodRow period = references.period(in.getPeriod(), prefix + "period", true, v);
    v.maxLength(in.getAchieved(), Violations.MAX_TEXT, prefix + "achieved");
    v.maxLength(in.getNextSteps(), Violations.MAX_TEXT, prefix + "next_steps");
    v.maxLength(in.getAuthor(), Violations.MAX_TITLE, prefix + "author");
    v.check(!in.getAchieved().isBlank() || !in.getNextSteps().isBlank(), prefix + "achieved",
        "a narrative needs what was achieved or what is next");
    return indicator == null || period == null ? null
        : new NarrativeRow(null, indicator.id(), period.id(), in.getAchieved(), in.getNextSteps(), in.getAuthor(), null);
  }

  @Transactional
  public RecordedJudgementRow createJudgement(IndicatorRow indicator, RecordedJudgement in) {
    Violations v = new Violations();
    PeriodRow period = references.period(in.getPeriod(), "judgement.period", true, v);
    ProtoEnums.required(in.getRating(), "judgement.rating", v);
    v.maxLength(in.getReason(), Violations.MAX_TEXT, "judgement.reason");
    v.maxLength(in.getRecordedBy(), Violations.MAX_TITLE, "judgement.recorded_by");
    v.throwIfAny();
    return judgements.save(new RecordedJudgementRow(null, indicator.id(), period.id(),
        in.getRating(), in.getReason(), in.getRecordedBy(), null));
  }

  /** A page of {@code indicator}'s baselines, in the order they were made. */
  public Pages.Slice<BaselineRow> listBaselines(IndicatorRow indicator, Pages.Page page) {
    return page.slice(baselines.page(indicator.id(), page.size(), page.offset()));
  }

  /** A page of {@code indicator}'s targets, earliest period first. */
  public Pages.Slice<TargetRow> listTargets(IndicatorRow indicator, Pages.Page page) {
    return page.slice(targets.page(indicator.id(), page.size(), page.offset()));
  }

  /** A page of {@code indicator}'s outturns (current revisions only unless {@code showSuperseded}). */
  public Pages.Slice<OutturnRevisionRow> listOutturns(IndicatorRow indicator, boolean showSuperseded, Pages.Page page) {
    return page.slice(outturns.page(indicator.id(), showSuperseded, page.size(), page.offset()));
  }

  /** A page of {@code indicator}'s narratives, in the order they were written. */
  public Pages.Slice<NarrativeRow> listNarratives(IndicatorRow indicator, Pages.Page page) {
    return page.slice(narratives.page(indicator.id(), page.size(), page.offset()));
  }

  /** A page of {@code indicator}'s recorded judgements, in the order they were recorded. */
  public Pages.Slice<RecordedJudgementRow> listJudgements(IndicatorRow indicator, Pages.Page page) {
    return page.slice(judgements.page(indicator.id(), page.size(), page.offset()));
  }
}
