package org.laasuite.partnership.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A meeting's minutes as they stood before an edit: {@code snapshot} is the laa.partnership.v1.Meeting
 * message then, serialized, so that a revision shows exactly what was read; {@code createTime} is when
 * it was replaced.
 */
@MappedEntity("minutes_revision")
public record MinutesRevisionRow(@Id @GeneratedValue @Nullable Long id, long meetingId, int revision, byte[] snapshot,
    @DateCreated(truncatedTo = ChronoUnit.MICROS) @Nullable Instant createTime) {
}
