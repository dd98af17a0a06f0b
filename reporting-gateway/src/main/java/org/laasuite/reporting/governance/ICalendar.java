package org.laasuite.reporting.governance;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.laasuite.partnership.v1.Body;
import org.laasuite.partnership.v1.Meeting;
import org.laasuite.partnership.v1.MeetingStatus;

/**
 * A body's meetings as an iCalendar (RFC 5545) file: one VEVENT a meeting, its UID the meeting's resource name (so
 * that a calendar that subscribed updates the event rather than adding another), its place, and its page's URL.
 * Times are local (floating, as the minutes print them); a meeting without a start time is an all-day event.
 * Written here rather than with ical4j, which would bring a dependency and its own tree for some thirty lines.
 */
final class ICalendar {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  private ICalendar() {
  }

  static String of(Body body, List<Meeting> meetings, String baseUrl, String host) {
    StringBuilder out = new StringBuilder();
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//LAA Suite//Governance//EN");
    line(out, "CALSCALE:GREGORIAN");
    line(out, "X-WR-CALNAME:" + text(body.getTitle()));
    for (Meeting m : meetings) {
      line(out, "BEGIN:VEVENT");
      line(out, "UID:" + m.getName() + "@" + host);
      line(out, "DTSTAMP:" + STAMP.format(m.hasCreateTime() ? Instant.ofEpochSecond(m.getCreateTime().getSeconds())
          : Instant.EPOCH));
      String day = String.format("%04d%02d%02d", m.getDate().getYear(), m.getDate().getMonth(), m.getDate().getDay());
      if (m.getStartTime().matches("\\d{1,2}:\\d{2}")) {
        line(out, "DTSTART:" + day + "T" + hhmm(m.getStartTime()) + "00");
        if (m.getEndTime().matches("\\d{1,2}:\\d{2}")) {
          line(out, "DTEND:" + day + "T" + hhmm(m.getEndTime()) + "00");
        }
      } else {
        line(out, "DTSTART;VALUE=DATE:" + day);
        var next = Health.date(m).plusDays(1);
        line(out, "DTEND;VALUE=DATE:" + String.format("%04d%02d%02d", next.getYear(), next.getMonthValue(),
            next.getDayOfMonth()));
      }
      line(out, "SUMMARY:" + text(body.getTitle()));
      if (!m.getPlace().isEmpty()) {
        line(out, "LOCATION:" + text(m.getPlace()));
      }
      line(out, "URL:" + baseUrl + "/" + m.getName());
      line(out, "STATUS:" + (m.getStatus() == MeetingStatus.MEETING_STATUS_CANCELLED ? "CANCELLED" : "CONFIRMED"));
      line(out, "END:VEVENT");
    }
    line(out, "END:VCALENDAR");
    return out.toString();
  }

  private static String hhmm(String time) {
    String[] p = time.split(":");
    return String.format("%02d%s", Integer.parseInt(p[0]), p[1]);
  }

  /** TEXT as RFC 5545 3.3.11 escapes it. */
  static String text(String s) {
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
        .replace("\n", "\\n");
  }

  /** A content line ended by CRLF, folded before 75 octets (3.1) without splitting a UTF-8 character. */
  private static void line(StringBuilder out, String line) {
    int octets = 0;
    int limit = 75;
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + n > limit) {
        out.append("\r\n ");
        octets = 1;
        limit = 75;
      }
      out.appendCodePoint(cp);
      octets += n;
      i += Character.charCount(cp);
    }
    out.append("\r\n");
  }
}
