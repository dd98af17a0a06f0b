package org.laasuite.partnership.body;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;
import org.laasuite.partnership.v1.Role;
import org.laasuite.partnership.v1.Sector;

@MappedEntity("membership")
public record MembershipRow(@Id @GeneratedValue @Nullable Long id, long bodyId, long personId, Role role,
    @Nullable Long representsId, @Nullable Sector sector, @Nullable LocalDate startDate,
    @Nullable LocalDate endDate) {

  /** Current on {@code day}: started (or no start) and not ended (or no end). */
  public boolean currentOn(LocalDate day) {
    return (startDate == null || !startDate.isAfter(day)) && (endDate == null || !endDate.isBefore(day));
  }
}
