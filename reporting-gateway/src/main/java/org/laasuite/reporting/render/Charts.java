package org.laasuite.reporting.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.laasuite.indicators.v1.Figure;
import org.laasuite.indicators.v1.FigureStatus;
import org.laasuite.indicators.v1.IndicatorReport;

/**
 * A report card's chart, drawn by JFreeChart into SVG (JFreeSVG): the outturns of each area against
 * the targets and the baseline, period by period, so that the priority neighbourhoods' line can be
 * read against the rest of the city's. The same SVG goes into the HTML page and the PDF.
 */
public final class Charts {

  private static final int WIDTH = 680;
  private static final int HEIGHT = 280;
  private static final Color[] AREA_COLOURS = {new Color(0x1d4e89), new Color(0xc0392b), new Color(0x2e7d32),
      new Color(0x6a1b9a)};

  private Charts() {
  }

  /** The SVG element for a page, or an empty string when there is not one figure to plot. */
  public static String card(IndicatorReport r) {
    return card(r, WIDTH, HEIGHT);
  }

  /** The same chart at the size a printed page (PDF) has room for. */
  public static String printedCard(IndicatorReport r) {
    return card(r, 520, 215);
  }

  private static String card(IndicatorReport r, int width, int height) {
    PeriodNames names = new PeriodNames(r);
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    TreeSet<String> periods = new TreeSet<>(java.util.Comparator.comparing(names::order)
        .thenComparing(java.util.Comparator.naturalOrder()));
    r.getOutturnsList().forEach(o -> periods.add(o.getPeriod()));
    r.getTargetsList().forEach(t -> periods.add(t.getPeriod()));
    r.getBaselinesList().forEach(b -> periods.add(b.getPeriod()));
    // Categories in date order first, so every series shares the axis.
    periods.forEach(p -> data.addValue(null, "", names.label(p)));
    data.removeRow("");
    int plotted = 0;
    for (var b : r.getBaselinesList()) {
      plotted += add(data, "Baseline: " + Fmt.INSTANCE.area(b.getArea()), names.label(b.getPeriod()), b.getFigure());
    }
    for (var t : r.getTargetsList()) {
      plotted += add(data, "Target: " + Fmt.INSTANCE.area(t.getArea()), names.label(t.getPeriod()), t.getFigure());
    }
    for (var o : r.getOutturnsList()) {
      plotted += add(data, "Outturn: " + Fmt.INSTANCE.area(o.getArea()), names.label(o.getPeriod()), o.getFigure());
    }
    if (plotted == 0) {
      return "";
    }
    JFreeChart chart = ChartFactory.createLineChart(null, null, r.getIndicator().getUnits(), data,
        PlotOrientation.VERTICAL, true, false, false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xcccccc));
    ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
    Map<String, Color> areaColour = new java.util.HashMap<>();
    @SuppressWarnings("unchecked")
    List<String> series = data.getRowKeys();
    for (int i = 0; i < series.size(); i++) {
      String name = series.get(i);
      String area = name.substring(name.indexOf(": ") + 2);
      Color c = areaColour.computeIfAbsent(area, a -> AREA_COLOURS[areaColour.size() % AREA_COLOURS.length]);
      renderer.setSeriesPaint(i, c);
      renderer.setSeriesShapesVisible(i, true);
      if (name.startsWith("Target")) {
        renderer.setSeriesStroke(i, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
            new float[] {6f, 4f}, 0f));
      } else if (name.startsWith("Baseline")) {
        renderer.setSeriesLinesVisible(i, false);
      } else {
        renderer.setSeriesStroke(i, new BasicStroke(2.5f));
      }
    }
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    chart.draw(g, new Rectangle(0, 0, width, height));
    // A viewBox lets the page (and the PDF renderer, whose pixel is not the browser's) scale it to its box.
    return g.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null);
  }

  private static int add(DefaultCategoryDataset data, String series, String periodLabel, Figure f) {
    if (f.getStatus() != FigureStatus.VALUE || f.getValue().getValue().isEmpty()) {
      return 0;
    }
    try {
      data.addValue(Double.parseDouble(f.getValue().getValue()), series, periodLabel);
      return 1;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
