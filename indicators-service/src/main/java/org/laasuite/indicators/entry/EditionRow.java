package org.laasuite.indicators.entry;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A quarter's report frozen when it was published: {@code reports} is a BatchGetIndicatorReportsResponse. */
@MappedEntity("edition")
public record EditionRow(
    @Id @GeneratedValue @Nullable Long id,
    String code,
    long periodId,
    Instant createTime,
    String createBy,
    byte[] reports) {
}
