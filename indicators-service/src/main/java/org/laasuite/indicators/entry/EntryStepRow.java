package org.laasuite.indicators.entry;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import org.laasuite.indicators.v1.PublicationState;

/** One step an entry took: to {@code state}, by whom, when, and why (a return's reason). */
@MappedEntity("entry_step")
public record EntryStepRow(
    @Id @GeneratedValue @Nullable Long id,
    long entryId,
    PublicationState state,
    String byWhom,
    Instant stepTime,
    String reason) {
}
