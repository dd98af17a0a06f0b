package org.laasuite.partnership.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.laasuite.common.grpc.Etags;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.partnership.v1.MeetingStatus;

@MappedEntity("meeting")
public record MeetingRow(@Id @GeneratedValue @Nullable Long id, String code, long bodyId, LocalDate date,
    String startTime, String endTime, String place, MeetingStatus status,
    @DateCreated(truncatedTo = ChronoUnit.MICROS) @Nullable Instant createTime, long version,
    @Nullable Long minutesApprovedBy, @Nullable LocalDate minutesApprovedDate) {

  /** The version clients see (AIP-154). */
  public String etag() {
    return id == null ? "" : Etags.of(id, version);
  }

  public String name() {
    return ResourceNames.MEETINGS.name(code);
  }
}
