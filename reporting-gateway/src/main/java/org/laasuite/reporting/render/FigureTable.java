package org.laasuite.reporting.render;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.laasuite.indicators.v1.IndicatorReport;

/**
 * A report card's figures as the partnership tabulates them: one row per period and area, in date
 * order, with its baseline, target and outturn side by side (and the period the outturn's data
 * covers when that is not the reporting period).
 */
public final class FigureTable {

  /** Empty strings where a row has no such figure. */
  public record Row(String period, String area, String baseline, String target, String outturn, String dataPeriod) {
  }

  private record Place(String period, String area) {
  }

  /** A row being filled: baseline, target, outturn, data period. */
  private static final class Cells {
    private final String[] text = {"", "", "", ""};
  }

  private FigureTable() {
  }

  public static List<Row> of(IndicatorReport r, PeriodNames periods) {
    Map<Place, Cells> rows = new LinkedHashMap<>();
    Fmt fmt = Fmt.INSTANCE;
    r.getBaselinesList().forEach(b -> cells(rows, b.getPeriod(), b.getArea()).text[0] = fmt.figure(b.getFigure()));
    r.getTargetsList().forEach(t -> cells(rows, t.getPeriod(), t.getArea()).text[1] = fmt.figure(t.getFigure()));
    r.getOutturnsList().forEach(o -> {
      Cells c = cells(rows, o.getPeriod(), o.getArea());
      c.text[2] = fmt.figure(o.getFigure());
      c.text[3] = o.getDataPeriod().isEmpty() || o.getDataPeriod().equals(o.getPeriod()) ? ""
          : periods.label(o.getDataPeriod());
    });
    // A figure the source gave no date for (a baseline "2002-3 City Wide, 2003- 4 PN ...") comes first.
    return rows.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(Comparator.comparingInt((Place p) -> p.period().isEmpty() ? -1
            : periods.order(p.period())).thenComparing(Place::period).thenComparing(p -> areaRank(p.area()))))
        .map(e -> {
          Place p = e.getKey();
          String[] c = e.getValue().text;
          return new Row(p.period().isEmpty() ? "not dated" : periods.label(p.period()), fmt.area(p.area()), c[0], c[1],
              c[2], c[3]);
        }).toList();
  }

  private static Cells cells(Map<Place, Cells> rows, String period, String area) {
    return rows.computeIfAbsent(new Place(period, area), k -> new Cells());
  }

  /** The city first, then the priority neighbourhoods against the rest of the city, then the others: a sort key. */
  public static String areaRank(String area) {
    return switch (area) {
      case "areas/city" -> "0";
      case "areas/priority-neighbourhoods" -> "1";
      case "areas/rest-of-city" -> "2";
      default -> "3" + area;
    };
  }
}
