package org.laasuite.partnership.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A decision of a meeting's item, linked to what it concerns: {@code indicators} and {@code commitments}
 * are the other services' resource names, one per line.
 */
@MappedEntity("decision")
public record DecisionRow(@Id @GeneratedValue @Nullable Long id, long meetingId, int itemNumber, int position,
    String text, String indicators, String commitments) {

  public String name() {
    return "decisions/" + id;
  }
}
