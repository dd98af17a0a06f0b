package org.laasuite.reporting.governance;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.laasuite.funding.v1.Commitment;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.Rating;
import org.laasuite.partnership.v1.Action;
import org.laasuite.partnership.v1.AgendaItem;
import org.laasuite.partnership.v1.Meeting;
import org.laasuite.reporting.render.Fmt;
import org.laasuite.reporting.v1.DueState;
import org.laasuite.reporting.v1.IndicatorWork;

/**
 * A meeting's agenda drafted from the data (it calls no service): apologies; the minutes of the body's last meeting to
 * agree; matters arising, the open actions of its earlier meetings; the reds and ambers of the indicators it oversees;
 * their figures overdue; judgements where the one recorded differs from the one the rule computes; funding ending
 * within six months of the meeting; any other business; the date of the next meeting. An item with nothing under it
 * is left out; each data item lists what it was drafted from in its description, one line each, as the agenda prints
 * it on the day it is published.
 */
public final class AgendaDraft {

  /** How far ahead funding ending is raised: six months from the meeting's date, as the risk register raises it. */
  public static final int FUNDING_MONTHS = RaisedForReview.MONTHS;

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  /**
   * What the agenda is drafted from.
   *
   * @param date the meeting's date
   * @param last the body's latest meeting held before it (null: none)
   * @param openActions the open actions of the body's earlier meetings
   * @param agreedOn the dates of the meetings that agreed them, by meeting name
   * @param reports the reports of the indicators the body oversees
   * @param owed the same indicators' figures, where each stands on {@code date}
   * @param commitments the commitments supporting the body or its indicators whose funding ends before
   *     {@code date} plus six months
   */
  public record Sources(LocalDate date, Meeting last, List<Action> openActions, Map<String, LocalDate> agreedOn,
      List<IndicatorReport> reports,
      List<IndicatorWork> owed, List<Commitment> commitments) {
  }

  private AgendaDraft() {
  }

  /** The items, numbered from 1; {@code names} turns a person's or body's resource name into words. */
  public static List<AgendaItem> of(Sources s, Function<String, String> names) {
    List<AgendaItem> out = new ArrayList<>();
    add(out, "Apologies for absence", List.of());
    if (s.last() != null) {
      add(out, "Minutes of the last meeting", List.of("To agree the minutes of the meeting of "
          + DAY.format(Health.date(s.last())) + " as a true and accurate record."));
    }
    data(out, "Matters arising", s.openActions().stream()
        .map(a -> action(a, s.agreedOn().get(a.getMeeting()), names)).toList());
    data(out, "Performance: reds and ambers", s.reports().stream()
        .filter(r -> rank(r.getComputedJudgement().getRating()) < 2)
        .sorted(Comparator.comparing((IndicatorReport r) -> rank(r.getComputedJudgement().getRating()))
            .thenComparing(r -> r.getIndicator().getId()))
        .map(r -> code(r) + ": " + Fmt.INSTANCE.rating(r.getComputedJudgement().getRating())
            + explained(r.getComputedJudgement().getExplanation()))
        .toList());
    data(out, "Figures overdue", s.owed().stream().flatMap(w -> w.getFiguresList().stream()
        .filter(f -> f.getState() == DueState.DUE_STATE_OVERDUE)
        .map(f -> w.getCode() + " " + w.getTitle() + ": the figure for " + f.getPeriodLabel() + " was due on "
            + DAY.format(Health.date(f.getDueDate())))).toList());
    data(out, "Judgements that differ from the rule", s.reports().stream().filter(org.laasuite.reporting.assembly.Disagreements::differs)
        .sorted(Comparator.comparing(r -> r.getIndicator().getId()))
        .map(r -> code(r) + ": recorded " + Fmt.INSTANCE.rating(r.getRecordedJudgement().getRating())
            + reason(r.getRecordedJudgement().getReason()) + "; the rule computes "
            + Fmt.INSTANCE.rating(r.getComputedJudgement().getRating())
            + reason(r.getComputedJudgement().getExplanation()))
        .toList());
    data(out, "Funding ending within six months", s.commitments().stream()
        .filter(c -> c.hasEndDate() && !Health.date(c.getEndDate()).isBefore(s.date())
            && Health.date(c.getEndDate()).isBefore(s.date().plusMonths(FUNDING_MONTHS)))
        .sorted(Comparator.comparing((Commitment c) -> Health.date(c.getEndDate())).thenComparing(Commitment::getTitle))
        .map(c -> c.getTitle() + (c.getProgramme().isEmpty() ? "" : " (" + c.getProgramme() + ")")
            + ": funding ends on " + DAY.format(Health.date(c.getEndDate()))
            + (c.getPosts() > 0 ? ", " + c.getPosts() + (c.getPosts() == 1 ? " post" : " posts") : ""))
        .toList());
    add(out, "Any other business", List.of());
    add(out, "Date of the next meeting", List.of());
    return out;
  }

  private static int rank(Rating r) {
    return switch (r) {
      case RATING_RED -> 0;
      case RATING_AMBER -> 1;
      default -> 2;
    };
  }

  private static String code(IndicatorReport r) {
    return r.getIndicator().getId() + " " + r.getIndicator().getTitle();
  }

  private static String explained(String explanation) {
    return explanation.isBlank() ? "" : " — " + explanation.strip();
  }

  private static String reason(String reason) {
    return reason.isBlank() ? "" : " (" + reason.strip() + ")";
  }

  /** "Circulate the report — Operations Group (agreed 24 April 2007; due 13 June 2007)". */
  private static String action(Action a, LocalDate agreedOn, Function<String, String> names) {
    String owner = a.getOwner().isEmpty() ? "no owner named" : names.apply(a.getOwner());
    String due = !a.getDueText().isEmpty() ? "due " + a.getDueText()
        : a.hasDueDate() ? "due " + DAY.format(Health.date(a.getDueDate())) : "";
    String agreed = agreedOn == null ? "" : "agreed " + DAY.format(agreedOn);
    String when = String.join("; ", java.util.stream.Stream.of(agreed, due).filter(x -> !x.isEmpty()).toList());
    return a.getText().strip() + " — " + owner + (when.isEmpty() ? "" : " (" + when + ")");
  }

  private static void data(List<AgendaItem> out, String title, List<String> lines) {
    if (!lines.isEmpty()) {
      add(out, title, lines);
    }
  }

  private static void add(List<AgendaItem> out, String title, List<String> lines) {
    out.add(AgendaItem.newBuilder().setNumber(out.size() + 1).setTitle(title)
        .setDescription(String.join("\n", lines)).build());
  }
}
