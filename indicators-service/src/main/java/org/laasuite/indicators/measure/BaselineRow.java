package org.laasuite.indicators.measure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Relation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.laasuite.indicators.figure.FigureValue;

@MappedEntity("baseline")
public record BaselineRow(
    @Id @GeneratedValue @Nullable Long id,
    long indicatorId,
    @Nullable Long periodId,
    long areaId,
    @Relation(Relation.Kind.EMBEDDED) FigureValue figure,
    @DateCreated(truncatedTo = ChronoUnit.MICROS) @Nullable Instant createTime) {
}
