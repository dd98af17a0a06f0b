package org.laasuite.indicators.measure;

import com.google.type.Decimal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.laasuite.common.grpc.FieldBehaviors;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.indicators.figure.FigureMapper;
import org.laasuite.indicators.figure.FigureText;
import org.laasuite.indicators.figure.FigureValue;
import org.laasuite.indicators.measure.MeasureDrafts.BatchNarrative;
import org.laasuite.indicators.measure.MeasureDrafts.FigureDraft;
import org.laasuite.indicators.measure.MeasureDrafts.ImportResult;
import org.laasuite.indicators.measure.MeasureDrafts.ImportRow;
import org.laasuite.indicators.measure.MeasureDrafts.JudgementDraft;
import org.laasuite.indicators.measure.MeasureDrafts.NarrativeDraft;
import org.laasuite.indicators.measure.MeasureDrafts.OutturnDraft;
import org.laasuite.indicators.measure.References.Lookup;
import org.laasuite.indicators.v1.Baseline;
import org.laasuite.indicators.v1.CreateNarrativeRequest;
import org.laasuite.indicators.v1.FieldProblem;
import org.laasuite.indicators.v1.ImportOutturnsResponse;
import org.laasuite.indicators.v1.Narrative;
import org.laasuite.indicators.v1.Outturn;
import org.laasuite.indicators.v1.OutturnRow;
import org.laasuite.indicators.v1.OutturnStatus;
import org.laasuite.indicators.v1.PublicationState;
import org.laasuite.indicators.v1.RecordedJudgement;
import org.laasuite.indicators.v1.RejectedRow;
import org.laasuite.indicators.v1.Target;

/**
 * Measure records to protos, names built from the indicator's code and the lookup; and requests'
 * measures to drafts, their shape checked (the periods and areas they name are the service's to find).
 */
public final class MeasureMapper {

  private MeasureMapper() {
  }

  /** "outturn" or "outturn." to "outturn."; "" stays "". */
  private static String dot(String fieldPrefix) {
    return fieldPrefix.isEmpty() || fieldPrefix.endsWith(".") ? fieldPrefix : fieldPrefix + ".";
  }

  /** The baseline {@code in} describes, its shape checked into {@code v} under {@code fieldPrefix} ("baseline"). */
  public static FigureDraft fromProto(Baseline in, String fieldPrefix, Violations v) {
    FieldBehaviors.checkRequired(in, fieldPrefix, v);
    return new FigureDraft(in.getPeriod(), in.getArea(),
        FigureMapper.fromProto(in.getFigure(), dot(fieldPrefix) + "figure", v));
  }

  /** The target {@code in} describes, its shape checked into {@code v} under {@code fieldPrefix} ("target"). */
  public static FigureDraft fromProto(Target in, String fieldPrefix, Violations v) {
    FieldBehaviors.checkRequired(in, fieldPrefix, v);
    return new FigureDraft(in.getPeriod(), in.getArea(),
        FigureMapper.fromProto(in.getFigure(), dot(fieldPrefix) + "figure", v));
  }

  /** The outturn {@code in} describes, its shape checked into {@code v} under {@code fieldPrefix} ("outturn"). */
  public static OutturnDraft fromProto(Outturn in, String fieldPrefix, Violations v) {
    FieldBehaviors.checkRequired(in, fieldPrefix, v);
    String p = dot(fieldPrefix);
    FigureValue figure = FigureMapper.fromProto(in.getFigure(), p + "figure", v);
    return outturn(in.getPeriod(), in.getDataPeriod(), in.getArea(), figure, in.getStatus(),
        in.hasCoverage() ? in.getCoverage() : null, in.getSource(), in.getNote(), in.getSubmittedBy(), p, v);
  }

  /**
   * One row of an outturn import, numbered {@code number} (its own row_number when it has one), with its own
   * problems (fields named as the row's: "value", "period").
   */
  public static ImportRow fromProto(OutturnRow row, int number) {
    Violations v = new Violations();
    FieldBehaviors.checkRequired(row, "", v);
    FigureValue figure = null;
    if (v.required(row.getValue(), "value") && v.maxLength(row.getValue(), Violations.MAX_TITLE, "value")) {
      figure = FigureText.parse(row.getValue());
      if (!FigureMapper.storable(figure, "value", v)) {
        figure = null;
      }
    }
    OutturnDraft draft = outturn(row.getPeriod(), row.getDataPeriod(), row.getArea(), figure, row.getStatus(), null,
        row.getSource(), row.getNote(), row.getSubmittedBy(), "", v);
    return new ImportRow(row.getRowNumber() > 0 ? row.getRowNumber() : number, row.getIndicator(), draft, v);
  }

