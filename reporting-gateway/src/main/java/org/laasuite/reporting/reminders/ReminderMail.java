package org.laasuite.reporting.reminders;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Entities;
import org.laasuite.reporting.render.Fmt;
import org.laasuite.reporting.v1.ActionWork;
import org.laasuite.reporting.v1.DueFigure;
import org.laasuite.reporting.v1.DueState;
import org.laasuite.reporting.v1.IndicatorWork;
import org.laasuite.reporting.v1.Work;
import org.laasuite.reporting.work.DueRule;

/**
 * One person's reminder: what is due and overdue from them (figures of the indicators they enter, actions they hold),
 * each with its due date and a link to the gateway's page for it, as plain text and the same as simple HTML.
 */
public record ReminderMail(String subject, String text, String html) {

  /** A line of the reminder: where it stands, what, when it is due, and the page for it. */
  private record Item(DueState state, String what, String due, String link) {
  }

  /** {@code work}: a person's, with something due or overdue; {@code base}: the gateway's address, no trailing slash. */
  public static ReminderMail of(Work work, String base) {
    Fmt fmt = Fmt.INSTANCE;
    String page = base + "/work/" + work.getHolder();
    List<Item> figures = new ArrayList<>();
    for (IndicatorWork i : work.getIndicatorsList()) {
      for (DueFigure f : i.getFiguresList()) {
        if (DueRule.pressing(f.getState())) {
          figures.add(new Item(f.getState(), i.getCode() + " " + fmt.clip(i.getTitle(), 160) + ": the figure for "
              + (f.getPeriodLabel().isEmpty() ? fmt.period(f.getPeriod()) : f.getPeriodLabel()),
              fmt.date(f.getDueDate()), base + "/report-cards/" + i.getCode()));
        }
      }
    }
    List<Item> actions = new ArrayList<>();
    for (ActionWork a : work.getActionsList()) {
      if (DueRule.pressing(a.getState())) {
        actions.add(new Item(a.getState(), fmt.clip(a.getAction().getText(), 300)
            + (a.getAction().getBody().isEmpty() ? "" : " (" + fmt.owner(a.getAction().getBody()) + ")"),
            fmt.date(a.getAction().getDueDate()), page + "#action-" + fmt.period(a.getAction().getName())));
      }
    }
    String asOf = fmt.date(work.getAsOf());
    String subject = "LAA Suite: " + counts(work) + " as of " + asOf;
    String intro = "As of " + asOf + ", these are due or overdue from you, " + work.getTitle() + ".";
    String rule = "A figure is due " + work.getFigureLagDays() + " days after its period ends and overdue after that "
        + "until it is in; an action is due on its due date and overdue after it until it is done.";

    StringBuilder text = new StringBuilder().append(intro).append("\n");
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family: sans-serif\"><p>")
        .append(esc(intro)).append("</p>");
    section(text, html, "Figures to enter", figures);
    section(text, html, "Actions you hold", actions);
    text.append("\nEverything you have to do, and what is next: ").append(page).append("\n\n").append(rule).append("\n");
    html.append("<p>Everything you have to do, and what is next: <a href=\"").append(esc(page)).append("\">")
        .append(esc(page)).append("</a></p><p style=\"color: #5f6368\">").append(esc(rule)).append("</p></body></html>");
    return new ReminderMail(subject, text.toString(), html.toString());
  }

  private static void section(StringBuilder text, StringBuilder html, String title, List<Item> items) {
    if (items.isEmpty()) {
      return;
    }
    text.append("\n").append(title).append(":\n");
    html.append("<h3>").append(esc(title)).append("</h3><ul>");
    for (Item i : items) {
      String state = i.state() == DueState.DUE_STATE_OVERDUE ? "Overdue" : "Due";
      text.append("- ").append(state).append(" (due ").append(i.due()).append("): ").append(i.what()).append("\n  ")
          .append(i.link()).append("\n");
      html.append("<li><strong>").append(state).append("</strong> (due ").append(esc(i.due())).append("): <a href=\"")
          .append(esc(i.link())).append("\">").append(esc(i.what())).append("</a></li>");
    }
    html.append("</ul>");
  }

  /** "2 overdue, 1 due". */
  static String counts(Work work) {
    return work.getOverdue() + " overdue, " + work.getDue() + " due";
  }

  private static String esc(String s) {
    return Entities.escape(s);
  }
}
