package org.laasuite.funding.commitment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

@MappedEntity("spend")
public record SpendRow(
    @Id @GeneratedValue @Nullable Long id,
    long commitmentId,
    String financialYear,
    int quarter,
    long pence,
    String note,
    @DateCreated(truncatedTo = ChronoUnit.MICROS) @Nullable Instant createTime) {
}
