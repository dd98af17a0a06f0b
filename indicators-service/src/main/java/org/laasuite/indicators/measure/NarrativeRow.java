package org.laasuite.indicators.measure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

@MappedEntity("narrative")
public record NarrativeRow(
    @Id @GeneratedValue @Nullable Long id,
    long indicatorId,
    long periodId,
    String achieved,
    String nextSteps,
    String author,
    @DateCreated(truncatedTo = ChronoUnit.MICROS) @Nullable Instant createTime) {
}
