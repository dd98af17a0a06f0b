package org.laasuite.reporting.mywork;

import java.util.List;
import org.laasuite.partnership.v1.CallerRights;

/**
 * What is due or overdue for a person, the "Due and overdue" section of My work: a bean implementing this (the
 * gateway's computation of due returns and actions) plugs in here. Without one, My work says that due dates are not
 * shown yet rather than that nothing is due.
 */
public interface MyWorkDue {

  /** One thing due: what it is, where to do it, when it is due ("30 September 2007"), and whether that has passed. */
  record Due(String what, String href, String due, boolean overdue) {
  }

  /**
   * What is due or overdue for the person signed in, soonest first: {@code rights} says who they are (their person,
   * empty when the sign-in is linked to no one) and what they may do, as the partnership service derives it.
   */
  List<Due> dueFor(CallerRights rights);
}
