package org.laasuite.reporting.render;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.Violations;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.Period;

/**
 * The periods of one report as the partnership wrote them ("2006-7 Update", "Nov 2002"), in date
 * order and on the calendar, from the periods the indicators service sends with the report.
 */
public final class PeriodNames {

  private final Map<String, Period> periods = new HashMap<>();
  private final Map<String, Integer> order = new HashMap<>();

  public PeriodNames(IndicatorReport report) {
    report.getPeriodsList().forEach(p -> {
      periods.put(p.getName(), p);
      order.put(p.getName(), order.size());
    });
  }

  /** The label of "periods/{code}", or the code when the report did not describe it. */
  public String label(String name) {
    Period p = periods.get(name);
    if (p == null) {
      return Fmt.INSTANCE.period(name);
    }
    return p.getLabel().isBlank() ? p.getId() : p.getLabel();
  }

  /** Position in date order; periods the report did not describe come last. */
  public int order(String name) {
    return order.getOrDefault(name, Integer.MAX_VALUE);
  }

  /** The middle day of the period, where a chart plots its figure; empty when it has no dates. */
  public Optional<LocalDate> midpoint(String name) {
    Period p = periods.get(name);
    if (p == null) {
      return Optional.empty();
    }
    Violations ignored = new Violations();
    Optional<LocalDate> start = Protos.date(p.getStartDate(), "start_date", ignored);
    Optional<LocalDate> end = Protos.date(p.getEndDate(), "end_date", ignored);
    return start.flatMap(s -> end.map(e -> s.plusDays(ChronoUnit.DAYS.between(s, e) / 2)));
  }
}