  /** An outturn's fields but its period and area checked under {@code p} ("outturn." or "" for import rows). */
  private static OutturnDraft outturn(String period, String dataPeriod, String area, FigureValue figure,
      OutturnStatus status, Decimal coverageIn, String source, String note, String submittedBy, String p,
      Violations v) {
    ProtoEnums.known(status, p + "status", v);
    BigDecimal coverage = null;
    if (coverageIn != null) {
      coverage = Protos.decimal(coverageIn, p + "coverage", v).orElse(null);
      if (coverage != null) {
        v.check(coverage.signum() > 0 && coverage.compareTo(BigDecimal.ONE) <= 0, p + "coverage",
            "must be more than 0 and at most 1");
      }
    }
    v.maxLength(source, Violations.MAX_TITLE, p + "source");
    v.maxLength(note, Violations.MAX_TEXT, p + "note");
    v.maxLength(submittedBy, Violations.MAX_TITLE, p + "submitted_by");
    OutturnStatus s = status == OutturnStatus.OUTTURN_STATUS_UNSPECIFIED ? OutturnStatus.OUTTURN_STATUS_FINAL : status;
    return new OutturnDraft(period, dataPeriod, area,
        OutturnRevisionRow.first(0, 0, null, 0, figure, s, coverage, source, note, submittedBy));
  }

  /** What an outturn import did, each rejected row with its problems. */
  public static ImportOutturnsResponse toProto(ImportResult result) {
    var out = ImportOutturnsResponse.newBuilder().setAcceptedCount(result.accepted()).setWritten(result.written())
        .setRejectedTotal(result.rejectedCount());
    for (ImportRow row : result.rejected()) {
      var r = RejectedRow.newBuilder().setRowNumber(row.number());
      row.problems().list().forEach(fv -> r.addProblems(FieldProblem.newBuilder()
          .setField(fv.getField())
          .setDescription(fv.getDescription())));
      out.addRejected(r);
    }
    return out.build();
  }

  /** The narrative {@code in} describes, its shape checked into {@code v} under {@code fieldPrefix} ("narrative"). */
  public static NarrativeDraft fromProto(Narrative in, String fieldPrefix, Violations v) {
    FieldBehaviors.checkRequired(in, fieldPrefix, v);
    String p = dot(fieldPrefix);
    v.maxLength(in.getAchieved(), Violations.MAX_TEXT, p + "achieved");
    v.maxLength(in.getNextSteps(), Violations.MAX_TEXT, p + "next_steps");
    v.maxLength(in.getAuthor(), Violations.MAX_TITLE, p + "author");
    v.check(!in.getAchieved().isBlank() || !in.getNextSteps().isBlank(), p + "achieved",
        "a narrative needs what was achieved or what is next");
    return new NarrativeDraft(in.getPeriod(),
        new NarrativeRow(null, 0, 0, in.getAchieved(), in.getNextSteps(), in.getAuthor(), null,
            PublicationState.PUBLICATION_STATE_DRAFT, null));
  }

