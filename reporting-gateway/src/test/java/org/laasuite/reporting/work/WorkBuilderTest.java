package org.laasuite.reporting.work;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laasuite.common.grpc.Protos;
import org.laasuite.indicators.v1.Figure;
import org.laasuite.indicators.v1.FigureStatus;
import org.laasuite.indicators.v1.Frequency;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.Outturn;
import org.laasuite.indicators.v1.Period;
import org.laasuite.indicators.v1.PeriodType;
import org.laasuite.indicators.v1.Target;
import org.laasuite.partnership.v1.Action;
import org.laasuite.partnership.v1.ActionStatus;
import org.laasuite.partnership.v1.CallerRights;
import org.laasuite.partnership.v1.Permission;
import org.laasuite.partnership.v1.Right;
import org.laasuite.reporting.v1.ActionWork;
import org.laasuite.reporting.v1.IndicatorWork;
import org.laasuite.reporting.v1.ThemeGroup;
import org.laasuite.reporting.v1.Work;

/** Whose work an indicator's figures and an action are, and what the review pack keeps of a theme group's. */
class WorkBuilderTest {

  private static final LocalDate TODAY = LocalDate.of(2007, 8, 22);
  private static final Period Y06 = Period.newBuilder().setName("periods/fy-2006-07").setLabel("2006-07")
      .setType(PeriodType.PERIOD_TYPE_FINANCIAL_YEAR).setStartDate(Protos.date(LocalDate.of(2006, 4, 1)))
      .setEndDate(Protos.date(LocalDate.of(2007, 3, 31))).build();
  private static final Period Y07 = Period.newBuilder().setName("periods/fy-2007-08").setLabel("2007-08")
      .setType(PeriodType.PERIOD_TYPE_FINANCIAL_YEAR).setStartDate(Protos.date(LocalDate.of(2007, 4, 1)))
      .setEndDate(Protos.date(LocalDate.of(2008, 3, 31))).build();
  private final WorkBuilder builder = new WorkBuilder(List.of(Y06, Y07), TODAY, 30);

  private static IndicatorReport report(String code, String owner, String group, boolean in2006) {
    var r = IndicatorReport.newBuilder().setIndicator(Indicator.newBuilder().setName("indicators/" + code).setId(code)
        .setTitle(code + " title").setOwnerOrganisation(owner).setThemeGroup(group)
        .setFrequency(Frequency.FREQUENCY_ANNUAL));
    for (Period p : List.of(Y06, Y07)) {
      r.addTargets(Target.newBuilder().setPeriod(p.getName()).setFigure(Figure.newBuilder()
          .setStatus(FigureStatus.FIGURE_STATUS_VALUE)));
    }
    if (in2006) {
      r.addOutturns(Outturn.newBuilder().setPeriod(Y06.getName()).setArea(DueRule.CITY).setFigure(Figure.newBuilder()
          .setStatus(FigureStatus.FIGURE_STATUS_VALUE)));
    }
    return r.build();
  }

  private static Action action(String id, String owner, LocalDate due) {
    var a = Action.newBuilder().setName("actions/" + id).setText(id).setOwner(owner)
        .setStatus(ActionStatus.ACTION_STATUS_OPEN);
    return (due == null ? a : a.setDueDate(Protos.date(due))).build();
  }

  private static Right right(Permission p, String scope, String reason) {
    return Right.newBuilder().setPermission(p).setScope(scope).setReason(reason).build();
  }

  private final List<IndicatorReport> reports = List.of(
      report("ORG-1", "organisations/police", "bodies/safety", false),
      report("GROUP-1", "", "bodies/safety", false),
      report("GROUP-2", "", "bodies/safety", true),
      report("OTHER-1", "", "bodies/children", false),
      report("OWNED-BY-OTHER", "organisations/council", "bodies/safety", false));

  private final List<Action> actions = List.of(
      action("sams-late", "people/sam", LocalDate.of(2007, 6, 13)),
      action("sams-undated", "people/sam", null),
      action("sams-soon", "people/sam", LocalDate.of(2007, 9, 1)),
      action("groups", "bodies/safety", LocalDate.of(2007, 7, 1)),
      action("boards", "bodies/board", LocalDate.of(2007, 7, 1)),
      action("someone-elses", "people/jo", LocalDate.of(2007, 7, 1)));

