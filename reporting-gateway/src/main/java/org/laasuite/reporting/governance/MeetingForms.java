package org.laasuite.reporting.governance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import com.google.rpc.BadRequest.FieldViolation;
import org.laasuite.partnership.v1.Action;
import org.laasuite.partnership.v1.AgendaItem;
import org.laasuite.partnership.v1.Attendance;
import org.laasuite.partnership.v1.AttendanceStatus;
import org.laasuite.partnership.v1.Decision;
import org.laasuite.partnership.v1.Meeting;
import org.laasuite.partnership.v1.Membership;

/**
 * A meeting between the secretariat's forms and the partnership service: the inputs' values read from a meeting, the
 * meeting a sent form describes, and each problem the service names (google.rpc.BadRequest's field paths,
 * "meeting.actions[1].owner") placed at the input it is about. Inputs are named as the fields they set, without
 * "meeting.": "items[0].title", "items[0].description", "items[0].minutes", "items[0].decisions" (one per line),
 * "attendance[3].person" and "attendance[3].status", "actions[1].name" (empty for a new one), "actions[1].item",
 * "actions[1].text", "actions[1].owner", "actions[1].due" (a date, or the minutes' words), "actions[1].indicators"
 * and "actions[1].commitments" (codes and ids, separated by commas or spaces); "items[0].decision-indicators" and "items[0].decision-commitments", what the
 * item's decisions concern (each decision of the item is written as a Decision linked to them).
 */
final class MeetingForms {

  /** Blank rows offered for new items and actions. */
  static final int BLANK_ROWS = 3;
  static final Map<String, AttendanceStatus> STATUSES = new LinkedHashMap<>();
  private static final Pattern INDEXED = Pattern.compile("meeting\\.(items|attendance|actions|decisions)\\[(\\d+)](.*)");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  static {
    STATUSES.put("present", AttendanceStatus.ATTENDANCE_STATUS_PRESENT);
    STATUSES.put("in-attendance", AttendanceStatus.ATTENDANCE_STATUS_IN_ATTENDANCE);
    STATUSES.put("apologies", AttendanceStatus.ATTENDANCE_STATUS_APOLOGIES);
    STATUSES.put("absent", AttendanceStatus.ATTENDANCE_STATUS_ABSENT);
  }

  private MeetingForms() {
  }

  /**
   * What a sent form asks, and where each part of it came from: {@code rows} maps the index of each item, attendance
   * and action sent ("actions[0]") to the row of the form it was typed in ("actions[2]"), blank rows left out.
   */
  record Sent(Meeting meeting, Map<String, String> rows) {
  }

  /** A form's values as its inputs hold them: the agenda's items of {@code m}, and as many blank rows. */
  static Map<String, String> agendaValues(Meeting m) {
    Map<String, String> out = new HashMap<>();
    out.put("etag", m.getEtag());
    for (int i = 0; i < m.getItemsCount(); i++) {
      out.put("items[" + i + "].title", m.getItems(i).getTitle());
      out.put("items[" + i + "].description", m.getItems(i).getDescription());
    }
    return out;
  }

  /** The agenda as typed: each row with a title an item, numbered in order. */
  static Sent agenda(Map<String, String> form, Meeting current) {
    var m = Meeting.newBuilder().setName(current.getName()).setEtag(form.getOrDefault("etag", ""));
    Map<String, String> rows = new HashMap<>();
    for (int row = 0; row < rows(form, "items"); row++) {
      String title = get(form, "items[" + row + "].title").strip();
      String description = get(form, "items[" + row + "].description").strip();
      if (title.isEmpty() && description.isEmpty()) {
        continue;
      }
      rows.put("items[" + m.getItemsCount() + "]", "items[" + row + "]");
      m.addItems(AgendaItem.newBuilder().setNumber(m.getItemsCount() + 1).setTitle(title)
          .setDescription(description));
    }
    return new Sent(m.build(), rows);
  }

