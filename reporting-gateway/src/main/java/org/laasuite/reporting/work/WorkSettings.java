package org.laasuite.reporting.work;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The day work is reckoned on and how long after a period ends its figure is due: {@code laa.work.as-of}, an ISO date
 * (empty: today, by the clock; bin/laa sets the demo data's day), and {@code laa.work.figure-lag}, a duration in whole
 * days (default 30 days). Read at start, so that a value that is not one stops the gateway saying so.
 */
@Context
public class WorkSettings {

  private final LocalDate asOf;
  private final int lagDays;
  private final Clock clock;

  @Inject
  public WorkSettings(@Value("${laa.work.as-of:}") String asOf, @Value("${laa.work.figure-lag:30d}") Duration lag) {
    this(asOf, lag, Clock.systemDefaultZone());
  }

  WorkSettings(String asOf, Duration lag, Clock clock) {
    try {
      this.asOf = asOf.isBlank() ? null : LocalDate.parse(asOf.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalStateException("laa.work.as-of (LAA_WORK_AS_OF) must be a date like 2007-08-22, not '"
          + asOf + "'", e);
    }
    if (lag.isNegative()) {
      throw new IllegalStateException("laa.work.figure-lag (LAA_WORK_FIGURE_LAG) must not be negative: " + lag);
    }
    this.lagDays = (int) lag.toDays();
    this.clock = clock;
  }

  /** The day work is reckoned on. */
  public LocalDate today() {
    return asOf != null ? asOf : LocalDate.now(clock);
  }

  /** Days after a period's end its figure is due. */
  public int lagDays() {
    return lagDays;
  }
}
