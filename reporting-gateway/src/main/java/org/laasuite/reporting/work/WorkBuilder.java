package org.laasuite.reporting.work;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.laasuite.common.grpc.Protos;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.Period;
import org.laasuite.partnership.v1.Action;
import org.laasuite.partnership.v1.CallerRights;
import org.laasuite.partnership.v1.Permission;
import org.laasuite.partnership.v1.Right;
import org.laasuite.reporting.v1.ActionWork;
import org.laasuite.reporting.v1.DueFigure;
import org.laasuite.reporting.v1.DueState;
import org.laasuite.reporting.v1.IndicatorWork;
import org.laasuite.reporting.v1.ThemeGroup;
import org.laasuite.reporting.v1.Work;

/**
 * A person's or a theme group's {@link Work} from what the services answered (it calls none): which indicators'
 * figures they enter, which actions they hold, and where each stands by {@link DueRule}.
 */
public final class WorkBuilder {

  private final Collection<Period> periods;
  private final LocalDate today;
  private final int lagDays;

  /** @param periods every period the indicators service knows */
  public WorkBuilder(Collection<Period> periods, LocalDate today, int lagDays) {
    this.periods = periods;
    this.today = today;
    this.lagDays = lagDays;
  }

  /** The day work is reckoned on. */
  public com.google.type.Date asOf() {
    return Protos.date(today);
  }

  /**
   * The work of the person {@code rights} describes: the figures of every indicator they may enter (those owned by an
   * organisation or theme group they have the right to enter figures for; rights over the whole partnership, the
   * admins', are no one's work), and the open actions they hold: their own, and those held by a body whose actions
   * they keep (its chair and secretary). {@code reports} and {@code openActions}: all there are; either null when its
   * service did not answer.
   */
  public Work.Builder person(CallerRights rights, List<IndicatorReport> reports, List<Action> openActions) {
    Map<String, String> enters = new LinkedHashMap<>();
    Set<String> holds = new HashSet<>(Set.of(rights.getPerson()));
    for (Right r : rights.getRightsList()) {
      if (r.getScope().isEmpty()) {
        continue;
      }
      if (r.getPermission() == Permission.PERMISSION_ENTER_FIGURES) {
        enters.putIfAbsent(r.getScope(), r.getReason());
      } else if (r.getPermission() == Permission.PERMISSION_UPDATE_ACTIONS) {
        holds.add(r.getScope());
      }
    }
    var out = Work.newBuilder().setHolder(rights.getPerson()).setTitle(rights.getDisplayName());
    if (reports != null) {
      for (IndicatorReport r : reports) {
        String reason = enters.get(enteredBy(r.getIndicator()));
        if (reason != null) {
          out.addIndicators(indicator(r, reason));
        }
      }
    }
    if (openActions != null) {
      out.addAllActions(actions(openActions.stream().filter(a -> holds.contains(a.getOwner())).toList()));
    }
    return counted(out);
  }

  /**
   * The work of the theme group {@code body} ("bodies/{id}", titled {@code title}): the figures of its indicators
   * ({@code reports}: those it reports, or null when unknown) and its open {@code actions} (held by it or agreed at its
   * meetings; null when unknown).
   */
  public Work.Builder themeGroup(String body, String title, List<IndicatorReport> reports, List<Action> actions) {
    var out = Work.newBuilder().setHolder(body).setTitle(title);
    if (reports != null) {
      reports.stream().filter(r -> r.getIndicator().getThemeGroup().equals(body))
          .forEach(r -> out.addIndicators(indicator(r, "")));
    }
    if (actions != null) {
      out.addAllActions(actions(actions));
    }
    return counted(out);
  }

