package org.laasuite.reporting.render;

import java.util.ArrayList;
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

  private FigureTable() {
  }

  public static List<Row> of(IndicatorReport r, PeriodNames periods) {
    Map<String, String[]> cells = new LinkedHashMap<>(); // period + area -> baseline, target, outturn, data period
    Map<String, String[]> keys = new LinkedHashMap<>();
    Fmt fmt = Fmt.INSTANCE;
    r.getBaselinesList().forEach(b -> cell(cells, keys, b.getPeriod(), b.getArea())[0] = fmt.figure(b.getFigure()));
    r.getTargetsList().forEach(t -> cell(cells, keys, t.getPeriod(), t.getArea())[1] = fmt.figure(t.getFigure()));
    r.getOutturnsList().forEach(o -> {
      String[] c = cell(cells, keys, o.getPeriod(), o.getArea());
      c[2] = fmt.figure(o.getFigure());
      c[3] = o.getDataPeriod().isEmpty() || o.getDataPeriod().equals(o.getPeriod()) ? ""
          : periods.label(o.getDataPeriod());
    });
    List<String> order = new ArrayList<>(cells.keySet());
    // A figure the source gave no date for (a baseline "2002-3 City Wide, 2003- 4 PN ...") comes first.
    order.sort(Comparator.comparingInt((String k) -> keys.get(k)[0].isEmpty() ? -1 : periods.order(keys.get(k)[0]))
        .thenComparing(k -> keys.get(k)[0]).thenComparing(k -> areaRank(keys.get(k)[1])));
    List<Row> rows = new ArrayList<>();
    for (String k : order) {
      String[] c = cells.get(k);
      String period = keys.get(k)[0];
      rows.add(new Row(period.isEmpty() ? "not dated" : periods.label(period), fmt.area(keys.get(k)[1]), c[0], c[1],
          c[2], c[3]));
    }
    return rows;
  }

  private static String[] cell(Map<String, String[]> cells, Map<String, String[]> keys, String period, String area) {
    String key = period + "|" + area;
    keys.putIfAbsent(key, new String[] {period, area});
    return cells.computeIfAbsent(key, k -> new String[] {"", "", "", ""});
  }

  /** The city first, then the priority neighbourhoods against the rest of the city, then the others. */
  private static String areaRank(String area) {
    return switch (area) {
      case "areas/city" -> "0";
      case "areas/priority-neighbourhoods" -> "1";
      case "areas/rest-of-city" -> "2";
      default -> "3" + area;
    };
  }
}
