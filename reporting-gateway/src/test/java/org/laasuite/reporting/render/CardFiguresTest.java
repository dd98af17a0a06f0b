package org.laasuite.reporting.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.type.Date;
import com.google.type.Decimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laasuite.indicators.v1.Baseline;
import org.laasuite.indicators.v1.Figure;
import org.laasuite.indicators.v1.FigureStatus;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.Outturn;
import org.laasuite.indicators.v1.Period;
import org.laasuite.indicators.v1.Target;

/** A card's chart and figure table for an indicator reported for the priority neighbourhoods and the rest of the city. */
class CardFiguresTest {

  private static Period period(String code, String label, int fromYear, int fromMonth, int toYear, int toMonth) {
    return Period.newBuilder().setName("periods/" + code).setId(code).setLabel(label)
        .setStartDate(Date.newBuilder().setYear(fromYear).setMonth(fromMonth).setDay(1))
        .setEndDate(Date.newBuilder().setYear(toYear).setMonth(toMonth).setDay(28)).build();
  }

  private static Figure value(String v) {
    return Figure.newBuilder().setValue(Decimal.newBuilder().setValue(v)).setStatus(FigureStatus.FIGURE_STATUS_VALUE)
        .setOriginalText(v).build();
  }

  private static Outturn outturn(String period, String area, String v) {
    return Outturn.newBuilder().setPeriod("periods/" + period).setArea("areas/" + area).setFigure(value(v)).build();
  }

  /** Narrowing the gap: worklessness in the priority neighbourhoods against the rest of the city. */
  private static IndicatorReport gap() {
    return IndicatorReport.newBuilder().setIndicator(Indicator.newBuilder().setId("T-GAP").setUnits("%"))
        .addPeriods(period("m-2002-11", "Nov-02", 2002, 11, 2002, 11))
        .addPeriods(period("fy-2005-06", "2005-06", 2005, 4, 2006, 3))
        .addPeriods(period("fy-2006-07", "2006-07", 2006, 4, 2007, 3))
        .addPeriods(period("q1-2006-07", "Q1 2006-07", 2006, 4, 2006, 6))
        .addBaselines(Baseline.newBuilder().setPeriod("periods/m-2002-11").setArea("areas/city").setFigure(value("11.9")))
        .addTargets(Target.newBuilder().setPeriod("periods/fy-2006-07").setArea("areas/priority-neighbourhoods")
            .setFigure(value("12")))
        .addOutturns(outturn("fy-2006-07", "rest-of-city", "7"))
        .addOutturns(outturn("fy-2005-06", "rest-of-city", "7"))
        .addOutturns(outturn("fy-2005-06", "priority-neighbourhoods", "14"))
        .addOutturns(outturn("fy-2006-07", "priority-neighbourhoods", "12").toBuilder()
            .setDataPeriod("periods/q1-2006-07"))
        .addOutturns(Outturn.newBuilder().setPeriod("periods/fy-2006-07").setArea("areas/city")
            .setFigure(Figure.newBuilder().setStatus(FigureStatus.FIGURE_STATUS_NOT_AVAILABLE).setOriginalText("N/A")))
        .build();
  }

  @Test
  void theChartDrawsAnOutturnLinePerAreaBesideTargetsAndTheBaseline() {
    String svg = Charts.card(gap());
    assertTrue(svg.startsWith("<svg"), svg);
    for (String series : List.of("Outturn: Priority neighbourhoods", "Outturn: Rest of city",
        "Target: Priority neighbourhoods", "Baseline: City")) {
      assertTrue(svg.contains(series), series + " in the legend");
    }
    assertTrue(!svg.contains("Outturn: City"), "an outturn with no number is not plotted");
  }

  @Test
  void thereIsNoChartWithoutANumberToPlot() {
    IndicatorReport none = IndicatorReport.newBuilder().setIndicator(Indicator.newBuilder().setId("T-NONE"))
        .addPeriods(period("fy-2006-07", "2006-07", 2006, 4, 2007, 3))
        .addOutturns(Outturn.newBuilder().setPeriod("periods/fy-2006-07").setFigure(Figure.newBuilder()
            .setStatus(FigureStatus.FIGURE_STATUS_MONITOR_ONLY).setOriginalText("Monitor only"))).build();
    assertEquals("", Charts.card(none));
  }

  @Test
  void theTableHasARowPerPeriodAndAreaInDateOrderCityFirst() {
    IndicatorReport r = gap();
    List<FigureTable.Row> rows = FigureTable.of(r, new PeriodNames(r));
    assertEquals(List.of(
        new FigureTable.Row("Nov-02", "City", "11.9", "", "", ""),
        new FigureTable.Row("2005-06", "Priority neighbourhoods", "", "", "14", ""),
        new FigureTable.Row("2005-06", "Rest of city", "", "", "7", ""),
        new FigureTable.Row("2006-07", "City", "", "", "N/A", ""),
        new FigureTable.Row("2006-07", "Priority neighbourhoods", "", "12", "12", "Q1 2006-07"),
        new FigureTable.Row("2006-07", "Rest of city", "", "", "7", "")), rows);
  }
}
