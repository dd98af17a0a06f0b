package org.laasuite.indicators.measure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.laasuite.indicators.v1.PublicationState;

@MappedEntity("narrative")
public record NarrativeRow(
    @Id @GeneratedValue @Nullable Long id,
    long indicatorId,
    long periodId,
    String achieved,
    String nextSteps,
    String author,
    @DateCreated(truncatedTo = ChronoUnit.MICROS) @Nullable Instant createTime,
    PublicationState state,
    @Nullable Instant publishTime) {

  /** This narrative of {@code indicatorId} for {@code periodId}, not yet saved, in {@code state}. */
  public NarrativeRow placed(long indicatorId, long periodId, PublicationState state, @Nullable Instant publishTime,
      String who) {
    return new NarrativeRow(null, indicatorId, periodId, achieved, nextSteps, author.isEmpty() ? who : author, null,
        state, publishTime);
  }
}
