package org.laasuite.reporting.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.laasuite.indicators.v1.Figure;
import org.laasuite.indicators.v1.FigureStatus;
import org.laasuite.indicators.v1.IndicatorReport;

/**
 * A report card's chart, drawn by JFreeChart into SVG (JFreeSVG): the outturns of each area (the
 * previous performance, joined by a line) against the targets and the baseline on a time axis, so
 * that the priority neighbourhoods' line can be read against the rest of the city's. The same SVG
 * goes into the HTML page and the PDF.
 */
public final class Charts {

  private static final int WIDTH = 680;
  private static final int HEIGHT = 280;
  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
  private static final Color[] AREA_COLOURS = {new Color(0x1d4e89), new Color(0xc0392b), new Color(0x2e7d32),
      new Color(0x6a1b9a)};

  private Charts() {
  }

  /** The SVG element for a page, or an empty string when there is not one figure to plot. */
  public static String card(IndicatorReport r) {
    return card(r, WIDTH, HEIGHT);
  }

  /** The same chart drawn larger, so that scaled to the printed page (180 x 74 mm) its text is the page's size. */
  public static String printedCard(IndicatorReport r) {
    return card(r, 760, 312);
  }

  private static String card(IndicatorReport r, int width, int height) {
    PeriodNames periods = new PeriodNames(r);
    Map<String, XYSeries> series = new LinkedHashMap<>();
    int plotted = 0;
    // Each figure sits at the middle of the period its data covers, so that a Q1 figure is not drawn
    // as a whole year's and the gaps between updates show as time.
    for (var o : r.getOutturnsList()) {
      String at = o.getDataPeriod().isEmpty() ? o.getPeriod() : o.getDataPeriod();
      plotted += add(series, "Outturn: " + Fmt.INSTANCE.area(o.getArea()), periods.midpoint(at), o.getFigure());
    }
    for (var t : r.getTargetsList()) {
      plotted += add(series, "Target: " + Fmt.INSTANCE.area(t.getArea()), periods.midpoint(t.getPeriod()),
          t.getFigure());
    }
    for (var b : r.getBaselinesList()) {
      plotted += add(series, "Baseline: " + Fmt.INSTANCE.area(b.getArea()), periods.midpoint(b.getPeriod()),
          b.getFigure());
    }
    if (plotted == 0) {
      return "";
    }
    XYSeriesCollection data = new XYSeriesCollection();
    series.values().forEach(data::addSeries);
    // The units are printed above the chart: an axis label has no room for "% Smokers at the time of delivery".
    JFreeChart chart = ChartFactory.createTimeSeriesChart(null, null, null, data, true, false, false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xcccccc));
    plot.setDomainGridlinePaint(new Color(0xe6e6e6));
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    DateAxis time = (DateAxis) plot.getDomainAxis();
    time.setTimeZone(UTC);
    time.setDateFormatOverride(year());
    time.setTickUnit(new DateTickUnit(DateTickUnitType.YEAR, 1));
    time.setLowerMargin(0.06);
    time.setUpperMargin(0.06);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    plot.setRenderer(renderer);
    Map<String, Color> areaColour = new HashMap<>();
    int i = 0;
    for (String name : series.keySet()) {
      String area = name.substring(name.indexOf(": ") + 2);
      Color c = areaColour.computeIfAbsent(area, a -> AREA_COLOURS[areaColour.size() % AREA_COLOURS.length]);
      renderer.setSeriesPaint(i, c);
      if (name.startsWith("Target")) {
        renderer.setSeriesStroke(i, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
            new float[] {6f, 4f}, 0f));
        renderer.setSeriesShape(i, new Rectangle2D.Double(-3.5, -3.5, 7, 7));
        renderer.setSeriesShapesFilled(i, false);
      } else if (name.startsWith("Baseline")) {
        renderer.setSeriesLinesVisible(i, false);
        renderer.setSeriesShape(i, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
        renderer.setSeriesShapesFilled(i, false);
      } else {
        renderer.setSeriesStroke(i, new BasicStroke(2.5f));
        renderer.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
      }
      i++;
    }
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    chart.draw(g, new Rectangle(0, 0, width, height));
    // A viewBox lets the page (and the PDF renderer, whose pixel is not the browser's) scale it to its box.
    return g.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null);
  }

  private static SimpleDateFormat year() {
    SimpleDateFormat f = new SimpleDateFormat("yyyy", Locale.UK);
    f.setTimeZone(UTC);
    return f;
  }

  private static int add(Map<String, XYSeries> series, String name, Optional<LocalDate> at, Figure f) {
    if (at.isEmpty() || f.getStatus() != FigureStatus.FIGURE_STATUS_VALUE || f.getValue().getValue().isEmpty()) {
      return 0;
    }
    try {
      double value = Double.parseDouble(f.getValue().getValue());
      if (!Double.isFinite(value)) {
        return 0; // stored before numbers were bounded: drawn as no point rather than failing the page
      }
      series.computeIfAbsent(name, n -> new XYSeries(n, true, true))
          .add(at.get().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(), value);
      return 1;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
