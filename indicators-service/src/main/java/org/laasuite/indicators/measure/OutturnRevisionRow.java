package org.laasuite.indicators.measure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Relation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.laasuite.indicators.figure.FigureValue;
import org.laasuite.indicators.v1.OutturnStatus;
import org.laasuite.indicators.v1.PublicationState;

/**
 * One revision of an outturn. {@code periodId} is the reporting period (whose target applies),
 * {@code dataPeriodId} the period the data describes when it differs.
 */
@MappedEntity("outturn")
public record OutturnRevisionRow(
    @Id @GeneratedValue @Nullable Long id,
    long indicatorId,
    long periodId,
    @Nullable Long dataPeriodId,
    long areaId,
    @Relation(Relation.Kind.EMBEDDED) FigureValue figure,
    OutturnStatus status,
    @Nullable BigDecimal coverage,
    String source,
    String note,
    String submittedBy,
    @DateCreated(truncatedTo = ChronoUnit.MICROS) @Nullable Instant createTime,
    int revision,
    @Nullable Long supersedesId,
    boolean current,
    PublicationState state,
    @Nullable Instant publishTime) {

  public OutturnRevisionRow asRevisionOf(OutturnRevisionRow previous) {
    return new OutturnRevisionRow(null, indicatorId, periodId, dataPeriodId, areaId, figure, status, coverage, source, note,
        submittedBy, null, previous.revision() + 1, previous.id(), true, state, publishTime);
  }

  /** A new outturn: the first revision, current, not yet saved. */
  public static OutturnRevisionRow first(long indicatorId, long periodId, @Nullable Long dataPeriodId, long areaId,
      FigureValue figure, OutturnStatus status, @Nullable BigDecimal coverage, String source, String note,
      String submittedBy) {
    return new OutturnRevisionRow(null, indicatorId, periodId, dataPeriodId, areaId, figure, status, coverage, source,
        note, submittedBy, null, 1, null, true, PublicationState.PUBLICATION_STATE_DRAFT, null);
  }

  /** This revision, not yet saved, in {@code state} (published at {@code publishTime} when PUBLISHED). */
  public OutturnRevisionRow in(PublicationState state, @Nullable Instant publishTime) {
    return new OutturnRevisionRow(id, indicatorId, periodId, dataPeriodId, areaId, figure, status, coverage, source,
        note, submittedBy, createTime, revision, supersedesId, current, state, publishTime);
  }

  /** This revision, its submitter {@code who} when it names none. */
  public OutturnRevisionRow submittedBy(String who) {
    return submittedBy.isEmpty() ? new OutturnRevisionRow(id, indicatorId, periodId, dataPeriodId, areaId, figure,
        status, coverage, source, note, who, createTime, revision, supersedesId, current, state, publishTime) : this;
  }

  /** This outturn (a draft's, its ids unset) of the indicator, periods and area given. */
  public OutturnRevisionRow placed(long indicatorId, long periodId, @Nullable Long dataPeriodId, long areaId) {
    return first(indicatorId, periodId, dataPeriodId, areaId, figure, status, coverage, source, note, submittedBy);
  }
}
