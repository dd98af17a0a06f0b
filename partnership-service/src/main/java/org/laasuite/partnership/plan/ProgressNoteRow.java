package org.laasuite.partnership.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;

/** A dated note of progress on an improvement item; {@code author} who added it ("people/…"). */
@MappedEntity("improvement_progress_note")
public record ProgressNoteRow(@Id @GeneratedValue @Nullable Long id, long itemId, LocalDate noteDate, String text,
    String author) {
}
