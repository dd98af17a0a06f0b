package org.laasuite.indicators.indicator;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.laasuite.common.grpc.Etags;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.indicators.v1.Frequency;
import org.laasuite.indicators.v1.IndicatorSource;
import org.laasuite.indicators.v1.Polarity;
import org.laasuite.type.v1.LaaBlock;

@MappedEntity("indicator")
public record IndicatorRow(
    @Id @GeneratedValue @Nullable Long id,
    String code,
    String title,
    LaaBlock block,
    String themeGroup,
    String outcome,
    String units,
    Polarity polarity,
    IndicatorSource source,
    String niCode,
    boolean monitorOnly,
    boolean cumulative,
    String ownerOrganisation,
    Frequency frequency,
    int decimalPlaces,
    @Nullable BigDecimal amberTolerance,
    String sourceReference,
    @DateCreated(truncatedTo = ChronoUnit.MICROS) @Nullable Instant createTime,
    @DateUpdated(truncatedTo = ChronoUnit.MICROS) @Nullable Instant updateTime,
    @Nullable Instant deleteTime,
    long version) {

  public String name() {
    return ResourceNames.INDICATORS.name(code);
  }

  /** The version clients see (AIP-154), changed by every update; empty before the row is stored. */
  public String etag() {
    return id == null ? "" : Etags.of(id, version);
  }

  /** This indicator as its next version. */
  public IndicatorRow nextVersion() {
    return deletedAt(deleteTime);
  }

  /** Whether it is archived (deleted with force): it keeps its figures but takes no new ones. */
  public boolean archived() {
    return deleteTime != null;
  }

  /** This indicator as its next version, archived at {@code time} (or current again when null). */
  public IndicatorRow deletedAt(@Nullable Instant time) {
    return new IndicatorRow(id, code, title, block, themeGroup, outcome, units, polarity, source, niCode, monitorOnly,
        cumulative, ownerOrganisation, frequency, decimalPlaces, amberTolerance, sourceReference, createTime,
        updateTime, time, version + 1);
  }
}
