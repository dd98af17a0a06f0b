package org.laasuite.reporting.entry;

import java.util.List;
import java.util.Map;
import org.laasuite.indicators.v1.Entry;
import org.laasuite.indicators.v1.EntryStep;
import org.laasuite.indicators.v1.Outturn;
import org.laasuite.indicators.v1.OutturnStatus;
import org.laasuite.reporting.render.Fmt;

/** An entry's way to the public in words: its steps, who took each and when, and what it holds. */
final class Steps {

  /** One step: what was done ("Submitted"), by whom, when, and why (a return's reason). */
  record Step(String state, String by, String when, String reason) {
  }

  private static final Map<String, String> DONE = Map.of("Draft", "Entered", "Submitted", "Submitted for approval",
      "Approved", "Approved", "Published", "Published", "Returned", "Returned to be put right");

  private Steps() {
  }

  static List<Step> of(Entry entry, Directory names) {
    return entry == null ? List.of() : entry.getHistoryList().stream().map(s -> step(s, names)).toList();
  }

  static Step step(EntryStep s, Directory names) {
    String state = Fmt.INSTANCE.state(s.getState());
    return new Step(DONE.getOrDefault(state, state), names.person(s.getBy()), Fmt.INSTANCE.when(s.getTime()),
        s.getReason());
  }

  /** An outturn in a line: "City: 64 (provisional, data Apr-Jun 07)". */
  static String outturn(Outturn o, Directory names) {
    String status = o.getStatus() == OutturnStatus.OUTTURN_STATUS_UNSPECIFIED ? ""
        : Fmt.INSTANCE.outturnStatus(o.getStatus());
    String data = o.getDataPeriod().isEmpty() || o.getDataPeriod().equals(o.getPeriod()) ? ""
        : "data " + names.period(o.getDataPeriod());
    String about = String.join(", ", java.util.stream.Stream.of(status, data).filter(x -> !x.isEmpty()).toList());
    return Fmt.INSTANCE.area(o.getArea()) + ": " + Fmt.INSTANCE.figure(o.getFigure())
        + (about.isEmpty() ? "" : " (" + about + ")") + (o.getNote().isEmpty() ? "" : " — " + o.getNote());
  }
}