  /**
   * The review pack's "Due and overdue": each of {@code groups} (the blocks' theme groups, with their open actions;
   * each once, in order) with only its figures and actions due or overdue, those with none left out. {@code reports}:
   * every indicator's, or null when unknown.
   */
  public List<Work> dueAndOverdue(List<ThemeGroup> groups, List<IndicatorReport> reports, boolean actionsKnown) {
    List<Work> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ThemeGroup g : groups) {
      if (!seen.add(g.getName())) {
        continue;
      }
      Work.Builder w = themeGroup(g.getName(), g.getTitle(), reports, actionsKnown ? g.getOpenActionsList() : null);
      if (w.getDue() + w.getOverdue() == 0) {
        continue;
      }
      List<IndicatorWork> indicators = new ArrayList<>();
      for (IndicatorWork i : w.getIndicatorsList()) {
        var pressing = i.getFiguresList().stream().filter(f -> DueRule.pressing(f.getState())).toList();
        if (!pressing.isEmpty()) {
          indicators.add(i.toBuilder().clearFigures().addAllFigures(pressing).build());
        }
      }
      var actions = w.getActionsList().stream().filter(a -> DueRule.pressing(a.getState())).toList();
      out.add(w.clearIndicators().addAllIndicators(indicators).clearActions().addAllActions(actions).build());
    }
    return out;
  }

  /**
   * Whose right to enter figures covers an indicator, as the indicators service checks it: its owning organisation;
   * where none is recorded, the theme group that reports it.
   */
  static String enteredBy(Indicator i) {
    return i.getOwnerOrganisation().isEmpty() ? i.getThemeGroup() : i.getOwnerOrganisation();
  }

  /** The indicator's figures owed, where each stands on the day reckoned; {@code reason}: why the holder enters them. */
  public IndicatorWork indicator(IndicatorReport r, String reason) {
    Indicator i = r.getIndicator();
    var out = IndicatorWork.newBuilder().setIndicator(i.getName()).setCode(i.getId()).setTitle(i.getTitle())
        .setThemeGroup(i.getThemeGroup()).setOwnerOrganisation(i.getOwnerOrganisation()).setReason(reason);
    var figures = DueRule.figures(i.getFrequency(), r.getTargetsList(), r.getOutturnsList(), periods, today, lagDays);
    if (figures.isEmpty()) {
      return out.setUnscheduled(DueRule.UNSCHEDULED).build();
    }
    for (DueRule.Figure f : DueRule.shown(figures)) {
      out.addFigures(DueFigure.newBuilder().setPeriod(f.period().getName()).setPeriodLabel(f.period().getLabel())
          .setPeriodEnd(f.period().getEndDate()).setDueDate(Protos.date(f.due()))
          .setState(f.state()));
    }
    return out.build();
  }

  /** The open ones, overdue first, then by due date, undated last. */
  private List<ActionWork> actions(List<Action> actions) {
    List<ActionWork> out = new ArrayList<>();
    for (Action a : actions) {
      DueState state = DueRule.action(a, today);
      if (state != DueState.DUE_STATE_DONE) {
        out.add(ActionWork.newBuilder().setAction(a).setState(state).build());
      }
    }
    out.sort(Comparator.comparing((ActionWork w) -> w.getState() != DueState.DUE_STATE_OVERDUE)
        .thenComparing(w -> w.getState() == DueState.DUE_STATE_UNDATED)
        .thenComparing(w -> DueRule.dayOrMax(w.getAction().getDueDate())));
    return out;
  }

  private Work.Builder counted(Work.Builder w) {
    int due = 0;
    int overdue = 0;
    List<DueState> states = new ArrayList<>();
    w.getIndicatorsList().forEach(i -> i.getFiguresList().forEach(f -> states.add(f.getState())));
    w.getActionsList().forEach(a -> states.add(a.getState()));
    for (DueState s : states) {
      due += s == DueState.DUE_STATE_DUE ? 1 : 0;
      overdue += s == DueState.DUE_STATE_OVERDUE ? 1 : 0;
    }
    return w.setAsOf(Protos.date(today)).setFigureLagDays(lagDays).setDue(due)
        .setOverdue(overdue);
  }
}
