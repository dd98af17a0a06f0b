package org.laasuite.reporting.opendata.oparl;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.partnership.v1.AgendaItem;
import org.laasuite.partnership.v1.Attendance;
import org.laasuite.partnership.v1.AttendanceStatus;
import org.laasuite.partnership.v1.Body;
import org.laasuite.partnership.v1.Meeting;
import org.laasuite.partnership.v1.MeetingStatus;
import org.laasuite.partnership.v1.Membership;
import org.laasuite.partnership.v1.Organisation;
import org.laasuite.partnership.v1.Sector;
import org.laasuite.reporting.opendata.Fields;
import org.laasuite.reporting.opendata.GovernanceReads.Governance;

/**
 * The partnership's governance as OParl 1.1 objects (oparl.org): one OParl body, the partnership, whose
 * organizations are its bodies (board, groups, partnerships: {@code organizationType} says which) and its partner
 * organisations ({@code organizationType} "partner organisation"), with its persons, memberships, meetings (with
 * attendance as participants) and agenda items. Every object's {@code id} is its absolute URL under {@code
 * /oparl/v1/}, made of the record's id in the partnership service, so that it stays the same for as long as the
 * record exists. Persons carry names and job titles only, never an e-mail address.
 */
public final class Oparl {

  public static final String VERSION = "https://schema.oparl.org/1.1/";
  /** The one OParl body an instance of the suite serves: its partnership. */
  public static final String BODY = "partnership";
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final String root;
  private final String licence;
  private final String publisher;
  private final Governance g;
  private final Map<String, Body> bodies;

  /**
   * @param base the gateway's address as readers reach it, without a trailing slash
   * @param g the governance; null for the system and the body, which need none of it
   */
  public Oparl(String base, String licence, String publisher, Governance g) {
    this.root = base + "/oparl/v1";
    this.licence = licence;
    this.publisher = publisher;
    this.g = g;
    this.bodies = g == null ? Map.of()
        : g.bodies().stream().collect(Collectors.toMap(Body::getName, Function.identity(), (a, b) -> a));
  }

  public String root() {
    return root;
  }

  private static String type(String kind) {
    return VERSION + kind;
  }

  public Fields system() {
    return Fields.object().with("id", root + "/system").with("type", type("System"))
        .with("oparlVersion", VERSION).with("license", licence).with("body", root + "/bodies")
        .with("name", publisher + ": governance of the Local Strategic Partnership");
  }

  public String bodyUrl() {
    return root + "/bodies/" + BODY;
  }

  /** The list URL of one of the body's lists: "organizations", "people", "memberships", "meetings"... */
  public String list(String name) {
    return bodyUrl() + "/" + name;
  }

  public Fields body() {
    return Fields.object().with("id", bodyUrl()).with("type", type("Body")).with("system", root + "/system")
        .with("name", publisher).with("license", licence)
        .with("organization", list("organizations")).with("person", list("people"))
        .with("meeting", list("meetings")).with("paper", list("papers")).with("agendaItem", list("agenda-items"))
        .with("membership", list("memberships")).with("classification", "Local Strategic Partnership");
  }

  /**
   * The body with its list of legislative terms, which OParl requires: empty, as a partnership has no terms
   * ({@link Fields} leaves empty lists out, so it is put here).
   */
  public Map<String, Object> bodyObject() {
    Fields body = body();
    body.put("legislativeTerm", List.of());
    return body;
  }

  public List<Fields> organizations() {
    List<Fields> out = new ArrayList<>();
    for (Body b : g.bodies()) {
      out.add(Fields.object().with("id", organizationUrl(b.getName())).with("type", type("Organization"))
          .with("body", bodyUrl()).with("name", b.getTitle())
          .with("organizationType", ProtoEnums.words(b.getType()))
          .with("subOrganizationOf", b.getParent().isEmpty() ? null : organizationUrl(b.getParent()))
          .with("membership", g.memberships().stream().filter(m -> m.getBody().equals(b.getName()))
              .map(m -> membershipUrl(m.getName())).toList())
          .with("license", licence));
    }
    for (Organisation o : g.organisations()) {
      out.add(Fields.object().with("id", organizationUrl(o.getName())).with("type", type("Organization"))
          .with("body", bodyUrl()).with("name", o.getTitle()).with("organizationType", "partner organisation")
          .with("classification", o.getSector() == Sector.SECTOR_UNSPECIFIED ? null : ProtoEnums.words(o.getSector()) + " sector")
          .with("license", licence));
    }
    return out;
  }

