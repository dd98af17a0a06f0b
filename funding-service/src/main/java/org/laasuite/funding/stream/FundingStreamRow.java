package org.laasuite.funding.stream;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.laasuite.common.grpc.Etags;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.funding.v1.Arrangement;
import org.laasuite.type.v1.LaaBlock;

/** {@code position} keeps the agreement's own order of lines within a block. */
@MappedEntity("funding_stream")
public record FundingStreamRow(
    @Id @GeneratedValue @Nullable Long id,
    String code,
    String title,
    String funder,
    String programme,
    LaaBlock block,
    Arrangement arrangement,
    boolean previouslyPooled,
    String heading,
    @Nullable LocalDate startDate,
    @Nullable LocalDate endDate,
    String conditions,
    String note,
    int position,
    @DateCreated(truncatedTo = ChronoUnit.MICROS) @Nullable Instant createTime,
    @DateUpdated(truncatedTo = ChronoUnit.MICROS) @Nullable Instant updateTime,
    long version) {

  /** This stream at {@code position} in the agreement's order (the importer's line number). */
  public FundingStreamRow withPosition(int position) {
    return new FundingStreamRow(id, code, title, funder, programme, block, arrangement, previouslyPooled, heading,
        startDate, endDate, conditions, note, position, createTime, updateTime, version);
  }

  /** This stream as its next version. */
  public FundingStreamRow nextVersion() {
    return new FundingStreamRow(id, code, title, funder, programme, block, arrangement, previouslyPooled, heading,
        startDate, endDate, conditions, note, position, createTime, updateTime, version + 1);
  }

  /** The version clients see (AIP-154), changed by every update; empty before the row is stored. */
  public String etag() {
    return id == null ? "" : Etags.of(id, version);
  }

  public String name() {
    return ResourceNames.FUNDING_STREAMS.name(code);
  }

  /** The title, or what the line is when the source lost its name: never an invented name. */
  public String displayName() {
    return title.isBlank() ? "Unnamed stream (name lost in the source; " + ProtoEnums.words(arrangement)
        + ", " + ProtoEnums.words(block) + ")" : title;
  }
}
