package org.laasuite.reporting.render;

import java.util.HashMap;
import java.util.Map;
import org.laasuite.indicators.v1.IndicatorReport;

/**
 * The periods of one report as the partnership wrote them ("2006-7 Update", "Nov 2002") and in
 * date order, from the periods the indicators service sends with the report.
 */
public final class PeriodNames {

  private final Map<String, String> labels = new HashMap<>();
  private final Map<String, Integer> order = new HashMap<>();

  public PeriodNames(IndicatorReport report) {
    report.getPeriodsList().forEach(p -> {
      labels.put(p.getName(), p.getLabel().isBlank() ? p.getCode() : p.getLabel());
      order.put(p.getName(), order.size());
    });
  }

  /** The label of "periods/{code}", or the code when the report did not describe it. */
  public String label(String name) {
    return labels.getOrDefault(name, Fmt.INSTANCE.period(name));
  }

  /** Position in date order; periods the report did not describe come last. */
  public int order(String name) {
    return order.getOrDefault(name, Integer.MAX_VALUE);
  }
}
