package org.laasuite.reporting.work;

import com.google.type.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.laasuite.indicators.v1.FigureStatus;
import org.laasuite.indicators.v1.Frequency;
import org.laasuite.indicators.v1.Outturn;
import org.laasuite.indicators.v1.Period;
import org.laasuite.indicators.v1.PeriodType;
import org.laasuite.indicators.v1.Target;
import org.laasuite.partnership.v1.Action;
import org.laasuite.partnership.v1.ActionStatus;
import org.laasuite.reporting.v1.DueState;

/**
 * When figures and actions fall due (docs/due-work.md). Pure: the day and the lag are given.
 *
 * <p>An indicator reports in the periods of its frequency (monthly: months, quarterly: quarters, half-yearly:
 * half-years, annual: financial, academic or calendar years, biennial or less: survey waves) that it has a target for,
 * and in the periods of its frequency's first type lying within a period it has a target for (a quarterly indicator
 * with a target for 2007-08 reports in that year's quarters); a target that says there is none ("NA", "No target")
 * does not count. Each such period's figure is due {@code lag} days after the period ends; it is done once the
 * indicator has an outturn for it in the city (as its period or as its data period), unless that outturn says the
 * figure is not available yet; else overdue once its due date has passed, due once the period has ended, upcoming
 * before. An indicator without a frequency or without such periods is never due.
 */
public final class DueRule {

  /** The city, whose figure is the one an indicator owes (an outturn without an area is the city's). */
  public static final String CITY = "areas/city";
  public static final String UNSCHEDULED = "no reporting periods set";

  /** A target that says there is none for its period ("NA", "No target"): the indicator does not report in it. */
  private static final Set<FigureStatus> NO_TARGET = Set.of(FigureStatus.FIGURE_STATUS_NOT_APPLICABLE,
      FigureStatus.FIGURE_STATUS_NO_TARGET);
  private static final Set<FigureStatus> NOT_IN_YET = Set.of(FigureStatus.FIGURE_STATUS_NOT_AVAILABLE,
      FigureStatus.FIGURE_STATUS_TO_BE_SET);

  private DueRule() {
  }

  /** One reporting period's figure: when it is due and where it stands. */
  public record Figure(Period period, LocalDate end, LocalDate due, DueState state) {
  }

  /**
   * The period types an indicator of {@code frequency} reports in, the type periods within a longer target period are
   * taken from first; empty for none (unspecified).
   */
  public static List<PeriodType> periodTypes(Frequency frequency) {
    return switch (frequency) {
      case FREQUENCY_MONTHLY -> List.of(PeriodType.PERIOD_TYPE_MONTH);
      case FREQUENCY_QUARTERLY -> List.of(PeriodType.PERIOD_TYPE_QUARTER);
      case FREQUENCY_HALF_YEARLY -> List.of(PeriodType.PERIOD_TYPE_HALF_YEAR);
      case FREQUENCY_ANNUAL -> List.of(PeriodType.PERIOD_TYPE_FINANCIAL_YEAR, PeriodType.PERIOD_TYPE_ACADEMIC_YEAR,
          PeriodType.PERIOD_TYPE_CALENDAR_YEAR);
      case FREQUENCY_BIENNIAL_OR_LESS -> List.of(PeriodType.PERIOD_TYPE_SURVEY_WAVE);
      default -> List.of();
    };
  }

  /**
   * Every reporting period of an indicator of {@code frequency} with {@code targets} and {@code outturns}, earliest
   * due first, where it stands on {@code today}; {@code periods}: every period known (those the targets name, and
   * those that may lie within them). Empty when the indicator is never due.
   */
  public static List<Figure> figures(Frequency frequency, Collection<Target> targets, Collection<Outturn> outturns,
      Collection<Period> periods, LocalDate today, int lagDays) {
    List<PeriodType> types = periodTypes(frequency);
    if (types.isEmpty()) {
      return List.of();
    }
    Map<String, Period> byName = new LinkedHashMap<>();
    periods.forEach(p -> byName.put(p.getName(), p));
    Map<String, Period> reporting = new LinkedHashMap<>();
    for (Target t : targets) {
      Period target = byName.get(t.getPeriod());
      if (target == null || NO_TARGET.contains(t.getFigure().getStatus())) {
        continue;
      }
      if (types.contains(target.getType())) {
        reporting.put(target.getName(), target);
      }
      for (Period p : periods) {
        if (p.getType() == types.getFirst() && within(p, target)) {
          reporting.putIfAbsent(p.getName(), p);
        }
      }
    }
    Set<String> in = new java.util.HashSet<>();
    for (Outturn o : outturns) {
      if ((o.getArea().isEmpty() || o.getArea().equals(CITY)) && !NOT_IN_YET.contains(o.getFigure().getStatus())) {
        in.add(o.getPeriod());
        in.add(o.getDataPeriod());
      }
    }
    List<Figure> out = new ArrayList<>();
    for (Period p : reporting.values()) {
      LocalDate end = day(p.getEndDate());
      LocalDate due = end.plusDays(lagDays);
      DueState state = in.contains(p.getName()) ? DueState.DUE_STATE_DONE
          : today.isAfter(due) ? DueState.DUE_STATE_OVERDUE
          : today.isAfter(end) ? DueState.DUE_STATE_DUE : DueState.DUE_STATE_UPCOMING;
      out.add(new Figure(p, end, due, state));
    }
    out.sort(Comparator.comparing(Figure::due).thenComparing(f -> f.period().getName()));
    return out;
  }

  /**
   * What a holder is shown of an indicator's figures: the overdue and due ones, then the next upcoming one; those in
   * are left out.
   */
  public static List<Figure> shown(List<Figure> figures) {
    List<Figure> out = new ArrayList<>();
    boolean next = false;
    for (Figure f : figures) {
      if (f.state() == DueState.DUE_STATE_OVERDUE || f.state() == DueState.DUE_STATE_DUE) {
        out.add(f);
      } else if (f.state() == DueState.DUE_STATE_UPCOMING && !next) {
        out.add(f);
        next = true;
      }
    }
    return out;
  }

  /**
   * Where an action stands on {@code today}: done or dropped, it is done; open, it is due on its due date and overdue
   * after it, or undated when it has none.
   */
  public static DueState action(Action action, LocalDate today) {
    if (action.getStatus() == ActionStatus.ACTION_STATUS_DONE || action.getStatus() == ActionStatus.ACTION_STATUS_DROPPED) {
      return DueState.DUE_STATE_DONE;
    }
    if (!action.hasDueDate() || action.getDueDate().getYear() == 0) {
      return DueState.DUE_STATE_UNDATED;
    }
    return today.isAfter(day(action.getDueDate())) ? DueState.DUE_STATE_OVERDUE : DueState.DUE_STATE_DUE;
  }

  /** A date of the services' answers (always a whole date) as a day. */
  public static LocalDate day(Date d) {
    return LocalDate.of(d.getYear(), d.getMonth(), d.getDay());
  }

  /** Whether something standing so is to be done now: due, or overdue. */
  public static boolean pressing(DueState s) {
    return s == DueState.DUE_STATE_DUE || s == DueState.DUE_STATE_OVERDUE;
  }

  /** A due date as a day to sort by: none sorts last. */
  static LocalDate dayOrMax(Date d) {
    return d.getYear() == 0 ? LocalDate.MAX : day(d);
  }

  /** Whether {@code inner} lies within {@code outer}, both ends included. */
  static boolean within(Period inner, Period outer) {
    return !day(inner.getStartDate()).isBefore(day(outer.getStartDate()))
        && !day(inner.getEndDate()).isAfter(day(outer.getEndDate()));
  }
}