  /**
   * A record form's values: the attendance of each of {@code people} (the body's members, then anyone else the
   * meeting records), each item's minutes and decisions, each action agreed.
   */
  static Map<String, String> recordValues(Meeting m, List<String> people) {
    Map<String, String> out = new HashMap<>();
    out.put("etag", m.getEtag());
    for (int k = 0; k < people.size(); k++) {
      String person = people.get(k);
      out.put("attendance[" + k + "].person", person);
      out.put("attendance[" + k + "].status", m.getAttendanceList().stream().filter(a -> a.getPerson().equals(person))
          .findFirst().map(a -> key(a.getStatus())).orElse(""));
    }
    for (int i = 0; i < m.getItemsCount(); i++) {
      int number = m.getItems(i).getNumber();
      out.put("items[" + i + "].minutes", m.getItems(i).getMinutes());
      out.put("items[" + i + "].decisions", String.join("\n", m.getItems(i).getDecisionsList()));
      List<Decision> linked = m.getDecisionsList().stream().filter(d -> d.getItem() == number).toList();
      out.put("items[" + i + "].decision-indicators", ids(linked.stream().flatMap(d -> d.getIndicatorsList()
          .stream())));
      out.put("items[" + i + "].decision-commitments", ids(linked.stream().flatMap(d -> d.getCommitmentsList()
          .stream())));
    }
    for (int j = 0; j < m.getActionsCount(); j++) {
      Action a = m.getActions(j);
      String k = "actions[" + j + "].";
      out.put(k + "name", a.getName());
      out.put(k + "item", Integer.toString(a.getItem()));
      out.put(k + "text", a.getText());
      out.put(k + "owner", a.getOwner());
      out.put(k + "due", !a.getDueText().isEmpty() ? a.getDueText() : a.hasDueDate()
          ? Health.date(a.getDueDate()).toString() : "");
      out.put(k + "indicators", ids(a.getIndicatorsList().stream()));
      out.put(k + "commitments", ids(a.getCommitmentsList().stream()));
    }
    return out;
  }

  /**
   * Who a record form lists: the body's members, anyone else the meeting records as there, then those at the body's
   * last meeting ({@code last}, null when none); the form offers blank rows for others.
   */
  static List<String> people(Meeting m, List<Membership> members, Meeting last) {
    List<String> out = new ArrayList<>();
    Stream.of(members.stream().map(Membership::getPerson), m.getAttendanceList().stream().map(Attendance::getPerson),
        last == null ? Stream.<String>empty() : last.getAttendanceList().stream().map(Attendance::getPerson))
        .flatMap(x -> x).forEach(p -> {
          if (!out.contains(p)) {
            out.add(p);
          }
        });
    return out;
  }