  public List<Fields> persons() {
    return g.people().stream().map(p -> Fields.object().with("id", root + "/" + p.getName())
        .with("type", type("Person")).with("body", bodyUrl()).with("name", p.getDisplayName())
        .with("formOfAddress", p.getHonorific())
        .with("status", p.getJobTitle().isEmpty() ? null : List.of(p.getJobTitle()))
        .with("license", licence)).toList();
  }

  public List<Fields> memberships() {
    return g.memberships().stream().map(this::membership).toList();
  }

  private Fields membership(Membership m) {
    return Fields.object().with("id", membershipUrl(m.getName())).with("type", type("Membership"))
        .with("person", root + "/" + m.getPerson()).with("organization", organizationUrl(m.getBody()))
        .with("role", ProtoEnums.words(m.getRole()))
        .with("onBehalfOf", m.getRepresents().isEmpty() ? null : organizationUrl(m.getRepresents()))
        .with("startDate", Fields.date(m.getStartDate())).with("endDate", Fields.date(m.getEndDate()))
        .with("license", licence);
  }

  public List<Fields> meetings() {
    return g.meetings().stream().map(this::meeting).toList();
  }

  private Fields meeting(Meeting m) {
    LocalDate day = Fields.local(m.getDate());
    Body body = bodies.get(m.getBody());
    String title = (body == null ? m.getBody() : body.getTitle()) + ", "
        + (day == null ? "" : day.format(DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)));
    return Fields.object().with("id", root + "/" + m.getName()).with("type", type("Meeting")).with("name", title)
        .with("meetingState", ProtoEnums.words(m.getStatus()).equals("unspecified") ? null
            : ProtoEnums.words(m.getStatus()))
        .with("cancelled", m.getStatus() == MeetingStatus.MEETING_STATUS_CANCELLED ? Boolean.TRUE : null)
        .with("start", at(day, m.getStartTime())).with("end", at(day, m.getEndTime()))
        .with("location", location(m))
        .with("organization", List.of(organizationUrl(m.getBody())))
        .with("participant", m.getAttendanceList().stream()
            .filter(a -> a.getStatus() == AttendanceStatus.ATTENDANCE_STATUS_PRESENT
                || a.getStatus() == AttendanceStatus.ATTENDANCE_STATUS_IN_ATTENDANCE)
            .map(Attendance::getPerson).filter(p -> !p.isEmpty()).distinct().map(p -> root + "/" + p).toList())
        .with("agendaItem", agendaItems(m))
        .with("license", licence);
  }

  /** Where a meeting was held, as the minutes print it; null where they do not say. */
  private Fields location(Meeting m) {
    return m.getPlace().isEmpty() ? null : Fields.object().with("id", root + "/" + m.getName() + "/location")
        .with("type", type("Location")).with("description", m.getPlace()).with("license", licence);
  }

  public List<Fields> locations() {
    return g.meetings().stream().map(this::location).filter(java.util.Objects::nonNull).toList();
  }

  /** A date-time where the minutes give a time ("10:00", London time); none where they give the day only. */
  private static String at(LocalDate day, String time) {
    if (day == null || time.isBlank()) {
      return null;
    }
    try {
      return day.atTime(LocalTime.parse(time.strip())).atZone(LONDON).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  public List<Fields> agendaItems() {
    return g.meetings().stream().flatMap(m -> agendaItems(m).stream()).toList();
  }

  private List<Fields> agendaItems(Meeting m) {
    List<Fields> out = new ArrayList<>();
    for (int i = 0; i < m.getItemsCount(); i++) {
      AgendaItem item = m.getItems(i);
      out.add(Fields.object().with("id", root + "/" + m.getName() + "/items/" + item.getNumber())
          .with("type", type("AgendaItem")).with("meeting", root + "/" + m.getName())
          .with("number", String.valueOf(item.getNumber())).with("order", i + 1).with("name", item.getTitle())
          .with("public", Boolean.TRUE)
          .with("resolutionText", item.getDecisionsCount() == 0 ? null : String.join("\n", item.getDecisionsList()))
          .with("license", licence));
    }
    return out;
  }

  /** "bodies/x" or "organisations/y": both OParl organizations. */
  public String organizationUrl(String resourceName) {
    return root + "/organizations/" + resourceName;
  }

  private String membershipUrl(String resourceName) {
    // "bodies/{body}/memberships/{id}"
    return root + "/memberships/" + resourceName.substring("bodies/".length()).replace("/memberships/", "/");
  }
}
