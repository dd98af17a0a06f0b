package org.laasuite.reporting.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laasuite.common.grpc.Protos;
import org.laasuite.partnership.v1.Action;
import org.laasuite.reporting.v1.ActionWork;
import org.laasuite.reporting.v1.DueFigure;
import org.laasuite.reporting.v1.DueState;
import org.laasuite.reporting.v1.IndicatorWork;
import org.laasuite.reporting.v1.Work;

/** A reminder's words: each item due or overdue with its due date and page, nothing else, in text and HTML. */
class ReminderMailTest {

  private static final String BASE = "https://performance.example.org";

  private static DueFigure figure(String period, LocalDate due, DueState state) {
    return DueFigure.newBuilder().setPeriod("periods/fy-" + period).setPeriodLabel(period)
        .setDueDate(Protos.date(due)).setState(state).build();
  }

  private final Work work = Work.newBuilder().setHolder("people/sam-chair").setTitle("Sam <Chair>")
      .setAsOf(Protos.date(LocalDate.of(2007, 8, 22))).setFigureLagDays(30).setOverdue(2).setDue(1)
      .addIndicators(IndicatorWork.newBuilder().setCode("SSC-1").setTitle("Crime & <disorder>")
          .addFigures(figure("2006-07", LocalDate.of(2007, 4, 30), DueState.DUE_STATE_OVERDUE))
          .addFigures(figure("2007-08", LocalDate.of(2008, 4, 30), DueState.DUE_STATE_UPCOMING)))
      .addIndicators(IndicatorWork.newBuilder().setCode("SSC-2").setTitle("Never due").setUnscheduled("no reporting "
          + "periods set"))
      .addActions(ActionWork.newBuilder().setState(DueState.DUE_STATE_OVERDUE).setAction(Action.newBuilder()
          .setName("actions/7").setText("Circulate the report").setBody("bodies/operations-group")
          .setDueDate(Protos.date(LocalDate.of(2007, 6, 13)))))
      .addActions(ActionWork.newBuilder().setState(DueState.DUE_STATE_DUE).setAction(Action.newBuilder()
          .setName("actions/8").setText("Report back").setDueDate(Protos.date(LocalDate.of(2007, 9, 1)))))
      .addActions(ActionWork.newBuilder().setState(DueState.DUE_STATE_UNDATED).setAction(Action.newBuilder()
          .setName("actions/9").setText("Some day").setDueText("in May")))
      .build();

  @Test
  void theTextListsEachItemDueOrOverdueWithItsDateAndPage() {
    ReminderMail mail = ReminderMail.of(work, BASE);
    assertEquals("LAA Suite: 2 overdue, 1 due as of 2007-08-22", mail.subject());
    assertEquals(List.of(
        "As of 2007-08-22, these are due or overdue from you, Sam <Chair>.",
        "",
        "Figures to enter:",
        "- Overdue (due 2007-04-30): SSC-1 Crime & <disorder>: the figure for 2006-07",
        "  " + BASE + "/report-cards/SSC-1",
        "",
        "Actions you hold:",
        "- Overdue (due 2007-06-13): Circulate the report (Operations Group)",
        "  " + BASE + "/work/people/sam-chair#action-7",
        "- Due (due 2007-09-01): Report back",
        "  " + BASE + "/work/people/sam-chair#action-8",
        "",
        "Everything you have to do, and what is next: " + BASE + "/work/people/sam-chair",
        "",
        "A figure is due 30 days after its period ends and overdue after that until it is in; an action is due on its "
            + "due date and overdue after it until it is done."), mail.text().lines().toList(),
        "neither the next year's figure, nor the indicator never due, nor the undated action");
  }

  @Test
  void theHtmlSaysTheSameEscaped() {
    String html = ReminderMail.of(work, BASE).html();
    assertTrue(html.contains("from you, Sam &lt;Chair&gt;."), html);
    assertTrue(html.contains("<li><strong>Overdue</strong> (due 2007-04-30): <a href=\"" + BASE + "/report-cards/SSC-1\">"
        + "SSC-1 Crime &amp; &lt;disorder&gt;: the figure for 2006-07</a></li>"), html);
    assertTrue(html.contains("<a href=\"" + BASE + "/work/people/sam-chair#action-7\">"), html);
    assertFalse(html.contains("<disorder>") || html.contains("<Chair>"), html);
    assertFalse(html.contains("Some day"), html);
  }
}
