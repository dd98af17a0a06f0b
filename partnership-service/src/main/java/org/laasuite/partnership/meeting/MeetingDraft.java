package org.laasuite.partnership.meeting;

import java.util.List;

/**
 * A meeting to record, its shape checked ({@link MeetingMapper#fromProto}): rows whose references to
 * the body and to people are still the names the client sent, for the service to resolve. Actions'
 * owners are names in the row itself; decisions name only other services' resources, whose form is checked.
 */
public record MeetingDraft(MeetingRow meeting, String body, List<Attendee> attendance, List<Item> items,
    List<ActionRow> actions, List<DecisionRow> decisions) {

  /** {@code substituteFor}: a person's name, or empty. */
  public record Attendee(AttendanceRow row, String person, String substituteFor) {
  }

  /** {@code presenter}: a person's name, or empty. */
  public record Item(AgendaItemRow row, String presenter) {
  }
}