  /** The narratives of a batch, each checked under its place ("requests[2].parent", "requests[2].narrative."). */
  public static List<BatchNarrative> fromProto(List<CreateNarrativeRequest> requests, Violations v) {
    ResourceNames.checkBatch(requests.size(), true, "requests", "narratives", v);
    if (!v.isEmpty()) {
      return List.of();
    }
    List<BatchNarrative> out = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      String at = "requests[" + i + "]";
      String code = ResourceNames.INDICATORS.id(requests.get(i).getParent(), at + ".parent", v);
      out.add(new BatchNarrative(code, fromProto(requests.get(i).getNarrative(), at + ".narrative", v)));
    }
    return out;
  }

  /** The judgement {@code in} records, its shape checked into {@code v} under {@code fieldPrefix} ("judgement"). */
  public static JudgementDraft fromProto(RecordedJudgement in, String fieldPrefix, Violations v) {
    FieldBehaviors.checkRequired(in, fieldPrefix, v);
    String p = dot(fieldPrefix);
    ProtoEnums.required(in.getRating(), p + "rating", v);
    v.maxLength(in.getReason(), Violations.MAX_TEXT, p + "reason");
    v.maxLength(in.getRecordedBy(), Violations.MAX_TITLE, p + "recorded_by");
    return new JudgementDraft(in.getPeriod(),
        new RecordedJudgementRow(null, 0, 0, in.getRating(), in.getReason(), in.getRecordedBy(), null,
            PublicationState.PUBLICATION_STATE_DRAFT, null));
  }

  /** One of the toProto methods below: a measure of the indicator {@code indicatorCode}, named with the lookup. */
  @FunctionalInterface
  public interface ToProto<R, P> {
    P map(String indicatorCode, R row, Lookup lookup);
  }

  public static Baseline toProto(String indicatorCode, BaselineRow b, Lookup l) {
    var out = Baseline.newBuilder()
        .setName("indicators/" + indicatorCode + "/baselines/" + b.id())
        .setPeriod(l.periodName(b.periodId()))
        .setArea(l.areaName(b.areaId()))
        .setFigure(FigureMapper.toProto(b.figure()));
    if (b.createTime() != null) {
      out.setCreateTime(Protos.timestamp(b.createTime()));
    }
    return out.build();
  }

  public static Target toProto(String indicatorCode, TargetRow t, Lookup l) {
    var out = Target.newBuilder()
        .setName("indicators/" + indicatorCode + "/targets/" + t.id())
        .setPeriod(l.periodName(t.periodId()))
        .setArea(l.areaName(t.areaId()))
        .setFigure(FigureMapper.toProto(t.figure()));
    if (t.createTime() != null) {
      out.setCreateTime(Protos.timestamp(t.createTime()));
    }
    return out.build();
  }

  public static Outturn toProto(String indicatorCode, OutturnRevisionRow o, Lookup l) {
    String prefix = "indicators/" + indicatorCode + "/outturns/";
    var out = Outturn.newBuilder()
        .setName(prefix + o.id())
        .setPeriod(l.periodName(o.periodId()))
        .setDataPeriod(l.periodName(o.dataPeriodId()))
        .setArea(l.areaName(o.areaId()))
        .setFigure(FigureMapper.toProto(o.figure()))
        .setStatus(o.status())
        .setSource(o.source())
        .setNote(o.note())
        .setSubmittedBy(o.submittedBy())
        .setRevision(o.revision())
        .setSupersedes(o.supersedesId() == null ? "" : prefix + o.supersedesId())
        .setSuperseded(!o.current())
        .setState(o.state());
    if (o.publishTime() != null) {
      out.setPublishTime(Protos.timestamp(o.publishTime()));
    }
    if (o.coverage() != null) {
      out.setCoverage(Protos.decimal(o.coverage()));
    }
    if (o.createTime() != null) {
      out.setCreateTime(Protos.timestamp(o.createTime()));
    }
    return out.build();
  }

  public static Narrative toProto(String indicatorCode, NarrativeRow n, Lookup l) {
    var out = Narrative.newBuilder()
        .setName("indicators/" + indicatorCode + "/narratives/" + n.id())
        .setPeriod(l.periodName(n.periodId()))
        .setAchieved(n.achieved())
        .setNextSteps(n.nextSteps())
        .setAuthor(n.author())
        .setState(n.state());
    if (n.publishTime() != null) {
      out.setPublishTime(Protos.timestamp(n.publishTime()));
    }
    if (n.createTime() != null) {
      out.setCreateTime(Protos.timestamp(n.createTime()));
    }
    return out.build();
  }

  public static RecordedJudgement toProto(String indicatorCode, RecordedJudgementRow j,
      Lookup l) {
    var out = RecordedJudgement.newBuilder()
        .setName("indicators/" + indicatorCode + "/judgements/" + j.id())
        .setPeriod(l.periodName(j.periodId()))
        .setRating(j.rating())
        .setReason(j.reason())
        .setRecordedBy(j.recordedBy())
        .setState(j.state());
    if (j.publishTime() != null) {
      out.setPublishTime(Protos.timestamp(j.publishTime()));
    }
    if (j.createTime() != null) {
      out.setCreateTime(Protos.timestamp(j.createTime()));
    }
    return out.build();
  }
}
