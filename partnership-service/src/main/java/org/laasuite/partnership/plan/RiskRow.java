package org.laasuite.partnership.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;
import org.laasuite.common.grpc.Etags;
import org.laasuite.partnership.v1.RiskStatus;

/**
 * An entry of the risk register. {@code likelihood} and {@code impact} are the words as printed; the
 * scores 1 to 5, or 0 where the register only words them. {@code status} null: the paper does not say.
 */
@MappedEntity("risk")
public record RiskRow(@Id @GeneratedValue @Nullable Long id, String code, String ref, String risk, String owner,
    String likelihood, String impact, String mitigation, int position, int likelihoodScore, int impactScore,
    @Nullable LocalDate reviewDate, @Nullable RiskStatus status, long version) {

  /** Likelihood times impact, 0 when either is not scored. */
  public int score() {
    return likelihoodScore * impactScore;
  }

  public String etag() {
    return id == null ? "" : Etags.of(id, version);
  }
}
