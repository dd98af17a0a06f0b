package org.laasuite.partnership.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One ref of a plan (A1, B2), with its area; {@code actions} one per line. */
@MappedEntity("improvement_item")
public record ImprovementItemRow(@Id @GeneratedValue @Nullable Long id, long planId, String areaRef, String areaTitle,
    String ref, String improvement, String actions, String timescale, String owner, String status,
    String successMeasures, int position) {
}
