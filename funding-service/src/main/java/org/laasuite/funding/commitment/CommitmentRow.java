package org.laasuite.funding.commitment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.funding.v1.CommitmentKind;

@MappedEntity("commitment")
public record CommitmentRow(
    @Id @GeneratedValue @Nullable Long id,
    String code,
    String title,
    CommitmentKind kind,
    String programme,
    @Nullable Long streamId,
    int posts,
    @Nullable LocalDate startDate,
    @Nullable LocalDate endDate,
    String source,
    String note,
    boolean overCommitted,
    String recipient,
    @DateCreated(truncatedTo = ChronoUnit.MICROS) @Nullable Instant createTime) {

  public String name() {
    return ResourceNames.COMMITMENTS.name(code);
  }
}
