package org.laasuite.reporting.work;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.laasuite.partnership.v1.CallerRights;
import org.laasuite.reporting.mywork.MyWorkDue;
import org.laasuite.reporting.render.Fmt;
import org.laasuite.reporting.v1.DueState;
import org.laasuite.reporting.v1.Work;

/**
 * My work's "Due and overdue" section from the person's work ({@link Workloads}): each figure due or overdue, linked
 * to its return's form, then each action due or overdue, linked to the person's work page.
 */
@Singleton
class WorkDue implements MyWorkDue {

  private final Workloads workloads;
  private final Fmt fmt = Fmt.INSTANCE;

  WorkDue(Workloads workloads) {
    this.workloads = workloads;
  }

  @Override
  public List<Due> dueFor(CallerRights rights) {
    if (rights.getPerson().isEmpty()) {
      return List.of();
    }
    Work work = workloads.person(rights.getPerson());
    List<Due> out = new ArrayList<>();
    for (var indicator : work.getIndicatorsList()) {
      for (var figure : indicator.getFiguresList()) {
        if (owed(figure.getState())) {
          out.add(new Due(indicator.getCode() + " " + indicator.getTitle() + ": the figure for "
              + figure.getPeriodLabel(), "/" + indicator.getIndicator() + "/entries/"
              + figure.getPeriod().substring("periods/".length()), fmt.date(figure.getDueDate()),
              figure.getState() == DueState.DUE_STATE_OVERDUE));
        }
      }
    }
    for (var action : work.getActionsList()) {
      if (owed(action.getState())) {
        out.add(new Due(action.getAction().getText(), "/work/" + rights.getPerson(),
            fmt.date(action.getAction().getDueDate()), action.getState() == DueState.DUE_STATE_OVERDUE));
      }
    }
    return out;
  }

  private static boolean owed(DueState state) {
    return state == DueState.DUE_STATE_DUE || state == DueState.DUE_STATE_OVERDUE;
  }
}
