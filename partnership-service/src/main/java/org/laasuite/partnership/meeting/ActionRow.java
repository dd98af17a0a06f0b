package org.laasuite.partnership.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;
import org.laasuite.common.grpc.Etags;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.partnership.v1.ActionStatus;

/**
 * {@code owner} is a resource name of this service: "people/{id}" or "bodies/{id}"; {@code indicators}
 * the indicators service's names of the indicators the action is on, one per line, and {@code commitments}
 * the funding service's names of the commitments it is on, likewise.
 */
@MappedEntity("action")
public record ActionRow(@Id @GeneratedValue @Nullable Long id, long meetingId, int itemNumber, int position, String text,
    String owner, @Nullable LocalDate dueDate, String dueText, ActionStatus status, String note,
    String indicators, long version, String commitments) {

  public String name() {
    return ResourceNames.ACTIONS.name(String.valueOf(id));
  }

  /** The version clients see (AIP-154), changed by every update; empty before the row is stored. */
  public String etag() {
    return id == null ? "" : Etags.of(id, version);
  }

  /** The next version of this action, with this status and note. */
  public ActionRow withStatus(ActionStatus newStatus, String newNote) {
    return new ActionRow(id, meetingId, itemNumber, position, text, owner, dueDate, dueText, newStatus, newNote,
        indicators, version + 1, commitments);
  }
}
