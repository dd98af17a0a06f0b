package org.laasuite.indicators.measure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.laasuite.indicators.v1.PublicationState;
import org.laasuite.indicators.v1.Rating;

@MappedEntity("recorded_judgement")
public record RecordedJudgementRow(
    @Id @GeneratedValue @Nullable Long id,
    long indicatorId,
    long periodId,
    Rating rating,
    String reason,
    String recordedBy,
    @DateCreated(truncatedTo = ChronoUnit.MICROS) @Nullable Instant createTime,
    PublicationState state,
    @Nullable Instant publishTime) {

  /** This judgement of {@code indicatorId} for {@code periodId}, not yet saved, in {@code state}. */
  public RecordedJudgementRow placed(long indicatorId, long periodId, PublicationState state,
      @Nullable Instant publishTime, String who) {
    return new RecordedJudgementRow(null, indicatorId, periodId, rating, reason, recordedBy.isEmpty() ? who : recordedBy,
        null, state, publishTime);
  }
}
