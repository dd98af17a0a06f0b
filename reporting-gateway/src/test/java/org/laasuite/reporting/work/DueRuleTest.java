package org.laasuite.reporting.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.laasuite.reporting.v1.DueState.DUE_STATE_DONE;
import static org.laasuite.reporting.v1.DueState.DUE_STATE_DUE;
import static org.laasuite.reporting.v1.DueState.DUE_STATE_OVERDUE;
import static org.laasuite.reporting.v1.DueState.DUE_STATE_UNDATED;
import static org.laasuite.reporting.v1.DueState.DUE_STATE_UPCOMING;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laasuite.common.grpc.Protos;
import org.laasuite.indicators.v1.Figure;
import org.laasuite.indicators.v1.FigureStatus;
import org.laasuite.indicators.v1.Frequency;
import org.laasuite.indicators.v1.Outturn;
import org.laasuite.indicators.v1.Period;
import org.laasuite.indicators.v1.PeriodType;
import org.laasuite.indicators.v1.Target;
import org.laasuite.partnership.v1.Action;
import org.laasuite.partnership.v1.ActionStatus;
import org.laasuite.reporting.v1.DueState;

/** When a figure or an action falls due, and where it stands on a day. */
class DueRuleTest {

  private static final int LAG = 30;

  private static Period period(String id, PeriodType type, LocalDate start, LocalDate end) {
    return Period.newBuilder().setName("periods/" + id).setId(id).setType(type).setStartDate(Protos.date(start))
        .setEndDate(Protos.date(end)).setLabel(id).build();
  }

  private static Period year(int start) {
    return period(String.format("fy-%d-%02d", start, (start + 1) % 100), PeriodType.PERIOD_TYPE_FINANCIAL_YEAR,
        LocalDate.of(start, 4, 1), LocalDate.of(start + 1, 3, 31));
  }

  private static List<Period> quarters(int start) {
    List<Period> out = new ArrayList<>();
    for (int q = 0; q < 4; q++) {
      LocalDate from = LocalDate.of(start, 4, 1).plusMonths(3L * q);
      out.add(period(String.format("fy-%d-%02d-q%d", start, (start + 1) % 100, q + 1), PeriodType.PERIOD_TYPE_QUARTER,
          from, from.plusMonths(3).minusDays(1)));
    }
    return out;
  }

