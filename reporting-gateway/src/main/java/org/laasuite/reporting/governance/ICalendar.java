package org.laasuite.reporting.governance;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.laasuite.partnership.v1.Body;
import org.laasuite.partnership.v1.Meeting;
import org.laasuite.partnership.v1.MeetingStatus;

/**
 * A body's meetings as an iCalendar (RFC 5545) file, written with ical4j: one VEVENT a meeting, its UID the meeting's
 * resource name (so that a calendar that subscribed updates the event rather than adding another), its DTSTAMP when
 * the meeting was recorded (the same feed for the same data), its place, and its page's URL. Times are local
 * (floating, as the minutes print them); a meeting without a start time is an all-day event.
 */
final class ICalendar {

  private ICalendar() {
  }

  static String of(Body body, List<Meeting> meetings, String baseUrl, String host) {
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//LAA Suite//Governance//EN"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(new XProperty("X-WR-CALNAME", body.getTitle()));
    for (Meeting m : meetings) {
      VEvent event = new VEvent(false);
      event.add(new Uid(m.getName() + "@" + host));
      event.add(new DtStamp(m.hasCreateTime() ? Instant.ofEpochSecond(m.getCreateTime().getSeconds()) : Instant.EPOCH));
      LocalDate day = Health.date(m);
      LocalTime start = time(m.getStartTime());
      LocalTime end = time(m.getEndTime());
      if (start != null) {
        event.add(new DtStart<Temporal>(day.atTime(start)));
        if (end != null && end.isAfter(start)) {
          event.add(new DtEnd<Temporal>(day.atTime(end)));
        }
      } else {
        event.add(new DtStart<Temporal>(day));
        event.add(new DtEnd<Temporal>(day.plusDays(1)));
      }
      event.add(new Summary(body.getTitle()));
      if (!m.getPlace().isEmpty()) {
        event.add(new Location(m.getPlace()));
      }
      event.add(new Url(URI.create(baseUrl + "/" + m.getName())));
      event.add(m.getStatus() == MeetingStatus.MEETING_STATUS_CANCELLED ? ImmutableStatus.VEVENT_CANCELLED
          : ImmutableStatus.VEVENT_CONFIRMED);
      calendar.add(event);
    }
    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter(false).output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ValidationException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  /** "10:00" as minuted, or null when none is (or it is not a time). */
  private static LocalTime time(String s) {
    if (!s.matches("\\d{1,2}:\\d{2}")) {
      return null;
    }
    String[] p = s.split(":");
    int h = Integer.parseInt(p[0]);
    int min = Integer.parseInt(p[1]);
    return h < 24 && min < 60 ? LocalTime.of(h, min) : null;
  }
}
