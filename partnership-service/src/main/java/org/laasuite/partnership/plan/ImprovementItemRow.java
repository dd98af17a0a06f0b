package org.laasuite.partnership.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;
import org.laasuite.common.grpc.Etags;

/**
 * One ref of a plan (A1, B2), with its area; {@code actions} one per line, as {@code indicators} and
 * {@code linkedActions} (resource names).
 */
@MappedEntity("improvement_item")
public record ImprovementItemRow(@Id @GeneratedValue @Nullable Long id, long planId, String areaRef, String areaTitle,
    String ref, String improvement, String actions, String timescale, String owner, String status,
    String successMeasures, int position, @Nullable LocalDate dueDate, String indicators, String linkedActions,
    long version) {

  /** An item as a plan prints it: no due date, links or notes yet. */
  public static ImprovementItemRow printed(long planId, String areaRef, String areaTitle, String ref,
      String improvement, String actions, String timescale, String owner, String status, String successMeasures,
      int position) {
    return new ImprovementItemRow(null, planId, areaRef, areaTitle, ref, improvement, actions, timescale, owner,
        status, successMeasures, position, null, "", "", 0);
  }

  public String etag() {
    return id == null ? "" : Etags.of(id, version);
  }
}
