package org.laasuite.indicators.period;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.laasuite.indicators.v1.PeriodType;

/** A span of time, both ends inclusive, with the label the source gave it. */
@MappedEntity("period")
public record PeriodRow(@Id @GeneratedValue @Nullable Long id, String code, PeriodType type, LocalDate startDate,
    LocalDate endDate, String label) {

  public long days() {
    return ChronoUnit.DAYS.between(startDate, endDate) + 1;
  }

  public boolean contains(PeriodRow other) {
    return !other.startDate.isBefore(startDate) && !other.endDate.isAfter(endDate);
  }
}
