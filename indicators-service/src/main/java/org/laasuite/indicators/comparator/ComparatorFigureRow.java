package org.laasuite.indicators.comparator;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Relation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.laasuite.indicators.figure.FigureValue;

/**
 * A comparator place's figure of an indicator and period; {@code area} is the place as its source names it,
 * {@code localAreaId} the local area whose outturns it is set against.
 */
@MappedEntity("comparator_figure")
public record ComparatorFigureRow(
    @Id @GeneratedValue @Nullable Long id,
    long indicatorId,
    long groupId,
    long periodId,
    String area,
    long localAreaId,
    @Relation(Relation.Kind.EMBEDDED) FigureValue figure,
    String source,
    String quote,
    String note,
    @DateCreated(truncatedTo = ChronoUnit.MICROS) @Nullable Instant createTime) {
}
