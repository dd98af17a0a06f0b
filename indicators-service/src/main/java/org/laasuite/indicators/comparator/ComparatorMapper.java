package org.laasuite.indicators.comparator;

import org.laasuite.common.grpc.FieldBehaviors;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.indicators.area.AreaRow;
import org.laasuite.indicators.figure.FigureMapper;
import org.laasuite.indicators.v1.ComparatorFigure;
import org.laasuite.indicators.v1.ComparatorGroup;

/** Comparator groups and figures to and from their protos. */
public final class ComparatorMapper {

  /** The collection of an indicator's comparator figures in their names: "indicators/CYP-28/comparatorFigures/3". */
  public static final String FIGURES = "comparatorFigures";

  private ComparatorMapper() {
  }

  public static ComparatorGroup toProto(ComparatorGroupRow g) {
    var b = ComparatorGroup.newBuilder().setName(ResourceNames.COMPARATOR_GROUPS.name(g.code())).setId(g.code())
        .setTitle(g.title()).setKind(g.kind()).setSource(g.source()).setNote(g.note());
    if (g.createTime() != null) {
      b.setCreateTime(Protos.timestamp(g.createTime()));
    }
    return b.build();
  }

  /** The group {@code in} describes, its shape checked into {@code v} under {@code fieldPrefix}. */
  public static ComparatorGroupRow fromProto(ComparatorGroup in, String fieldPrefix, Violations v) {
    FieldBehaviors.checkRequired(in, fieldPrefix, v);
    String p = fieldPrefix.isEmpty() ? "" : fieldPrefix + ".";
    ResourceNames.COMPARATOR_GROUPS.validId(in.getId(), p + "id", v);
    v.requiredText(in.getTitle(), Violations.MAX_TITLE, p + "title");
    ProtoEnums.required(in.getKind(), p + "kind", v);
    v.maxLength(in.getSource(), Violations.MAX_TITLE, p + "source");
    v.maxLength(in.getNote(), Violations.MAX_TEXT, p + "note");
    return new ComparatorGroupRow(null, in.getId(), in.getTitle().strip(), in.getKind(), in.getSource().strip(),
        in.getNote().strip(), null);
  }

  public static ComparatorFigure toProto(String indicatorCode, String groupCode, String periodCode,
      String localAreaCode, ComparatorFigureRow f) {
    var b = ComparatorFigure.newBuilder()
        .setName(ResourceNames.INDICATORS.name(indicatorCode) + "/" + FIGURES + "/" + f.id())
        .setGroup(ResourceNames.COMPARATOR_GROUPS.name(groupCode)).setPeriod(ResourceNames.PERIODS.name(periodCode))
        .setArea(f.area()).setFigure(FigureMapper.toProto(f.figure())).setSource(f.source()).setQuote(f.quote())
        .setNote(f.note()).setLocalArea(ResourceNames.AREAS.name(localAreaCode));
    if (f.createTime() != null) {
      b.setCreateTime(Protos.timestamp(f.createTime()));
    }
    return b.build();
  }

  /** The figure {@code in} describes (its group and period by code, not yet looked up), checked into {@code v}. */
  public static ComparatorService.FigureDraft fromProto(ComparatorFigure in, String fieldPrefix, Violations v) {
    FieldBehaviors.checkRequired(in, fieldPrefix, v);
    String p = fieldPrefix + ".";
    String group = in.getGroup().isEmpty() ? null : ResourceNames.COMPARATOR_GROUPS.id(in.getGroup(), p + "group", v);
    String period = in.getPeriod().isEmpty() ? null : ResourceNames.PERIODS.id(in.getPeriod(), p + "period", v);
    String localArea = in.getLocalArea().isEmpty() ? AreaRow.CITY
        : ResourceNames.AREAS.id(in.getLocalArea(), p + "local_area", v);
    v.requiredText(in.getArea().strip(), Violations.MAX_TITLE, p + "area");
    v.maxLength(in.getSource(), Violations.MAX_TITLE, p + "source");
    v.maxLength(in.getQuote(), Violations.MAX_TEXT, p + "quote");
    v.maxLength(in.getNote(), Violations.MAX_TEXT, p + "note");
    var figure = in.hasFigure() ? FigureMapper.fromProto(in.getFigure(), p + "figure", v) : null;
    return new ComparatorService.FigureDraft(group, period, localArea, in.getArea().strip(), figure,
        in.getSource().strip(),
        in.getQuote().strip(), in.getNote().strip());
  }
}
