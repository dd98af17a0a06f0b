package org.laasuite.indicators.measure;

import org.laasuite.common.grpc.Protos;
import org.laasuite.indicators.figure.FigureMapper;
import org.laasuite.indicators.measure.References.Lookup;
import org.laasuite.indicators.v1.Baseline;
import org.laasuite.indicators.v1.Narrative;
import org.laasuite.indicators.v1.Outturn;
import org.laasuite.indicators.v1.RecordedJudgement;
import org.laasuite.indicators.v1.Target;

/** Measure records to protos; names are built from the indicator's code and the lookup. */
public final class MeasureMapper {

  private MeasureMapper() {
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
        .setSuperseded(!o.current());
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
        .setAuthor(n.author());
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
        .setRecordedBy(j.recordedBy());
    if (j.createTime() != null) {
      out.setCreateTime(Protos.timestamp(j.createTime()));
    }
    return out.build();
  }
}
