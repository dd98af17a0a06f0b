package org.laasuite.indicators.entry;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import org.laasuite.indicators.v1.PublicationState;

/** An indicator's return for a period: the state of what is pending (PUBLISHED when nothing is). */
@MappedEntity("entry")
public record EntryRow(
    @Id @GeneratedValue @Nullable Long id,
    long indicatorId,
    long periodId,
    PublicationState state,
    String returnReason,
    long version,
    Instant updateTime,
    String updateBy) {
}