  /**
   * The meeting as recorded: attendance of those given a status (keeping what the meeting records of each beyond
   * it, as the minutes printed it), each item's minutes and decisions, each action with a text; and made HELD.
   */
  static Sent record(Map<String, String> form, Meeting current) {
    var m = Meeting.newBuilder().setName(current.getName()).setEtag(form.getOrDefault("etag", ""))
        .setStatus(org.laasuite.partnership.v1.MeetingStatus.MEETING_STATUS_HELD);
    Map<String, String> rows = new HashMap<>();
    for (int k = 0; k < rows(form, "attendance"); k++) {
      String person = get(form, "attendance[" + k + "].person");
      String status = get(form, "attendance[" + k + "].status");
      if (person.isEmpty() || status.isEmpty()) {
        continue;
      }
      Attendance was = current.getAttendanceList().stream().filter(a -> a.getPerson().equals(person)).findFirst()
          .orElse(Attendance.newBuilder().setPerson(person).build());
      rows.put("attendance[" + m.getAttendanceCount() + "]", "attendance[" + k + "]");
      m.addAttendance(was.toBuilder().setStatus(STATUSES.getOrDefault(status,
          AttendanceStatus.ATTENDANCE_STATUS_UNSPECIFIED)));
    }
    for (int i = 0; i < current.getItemsCount(); i++) {
      AgendaItem it = current.getItems(i);
      String k = "items[" + i + "].";
      rows.put("items[" + i + "]", "items[" + i + "]");
      List<String> decisions = get(form, k + "decisions").lines().map(String::strip).filter(x -> !x.isEmpty())
          .toList();
      m.addItems(it.toBuilder().setMinutes(get(form, k + "minutes").strip()).clearDecisions()
          .addAllDecisions(decisions));
      // Each decision of the item, linked to the indicators and commitments it concerns.
      for (String text : decisions) {
        rows.put("decisions[" + m.getDecisionsCount() + "]", "items[" + i + "]");
        m.addDecisions(Decision.newBuilder().setItem(it.getNumber()).setText(text)
            .addAllIndicators(names("indicators/", get(form, k + "decision-indicators")))
            .addAllCommitments(names("commitments/", get(form, k + "decision-commitments"))));
      }
    }
    for (int row = 0; row < rows(form, "actions"); row++) {
      String k = "actions[" + row + "].";
      String text = get(form, k + "text").strip();
      if (text.isEmpty() && get(form, k + "name").isEmpty() && get(form, k + "owner").isEmpty()
          && get(form, k + "due").isBlank()) {
        continue;
      }
      var a = Action.newBuilder().setName(get(form, k + "name")).setText(text).setOwner(get(form, k + "owner"));
      String item = get(form, k + "item").strip();
      a.setItem(item.matches("\\d{1,4}") ? Integer.parseInt(item) : 0);
      String due = get(form, k + "due").strip();
      if (DATE.matcher(due).matches()) {
        java.time.LocalDate d = java.time.LocalDate.parse(due);
        a.setDueDate(com.google.type.Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue())
            .setDay(d.getDayOfMonth()));
      } else {
        a.setDueText(due);
      }
      a.addAllIndicators(names("indicators/", get(form, k + "indicators")));
      a.addAllCommitments(names("commitments/", get(form, k + "commitments")));
      rows.put("actions[" + m.getActionsCount() + "]", "actions[" + row + "]");
      m.addActions(a);
    }
    return new Sent(m.build(), rows);
  }

  /**
   * Each problem the service named, at the input it is about ("actions[2].owner"), or, when it is about no input, under
   * {@code ""}; a date outside the form's rows under "date".
   */
  static Map<String, String> placed(List<FieldViolation> violations, Map<String, String> rows) {
    Map<String, String> out = new HashMap<>();
    for (FieldViolation v : violations) {
      String field = v.getField();
      Matcher m = INDEXED.matcher(field);
      String at = "";
      if (m.matches()) {
        String row = rows.get(m.group(1) + "[" + m.group(2) + "]");
        if (row != null) {
          String rest = m.group(3).replaceFirst("^\\.", "");
          String input = rest.startsWith("due") ? "due" : rest.isEmpty() ? "" : rest.replaceAll("[\\[.].*", "");
          if (m.group(1).equals("decisions")) {
            input = input.equals("text") || input.isEmpty() ? "decisions" : "decision-" + input;
          }
          at = input.isEmpty() ? row : row + "." + input;
        }
      } else if (field.startsWith("meeting.")) {
        at = field.substring("meeting.".length());
      }
      out.merge(at, v.getDescription(), (a, b) -> a + "; " + b);
    }
    return out;
  }

  /** Resource names from ids typed, separated by commas or spaces: "CYP-28, NI-16" -> "indicators/CYP-28", ... */
  static List<String> names(String prefix, String typed) {
    return java.util.Arrays.stream(typed.split("[,\\s]+")).filter(x -> !x.isBlank()).map(x -> prefix + x.strip())
        .distinct().toList();
  }

  /** The ids of resource names, as a form shows them: "CYP-28, NI-16". */
  private static String ids(Stream<String> names) {
    return String.join(", ", names.map(x -> x.substring(x.indexOf('/') + 1)).distinct().toList());
  }

  /** How many rows of {@code list} ("items") the form sent: one past the highest index. */
  static int rows(Map<String, String> form, String list) {
    Pattern p = Pattern.compile(Pattern.quote(list) + "\\[(\\d{1,3})]\\..*");
    return form.keySet().stream().map(p::matcher).filter(Matcher::matches).mapToInt(x -> Integer.parseInt(x.group(1))
        + 1).max().orElse(0);
  }

  /** The form's name for an attendance status ("in-attendance"); empty when none. */
  static String key(AttendanceStatus s) {
    return STATUSES.entrySet().stream().filter(e -> e.getValue() == s).map(Map.Entry::getKey).findFirst().orElse("");
  }

  private static String get(Map<String, String> form, String key) {
    String v = form.get(key);
    return v == null ? "" : v;
  }
}
