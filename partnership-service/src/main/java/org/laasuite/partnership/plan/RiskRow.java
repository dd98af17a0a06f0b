package org.laasuite.partnership.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("risk")
public record RiskRow(@Id @GeneratedValue @Nullable Long id, String code, String ref, String risk, String owner,
    String likelihood, String impact, String mitigation, int position) {
}
