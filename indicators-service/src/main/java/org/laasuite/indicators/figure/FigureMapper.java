package org.laasuite.indicators.figure;

import java.math.BigDecimal;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.Violations;
import org.laasuite.indicators.v1.Comparator;
import org.laasuite.indicators.v1.Figure;
import org.laasuite.indicators.v1.FigureStatus;

/** FigureValue record to and from its proto. */
public final class FigureMapper {

  private FigureMapper() {
  }

  public static Figure toProto(FigureValue f) {
    var b = Figure.newBuilder()
        .setComparator(f.comparator())
        .setDueYear(f.dueYear())
        .setCumulative(f.cumulative())
        .setStatus(f.status())
        .setOriginalText(f.originalText());
    if (f.value() != null) {
      b.setValue(Protos.decimal(f.value()));
    }
    if (f.secondaryValue() != null) {
      b.setSecondaryValue(Protos.decimal(f.secondaryValue()));
    }
    return b.build();
  }

  /**
   * The figure a client sent: a value (with its comparator and qualifiers), or only the original
   * text, which is then read as an import would read it.
   */
  public static FigureValue fromProto(Figure in, String field, Violations v) {
    String text = in.getOriginalText();
    if (!v.maxLength(text, Violations.MAX_TITLE, field + ".original_text")) {
      return null;
    }
    ProtoEnums.known(in.getComparator(), field + ".comparator", v);
    ProtoEnums.known(in.getStatus(), field + ".status", v);
    if (in.hasValue()) {
      BigDecimal value = Protos.decimal(in.getValue(), field + ".value", v).orElse(null);
      BigDecimal secondary = in.hasSecondaryValue()
          ? Protos.decimal(in.getSecondaryValue(), field + ".secondary_value", v).orElse(null) : null;
      v.check(in.getStatus() == FigureStatus.FIGURE_STATUS_UNSPECIFIED || in.getStatus() == FigureStatus.FIGURE_STATUS_VALUE,
          field + ".status", "must be VALUE (or unset) when a value is given");
      if (value == null) {
        return null;
      }
      Comparator comparator = in.getComparator() == Comparator.COMPARATOR_UNSPECIFIED ? Comparator.COMPARATOR_EQUAL
          : in.getComparator();
      return new FigureValue(value, comparator, in.getDueYear(), in.getCumulative(), secondary, FigureStatus.FIGURE_STATUS_VALUE,
          text.isBlank() ? value.toPlainString() : text.strip());
    }
    if (text.isBlank()) {
      v.add(field, "needs a value or the original text");
      return null;
    }
    FigureValue read = FigureText.parse(text);
    if (!storable(read, field + ".original_text", v)) {
      return null;
    }
    if (in.getStatus() != FigureStatus.FIGURE_STATUS_UNSPECIFIED && !read.hasValue()) {
      v.check(in.getStatus() != FigureStatus.FIGURE_STATUS_VALUE, field + ".status", "is VALUE but no value is given");
      return new FigureValue(null, Comparator.COMPARATOR_EQUAL, 0, false, null, in.getStatus(), read.originalText());
    }
    return read;
  }

  /**
   * Whether the numbers read from a figure's text are within what the suite stores (a violation of
   * {@code field} when not): a text of 901 digits is refused, never stored as a number no chart can draw.
   */
  public static boolean storable(FigureValue f, String field, Violations v) {
    boolean ok = (f.value() == null || Protos.storable(f.value()))
        && (f.secondaryValue() == null || Protos.storable(f.secondaryValue()));
    if (!ok) {
      v.add(field, "holds a number that " + Protos.outOfRange());
    }
    return ok;
  }
}
