package org.laasuite.partnership.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("improvement_plan")
public record ImprovementPlanRow(@Id @GeneratedValue @Nullable Long id, String code, String title, String dateText,
    String source) {
}
