package org.laasuite.indicators.comparator;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.laasuite.indicators.v1.ComparatorGroupKind;

@MappedEntity("comparator_group")
public record ComparatorGroupRow(@Id @GeneratedValue @Nullable Long id, String code, String title,
    ComparatorGroupKind kind, String source, String note,
    @DateCreated(truncatedTo = ChronoUnit.MICROS) @Nullable Instant createTime) {
}