  @Test
  void aPersonEntersTheIndicatorsOfTheirOrganisationAndOfTheGroupsThatReportThoseNoOrganisationOwns() {
    CallerRights sam = CallerRights.newBuilder().setPerson("people/sam").setDisplayName("Sam Chair")
        .addRights(right(Permission.PERMISSION_ENTER_FIGURES, "organisations/police", "of Police"))
        .addRights(right(Permission.PERMISSION_ENTER_FIGURES, "bodies/safety", "Chair of Safety"))
        .addRights(right(Permission.PERMISSION_ENTER_FIGURES, "", "partnership admin"))
        .addRights(right(Permission.PERMISSION_UPDATE_ACTIONS, "people/sam", "the actions they hold"))
        .addRights(right(Permission.PERMISSION_UPDATE_ACTIONS, "bodies/safety", "Chair of Safety"))
        .addRights(right(Permission.PERMISSION_UPDATE_ACTIONS, "", "Member of the Secretariat")).build();
    Work work = builder.person(sam, reports, actions).build();
    assertEquals("Sam Chair", work.getTitle());
    assertEquals(List.of("ORG-1 of Police", "GROUP-1 Chair of Safety", "GROUP-2 Chair of Safety"), work
        .getIndicatorsList().stream().map(i -> i.getCode() + " " + i.getReason()).toList(),
        "not another group's, nor one another organisation owns, nor every one for a right over the partnership");
    assertEquals(List.of("fy-2006-07 OVERDUE", "fy-2007-08 UPCOMING"), states(work.getIndicators(0)));
    assertEquals(List.of("fy-2007-08 UPCOMING"), states(work.getIndicators(2)), "2006-07's figure is in");
    assertEquals(List.of("sams-late OVERDUE", "groups OVERDUE", "sams-soon DUE", "sams-undated UNDATED"),
        work.getActionsList().stream().map(WorkBuilderTest::state).toList(),
        "their own and their group's, overdue first, undated last; not the board's nor someone else's");
    assertEquals(4, work.getOverdue(), "two figures, two actions");
    assertEquals(1, work.getDue());
    assertEquals(2007, work.getAsOf().getYear());
    assertEquals(30, work.getFigureLagDays());

    Work unknown = builder.person(sam, null, null).build();
    assertEquals(0, unknown.getIndicatorsCount() + unknown.getActionsCount(), "nothing when the services did not say");
  }

  @Test
  void theReviewPackKeepsOnlyWhatIsDueOrOverdueOfEachThemeGroupOnce() {
    var safety = ThemeGroup.newBuilder().setName("bodies/safety").setTitle("Safety")
        .addOpenActions(actions.get(3)).addOpenActions(action("undated", "bodies/safety", null)).build();
    var quiet = ThemeGroup.newBuilder().setName("bodies/quiet").setTitle("Quiet").build();
    List<Work> pack = builder.dueAndOverdue(List.of(safety, quiet, safety), reports, true);
    assertEquals(List.of("bodies/safety"), pack.stream().map(Work::getHolder).toList(),
        "once, and not a group with nothing due");
    Work w = pack.getFirst();
    assertEquals(List.of("ORG-1", "GROUP-1", "OWNED-BY-OTHER"), w.getIndicatorsList().stream()
        .map(IndicatorWork::getCode).toList(), "every indicator it reports with a figure overdue");
    assertEquals(List.of("fy-2006-07 OVERDUE"), states(w.getIndicators(0)), "not the next year's");
    assertEquals(List.of("groups OVERDUE"), w.getActionsList().stream().map(WorkBuilderTest::state).toList());
    assertEquals(4, w.getOverdue());

    assertEquals(List.of("bodies/safety"), builder.dueAndOverdue(List.of(safety), null, true).stream()
        .map(Work::getHolder).toList(), "its actions alone when the figures are not known");
    assertEquals(List.of(), builder.dueAndOverdue(List.of(safety), null, false));
  }

  @Test
  void anIndicatorWithoutReportingPeriodsSaysSo() {
    var none = IndicatorReport.newBuilder().setIndicator(Indicator.newBuilder().setName("indicators/X").setId("X")
        .setThemeGroup("bodies/safety")).build();
    IndicatorWork x = builder.themeGroup("bodies/safety", "Safety", List.of(none), List.of()).build().getIndicators(0);
    assertEquals("no reporting periods set", x.getUnscheduled());
    assertEquals(0, x.getFiguresCount());
  }

  private static List<String> states(IndicatorWork i) {
    return i.getFiguresList().stream().map(f -> f.getPeriod().substring("periods/".length()) + " "
        + f.getState().name().substring("DUE_STATE_".length())).toList();
  }

  private static String state(ActionWork a) {
    return a.getAction().getText() + " " + a.getState().name().substring("DUE_STATE_".length());
  }
}
