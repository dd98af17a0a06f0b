package org.laasuite.funding.lpsa;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.laasuite.common.grpc.ResourceNames;

/** An LPSA stretch target of one indicator; the grant and the expected figure null when not recorded. */
@MappedEntity("lpsa_target")
public record LpsaTargetRow(
    @Id @GeneratedValue @Nullable Long id,
    String code,
    String indicator,
    String lpsaTarget,
    @Nullable Long rewardGrantPence,
    @Nullable BigDecimal expected,
    BigDecimal stretch,
    String stretchText,
    @Nullable BigDecimal threshold,
    String source,
    String note,
    @DateCreated(truncatedTo = ChronoUnit.MICROS) @Nullable Instant createTime) {

  public String name() {
    return ResourceNames.LPSA_TARGETS.name(code);
  }
}