  private static List<Period> months(YearMonth from, int count) {
    List<Period> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      YearMonth m = from.plusMonths(i);
      out.add(period("m-" + m, PeriodType.PERIOD_TYPE_MONTH, m.atDay(1), m.atEndOfMonth()));
    }
    return out;
  }

  private static Target target(Period p) {
    return target(p, FigureStatus.FIGURE_STATUS_VALUE);
  }

  private static Target target(Period p, FigureStatus status) {
    return Target.newBuilder().setPeriod(p.getName()).setArea(DueRule.CITY)
        .setFigure(Figure.newBuilder().setStatus(status)).build();
  }

  private static Outturn outturn(Period p, String area) {
    return Outturn.newBuilder().setPeriod(p.getName()).setArea(area)
        .setFigure(Figure.newBuilder().setStatus(FigureStatus.FIGURE_STATUS_VALUE)).build();
  }

  private static List<Period> all(List<Period> a, Period... more) {
    List<Period> out = new ArrayList<>(a);
    out.addAll(List.of(more));
    return out;
  }

  private static String describe(List<DueRule.Figure> figures) {
    return String.join(", ", figures.stream().map(f -> f.period().getId() + " " + f.due() + " " + f.state().name()
        .substring("DUE_STATE_".length())).toList());
  }

  @Test
  void aQuarterlyIndicatorWithAYearsTargetOwesEachQuarterThirtyDaysAfterItEnds() {
    Period year = year(2007);
    var figures = DueRule.figures(Frequency.FREQUENCY_QUARTERLY, List.of(target(year)), List.of(),
        all(quarters(2007), year, year(2008)), LocalDate.of(2007, 8, 22), LAG);
    assertEquals("fy-2007-08-q1 2007-07-30 OVERDUE, fy-2007-08-q2 2007-10-30 UPCOMING, "
        + "fy-2007-08-q3 2008-01-30 UPCOMING, fy-2007-08-q4 2008-04-30 UPCOMING", describe(figures),
        "the quarters within the year, not the year itself, nor another year's");
    assertEquals("fy-2007-08-q1 2007-07-30 OVERDUE, fy-2007-08-q2 2007-10-30 UPCOMING",
        describe(DueRule.shown(figures)), "shown: what is overdue or due, then the next one");
  }

  @Test
  void aFigureIsDueFromTheDayAfterItsPeriodEndsAndOverdueOnlyOnceItsDueDateHasPassed() {
    Period q1 = quarters(2007).getFirst(); // ends 30 June 2007
    var targets = List.of(target(q1));
    List<Period> periods = List.of(q1);
    for (Object[] day : new Object[][] {{LocalDate.of(2007, 6, 30), DUE_STATE_UPCOMING},
        {LocalDate.of(2007, 7, 1), DUE_STATE_DUE}, {LocalDate.of(2007, 7, 30), DUE_STATE_DUE},
        {LocalDate.of(2007, 7, 31), DUE_STATE_OVERDUE}}) {
      var f = DueRule.figures(Frequency.FREQUENCY_QUARTERLY, targets, List.of(), periods, (LocalDate) day[0], LAG);
      assertEquals(LocalDate.of(2007, 7, 30), f.getFirst().due());
      assertEquals(day[1], f.getFirst().state(), "on " + day[0]);
    }
  }

  @Test
  void theLagIsConfigurable() {
    Period q1 = quarters(2007).getFirst();
    assertEquals(LocalDate.of(2007, 6, 30), DueRule.figures(Frequency.FREQUENCY_QUARTERLY, List.of(target(q1)),
        List.of(), List.of(q1), LocalDate.of(2007, 7, 1), 0).getFirst().due(), "no lag: due the day it ends");
    assertEquals(DUE_STATE_OVERDUE, DueRule.figures(Frequency.FREQUENCY_QUARTERLY, List.of(target(q1)), List.of(),
        List.of(q1), LocalDate.of(2007, 7, 1), 0).getFirst().state());
    assertEquals(LocalDate.of(2007, 9, 28), DueRule.figures(Frequency.FREQUENCY_QUARTERLY, List.of(target(q1)),
        List.of(), List.of(q1), LocalDate.of(2007, 7, 1), 90).getFirst().due());
  }

  @Test
  void dueDatesCrossTheYearEnd() {
    Period year = year(2007);
    var figures = DueRule.figures(Frequency.FREQUENCY_QUARTERLY, List.of(target(year)), List.of(),
        all(quarters(2007), year), LocalDate.of(2008, 1, 30), LAG);
    assertEquals("fy-2007-08-q1 2007-07-30 OVERDUE, fy-2007-08-q2 2007-10-30 OVERDUE, "
        + "fy-2007-08-q3 2008-01-30 DUE, fy-2007-08-q4 2008-04-30 UPCOMING", describe(figures),
        "October to December 2007 is due on 30 January 2008, January to March 2008 on 30 April");
    Period december = months(YearMonth.of(2007, 12), 1).getFirst();
    assertEquals(LocalDate.of(2008, 1, 30), DueRule.figures(Frequency.FREQUENCY_MONTHLY, List.of(target(december)),
        List.of(), List.of(december), LocalDate.of(2008, 1, 1), LAG).getFirst().due());
    Period february = months(YearMonth.of(2008, 2), 1).getFirst();
    assertEquals(LocalDate.of(2008, 3, 30), DueRule.figures(Frequency.FREQUENCY_MONTHLY, List.of(target(february)),
        List.of(), List.of(february), LocalDate.of(2008, 3, 1), LAG).getFirst().due(), "a leap year's 29 February");
  }

  @Test
  void aMonthlyIndicatorOwesTheTwelveMonthsOfItsTargetsYearAndNoOthers() {
    Period year = year(2007);
    var figures = DueRule.figures(Frequency.FREQUENCY_MONTHLY, List.of(target(year)), List.of(),
        all(months(YearMonth.of(2007, 1), 24), year), LocalDate.of(2007, 8, 22), LAG);
    assertEquals(12, figures.size(), describe(figures));
    assertEquals("m-2007-04", figures.getFirst().period().getId());
    assertEquals("m-2008-03", figures.getLast().period().getId());
    assertEquals(List.of(DUE_STATE_OVERDUE, DUE_STATE_OVERDUE, DUE_STATE_OVERDUE, DUE_STATE_DUE, DUE_STATE_UPCOMING),
        figures.subList(0, 5).stream().map(DueRule.Figure::state).toList(),
        "April to June overdue, July due until 30 August, August not yet ended");
    assertEquals(5, DueRule.shown(figures).size(), "three overdue, one due, the next");
  }

  @Test
  void anAnnualIndicatorOwesEachYearItHasATargetForUntilItsOutturnIsIn() {
    Period y05 = year(2005);
    Period y06 = year(2006);
    Period y07 = year(2007);
    Period y08 = year(2008);
    var figures = DueRule.figures(Frequency.FREQUENCY_ANNUAL, List.of(target(y05), target(y06), target(y07),
        target(y08)), List.of(outturn(y05, DueRule.CITY)), all(quarters(2007), y05, y06, y07, y08),
        LocalDate.of(2007, 8, 22), LAG);
    assertEquals("fy-2005-06 2006-04-30 DONE, fy-2006-07 2007-04-30 OVERDUE, fy-2007-08 2008-04-30 UPCOMING, "
        + "fy-2008-09 2009-04-30 UPCOMING", describe(figures));
    assertEquals("fy-2006-07 2007-04-30 OVERDUE, fy-2007-08 2008-04-30 UPCOMING", describe(DueRule.shown(figures)));
  }

  @Test
  void anAnnualIndicatorReportsInAcademicAndCalendarYearsToo() {
    Period academic = period("ay-2006-07", PeriodType.PERIOD_TYPE_ACADEMIC_YEAR, LocalDate.of(2006, 9, 1),
        LocalDate.of(2007, 8, 31));
    Period calendar = period("cy-2006", PeriodType.PERIOD_TYPE_CALENDAR_YEAR, LocalDate.of(2006, 1, 1),
        LocalDate.of(2006, 12, 31));
    assertEquals("cy-2006 2007-01-30 OVERDUE, ay-2006-07 2007-09-30 UPCOMING", describe(DueRule.figures(
        Frequency.FREQUENCY_ANNUAL, List.of(target(academic), target(calendar)), List.of(),
        List.of(academic, calendar), LocalDate.of(2007, 8, 22), LAG)));
  }

  @Test
  void aHalfYearlyIndicatorWithinAThreeYearTargetOwesItsHalfYears() {
    Period rolling = period("fy-2005-08", PeriodType.PERIOD_TYPE_ROLLING_AVERAGE, LocalDate.of(2005, 4, 1),
        LocalDate.of(2008, 3, 31));
    Period first = period("h1-2005", PeriodType.PERIOD_TYPE_HALF_YEAR, LocalDate.of(2005, 4, 1),
        LocalDate.of(2005, 9, 30));
    Period outside = period("h1-2008", PeriodType.PERIOD_TYPE_HALF_YEAR, LocalDate.of(2008, 4, 1),
        LocalDate.of(2008, 9, 30));
    assertEquals("h1-2005 2005-10-30 OVERDUE", describe(DueRule.figures(Frequency.FREQUENCY_HALF_YEARLY,
        List.of(target(rolling)), List.of(), List.of(rolling, first, outside), LocalDate.of(2007, 8, 22), LAG)));
  }

  @Test
  void anIndicatorWithoutAFrequencyOrWithoutTargetPeriodsIsNeverDue() {
    Period y06 = year(2006);
    LocalDate late = LocalDate.of(2020, 1, 1);
    assertEquals(List.of(), DueRule.figures(Frequency.FREQUENCY_UNSPECIFIED, List.of(target(y06)), List.of(),
        List.of(y06), late, LAG), "no frequency");
    assertEquals(List.of(), DueRule.figures(Frequency.FREQUENCY_ANNUAL, List.of(), List.of(), List.of(y06), late, LAG),
        "no targets");
    assertEquals(List.of(), DueRule.figures(Frequency.FREQUENCY_ANNUAL, List.of(Target.newBuilder()
        .setPeriod("periods/unknown").build()), List.of(), List.of(y06), late, LAG), "a target for no known period");
    Period q1 = quarters(2006).getFirst();
    assertEquals(List.of(), DueRule.figures(Frequency.FREQUENCY_ANNUAL, List.of(target(q1)), List.of(),
        List.of(q1, y06), late, LAG), "a target only for a quarter, which holds no year");
    assertEquals(List.of(), DueRule.figures(Frequency.FREQUENCY_ANNUAL, List.of(target(y06,
        FigureStatus.FIGURE_STATUS_NOT_APPLICABLE)), List.of(), List.of(y06), late, LAG), "a target that does not apply");
    assertEquals(List.of(), DueRule.figures(Frequency.FREQUENCY_ANNUAL, List.of(target(y06,
        FigureStatus.FIGURE_STATUS_NO_TARGET)), List.of(), List.of(y06), late, LAG), "'No target' for the year");
    assertEquals(1, DueRule.figures(Frequency.FREQUENCY_ANNUAL, List.of(target(y06,
        FigureStatus.FIGURE_STATUS_TO_BE_SET), target(y06, FigureStatus.FIGURE_STATUS_MONITOR_ONLY)), List.of(),
        List.of(y06), late, LAG).size(), "a target to be set, or monitor only, still means a figure, once");
  }

  @Test
  void anOutturnForThePeriodInTheCityMeansTheFigureIsInAndNotOverdue() {
    Period y06 = year(2006);
    LocalDate late = LocalDate.of(2008, 1, 1);
    List<Period> periods = all(quarters(2006), y06);
    assertEquals(DUE_STATE_DONE, state(Frequency.FREQUENCY_ANNUAL, y06, List.of(outturn(y06, DueRule.CITY)), periods,
        late));
    assertEquals(DUE_STATE_DONE, state(Frequency.FREQUENCY_ANNUAL, y06, List.of(outturn(y06, "")), periods, late),
        "an outturn without an area is the city's");
    assertEquals(DUE_STATE_OVERDUE, state(Frequency.FREQUENCY_ANNUAL, y06, List.of(outturn(y06,
        "areas/priority-neighbourhoods")), periods, late), "the priority neighbourhoods' figure is not the city's");
    assertEquals(DUE_STATE_OVERDUE, state(Frequency.FREQUENCY_ANNUAL, y06, List.of(outturn(y06, DueRule.CITY)
        .toBuilder().setFigure(Figure.newBuilder().setStatus(FigureStatus.FIGURE_STATUS_NOT_AVAILABLE)
            .setOriginalText("Data Available 2007")).build()), periods, late), "'not available yet' is no figure");
    Period q1 = quarters(2006).getFirst();
    var byDataPeriod = DueRule.figures(Frequency.FREQUENCY_QUARTERLY, List.of(target(y06)), List.of(outturn(y06,
        DueRule.CITY).toBuilder().setDataPeriod(q1.getName()).build()), periods, late, LAG);
    assertEquals(DUE_STATE_DONE, byDataPeriod.getFirst().state(), "Q1's figure, reported for the year: " +
        describe(byDataPeriod));
    assertEquals(DUE_STATE_OVERDUE, byDataPeriod.get(1).state(), describe(byDataPeriod));
    assertEquals(List.of(), DueRule.shown(DueRule.figures(Frequency.FREQUENCY_ANNUAL, List.of(target(y06)),
        List.of(outturn(y06, DueRule.CITY)), periods, late, LAG)), "nothing to show once everything is in");
  }

  private static DueState state(Frequency frequency, Period target, List<Outturn> outturns, List<Period> periods,
      LocalDate today) {
    return DueRule.figures(frequency, List.of(target(target)), outturns, periods, today, LAG).getFirst().state();
  }

  @Test
  void anActionIsDueOnItsDueDateAndOverdueAfterItUnlessDoneOrDropped() {
    Action open = Action.newBuilder().setStatus(ActionStatus.ACTION_STATUS_OPEN)
        .setDueDate(Protos.date(LocalDate.of(2007, 6, 13))).build();
    assertEquals(DUE_STATE_DUE, DueRule.action(open, LocalDate.of(2007, 6, 1)));
    assertEquals(DUE_STATE_DUE, DueRule.action(open, LocalDate.of(2007, 6, 13)), "on the day");
    assertEquals(DUE_STATE_OVERDUE, DueRule.action(open, LocalDate.of(2007, 6, 14)));
    assertEquals(DUE_STATE_OVERDUE, DueRule.action(open.toBuilder().setStatus(ActionStatus.ACTION_STATUS_UNSPECIFIED)
        .build(), LocalDate.of(2008, 1, 1)), "no status recorded: open");
    assertEquals(DUE_STATE_DONE, DueRule.action(open.toBuilder().setStatus(ActionStatus.ACTION_STATUS_DONE).build(),
        LocalDate.of(2008, 1, 1)));
    assertEquals(DUE_STATE_DONE, DueRule.action(open.toBuilder().setStatus(ActionStatus.ACTION_STATUS_DROPPED)
        .build(), LocalDate.of(2008, 1, 1)));
    assertEquals(DUE_STATE_UNDATED, DueRule.action(open.toBuilder().clearDueDate().setDueText("in May").build(),
        LocalDate.of(2008, 1, 1)));
  }
}
