package org.laasuite.partnership.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** {@code decisions}: one per line; {@code description}: what the agenda prints under the item. */
@MappedEntity("agenda_item")
public record AgendaItemRow(@Id @GeneratedValue @Nullable Long id, long meetingId, int number, String title,
    @Nullable Long presenterId, String minutes, String decisions,
    String description) {
}
