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
    @DateUpdated(truncatedTo = ChronoUnit.MICROS) @Nullable Instant updateTime) {

  public String name() {
    return ResourceNames.INDICATORS.name(code);
  }
}
