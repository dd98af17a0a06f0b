package org.laasuite.reporting.governance;

import io.grpc.Status;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.ListIndicatorReportsRequest;
import org.laasuite.partnership.v1.Action;
import org.laasuite.partnership.v1.Attendance;
import org.laasuite.partnership.v1.AttendanceRecord;
import org.laasuite.partnership.v1.AttendanceStatus;
import org.laasuite.partnership.v1.Body;
import org.laasuite.partnership.v1.GetAttendanceRecordRequest;
import org.laasuite.partnership.v1.ListActionsRequest;
import org.laasuite.partnership.v1.Meeting;
import org.laasuite.partnership.v1.Membership;
import org.laasuite.partnership.v1.Organisation;
import org.laasuite.partnership.v1.Person;
import org.laasuite.partnership.v1.Sector;
import org.laasuite.reporting.opendata.GovernanceReads;
import org.laasuite.reporting.opendata.GovernanceReads.Governance;
import org.laasuite.reporting.opendata.OpenDataSettings;
import org.laasuite.reporting.render.Pages;
import org.laasuite.reporting.signin.Visitors;
import org.laasuite.reporting.upstream.Answers;
import org.laasuite.reporting.upstream.Paging;
import org.laasuite.reporting.upstream.Upstreams;

/**
 * The governance pages, public as the partnership publishes its governance (read as the gateway for an anonymous
 * reader): bodies, a body, the calendar of meetings, a body's iCalendar feed, a meeting (and its agenda and minutes as
 * PDF), a person. A person's page shows names and roles, never contact details.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
public class GovernancePages {

  private final GovernanceReads reads;
  private final Upstreams upstreams;
  private final Pages pages;
  private final Visitors visitors;
  private final OpenDataSettings settings;
  private final org.laasuite.reporting.assembly.Curves curves;

  GovernancePages(GovernanceReads reads, Upstreams upstreams, Pages pages, Visitors visitors,
      OpenDataSettings settings, org.laasuite.reporting.assembly.Curves curves) {
    this.curves = curves;
    this.reads = reads;
    this.upstreams = upstreams;
    this.pages = pages;
    this.visitors = visitors;
    this.settings = settings;
  }

  /** Names of people, organisations and bodies, for the templates. */
  public record Names(Map<String, Person> people, Map<String, Organisation> organisations, Map<String, Body> bodies) {

    static Names of(Governance g) {
      return new Names(g.people().stream().collect(Collectors.toMap(Person::getName, p -> p, (a, b) -> a)),
          g.organisations().stream().collect(Collectors.toMap(Organisation::getName, o -> o, (a, b) -> a)),
          g.bodies().stream().collect(Collectors.toMap(Body::getName, b -> b, (a, b) -> a)));
    }

    /** A person, organisation or body by its title; the resource name's id in words when unknown. */
    public String of(String name) {
      if (people.containsKey(name)) {
        return people.get(name).getDisplayName();
      }
      if (organisations.containsKey(name)) {
        return organisations.get(name).getTitle();
      }
      if (bodies.containsKey(name)) {
        return bodies.get(name).getTitle();
      }
      return org.laasuite.reporting.render.Fmt.INSTANCE.owner(name);
    }

    /** The page of a person or body, or null. */
    public String href(String name) {
      return name.startsWith("people/") || name.startsWith("bodies/") ? "/" + name : null;
    }

    /**
     * What an attendance is counted for: the organisation or body the minutes print beside the name, else the
     * person's organisation.
     */
    public String organisationOf(Attendance a) {
      if (!a.getAffiliation().isEmpty()) {
        return a.getAffiliation();
      }
      Person p = people.get(a.getPerson());
      return p == null ? "" : p.getOrganisation();
    }

    /** The organisation (or body) an attendance is for, in words. */
    public String affiliation(Attendance a) {
      String org = organisationOf(a);
      return org.isEmpty() ? "" : of(org);
    }

    Sector sector(String organisation) {
      Organisation o = organisations.get(organisation);
      return o == null ? Sector.SECTOR_UNSPECIFIED : o.getSector();
    }

    /** A membership's sector: its own, else its organisation's. */
    public Sector sector(Membership m) {
      return m.getSector() != Sector.SECTOR_UNSPECIFIED ? m.getSector() : sector(m.getRepresents());
    }

    public String sectorName(Membership m) {
      return Health.sector(sector(m));
    }
  }

  @Get(uri = "/bodies", produces = MediaType.TEXT_HTML)
  public HttpResponse<String> bodies(HttpRequest<?> request) {
    Governance g = reads.readListed(); // the meetings as listed: no GetMeeting each
    Map<String, Long> meetings = g.meetings().stream().collect(Collectors.groupingBy(Meeting::getBody,
        Collectors.counting()));
    Map<String, Long> members = g.memberships().stream().collect(Collectors.groupingBy(Membership::getBody,
        Collectors.counting()));
    Map<String, List<Body>> byType = new LinkedHashMap<>();
    g.bodies().stream().sorted(Comparator.comparing((Body b) -> b.getType().getNumber()).thenComparing(Body::getTitle))
        .forEach(b -> byType.computeIfAbsent(type(b), k -> new java.util.ArrayList<>()).add(b));
    return html("bodies", request, Map.of("byType", byType, "meetings", meetings, "members", members));
  }

  @Get(uri = "/bodies/{id}", produces = MediaType.TEXT_HTML)
  public HttpResponse<String> body(HttpRequest<?> request, String id) {
    Governance g = reads.readListed();
    Names names = Names.of(g);
    Body body = names.bodies().get("bodies/" + id);
    if (body == null) {
      throw notFound("BODY_NOT_FOUND", "bodies/" + clip(id) + " is not a body of the partnership");
    }
    List<Membership> memberships = g.memberships().stream().filter(m -> m.getBody().equals(body.getName())).toList();
    Map<String, List<Membership>> bySector = new java.util.TreeMap<>();
    memberships.forEach(m -> bySector.computeIfAbsent(names.sectorName(m), k -> new java.util.ArrayList<>()).add(m));
    // Its own meetings whole (their attendance), the others' not at all.
    List<Meeting> meetings = g.meetings().stream().filter(m -> m.getBody().equals(body.getName()))
        .sorted(Comparator.comparing((Meeting m) -> Health.date(m)).reversed())
        .map(m -> upstreams.partnership().getMeeting(org.laasuite.partnership.v1.GetMeetingRequest.newBuilder()
            .setName(m.getName()).build())).toList() // all asked at once, then awaited
        .stream().map(call -> Answers.orPassOn(call, upstreams.deadline(), Upstreams.PARTNERSHIP)).toList();
    Health health = Health.of(body, meetings, memberships, names::organisationOf, names::of, names::sector,
        names::sector);
    List<IndicatorReport> indicators = Answers.orPassOn(Paging.all(t -> upstreams.indicators().listIndicatorReports(
        ListIndicatorReportsRequest.newBuilder().setThemeGroup(body.getName()).setPageSize(Paging.PAGE)
            .setPageToken(t).setReadMask(com.google.protobuf.FieldMask.newBuilder()
                .addPaths("indicator").addPaths("computed_judgement").addPaths("recorded_judgement")).build()),
        r -> r.getReportsList(), r -> r.getNextPageToken()), upstreams.deadline().multipliedBy(4),
        Upstreams.INDICATORS);
    Map<String, Object> model = new HashMap<>();
    model.put("body", body);
    model.put("type", type(body));
    model.put("names", names);
    model.put("bySector", bySector);
    model.put("meetings", meetings);
    model.put("health", health);
    model.put("indicators", indicators);
    model.put("manager", manager(request));
    return html("body", request, model);
  }

  @Get(uri = "/bodies/{id}/meetings.ics", produces = "text/calendar")
  public HttpResponse<String> calendar(HttpRequest<?> request, String id) {
    Governance g = reads.readListed(); // the meetings as listed: no GetMeeting each
    Body body = g.bodies().stream().filter(b -> b.getName().equals("bodies/" + id)).findFirst()
        .orElseThrow(() -> notFound("BODY_NOT_FOUND", "bodies/" + clip(id) + " is not a body of the partnership"));
    List<Meeting> meetings = g.meetings().stream().filter(m -> m.getBody().equals(body.getName()))
        .sorted(Comparator.comparing((Meeting m) -> Health.date(m))).toList();
    String base = settings.baseUrl(request);
    String host = URI.create(base).getHost();
    return HttpResponse.ok(ICalendar.of(body, meetings, base, host == null ? "laasuite" : host))
        .contentType("text/calendar;charset=utf-8")
        .header("Content-Disposition", "inline; filename=\"" + id + ".ics\"");
  }

  @Get(uri = "/meetings", produces = MediaType.TEXT_HTML)
  public HttpResponse<String> meetings(HttpRequest<?> request) {
    Governance g = reads.readListed(); // the meetings as listed: no GetMeeting each
    Map<String, List<Meeting>> byMonth = new java.util.TreeMap<>(Comparator.reverseOrder());
    g.meetings().stream().sorted(Comparator.comparing((Meeting m) -> Health.date(m))).forEach(m -> byMonth.computeIfAbsent(
        Health.date(m).withDayOfMonth(1).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM")),
        k -> new java.util.ArrayList<>()).add(m));
    Map<String, String> monthNames = new HashMap<>();
    byMonth.keySet().forEach(k -> monthNames.put(k, java.time.YearMonth.parse(k).format(
        java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.UK))));
    return html("meetings", request, Map.of("byMonth", byMonth, "monthNames", monthNames, "names", Names.of(g)));
  }

  /** A meeting's page; {@code agenda.pdf} and {@code minutes.pdf} below it the same meeting on paper. */
  @Get(uri = "/meetings/{id}", produces = MediaType.TEXT_HTML)
  public HttpResponse<?> meeting(HttpRequest<?> request, String id,
      @io.micronaut.core.annotation.Nullable @io.micronaut.http.annotation.QueryValue String done) {
    return meetingPage(request, id, null, done);
  }

  @Get(uri = "/meetings/{id}/agenda.pdf", produces = "application/pdf")
  public HttpResponse<?> agenda(HttpRequest<?> request, String id) {
    return meetingPage(request, id, "agenda", null);
  }

  @Get(uri = "/meetings/{id}/minutes.pdf", produces = "application/pdf")
  public HttpResponse<?> minutes(HttpRequest<?> request, String id) {
    return meetingPage(request, id, "minutes", null);
  }

  /** The attendance of a meeting under one heading, as minutes print it. */
  public record Group(String key, String label, List<Attendance> people) {
  }

  /** What a secretariat's step just taken did, said on the meeting's page after the redirect that follows it. */
  private static final Map<String, String> DONE = Map.of(
      "published", "The agenda is published.",
      "recorded", "Recorded: the minutes are a draft until the next meeting agrees them; each change from now on keeps "
          + "the earlier version as a revision.",
      "approved", "The minutes are agreed as a true and accurate record, and published.");

  /** Whether the reader is signed in with the right to manage meetings (the secretariat's forms are offered). */
  private boolean manager(HttpRequest<?> request) {
    return SecretariatPages.signedInManager(request, upstreams);
  }

  private HttpResponse<?> meetingPage(HttpRequest<?> request, String id, String paper, String done) {
    // The meetings as listed, and this one whole: one GetMeeting, not one for every meeting.
    Governance g = reads.readListed();
    Names names = Names.of(g);
    if (g.meetings().stream().noneMatch(m -> m.getName().equals("meetings/" + id))) {
      throw notFound("MEETING_NOT_FOUND", "meetings/" + clip(id) + " is not a meeting of the partnership");
    }
    Meeting meeting = whole("meetings/" + id);
    Function<AttendanceStatus, List<Attendance>> with = s -> meeting.getAttendanceList().stream()
        .filter(a -> a.getStatus() == s && a.getSubstituteFor().isEmpty()).toList();
    Map<String, Object> model = new HashMap<>();
    model.put("meeting", meeting);
    model.put("body", names.bodies().get(meeting.getBody()));
    model.put("names", names);
    model.put("groups", List.of(
        new Group("present", "Present", with.apply(AttendanceStatus.ATTENDANCE_STATUS_PRESENT)),
        new Group("in-attendance", "In attendance", with.apply(AttendanceStatus.ATTENDANCE_STATUS_IN_ATTENDANCE)),
        new Group("apologies", "Apologies", with.apply(AttendanceStatus.ATTENDANCE_STATUS_APOLOGIES)),
        new Group("absent", "Absent", with.apply(AttendanceStatus.ATTENDANCE_STATUS_ABSENT))));
    model.put("substitutes", meeting.getAttendanceList().stream().filter(a -> !a.getSubstituteFor().isEmpty())
        .toList());
    model.put("paper", paper == null ? "" : paper);
    // The body's meeting before this one, whose minutes this one agrees.
    boolean manager = paper == null && manager(request);
    Meeting previous = !manager ? null : g.meetings().stream().filter(m -> m.getBody().equals(meeting.getBody())
        && Health.date(m).isBefore(Health.date(meeting))
        && m.getStatus() != org.laasuite.partnership.v1.MeetingStatus.MEETING_STATUS_CANCELLED)
        .max(Comparator.comparing(Health::date)).map(m -> whole(m.getName())).orElse(null);
    model.put("previous", previous);
    model.put("notice", done == null ? "" : DONE.getOrDefault(done, ""));
    model.put("manager", manager);
    model.put("requestId", java.util.UUID.randomUUID().toString());
    // Did each action turn the curve of the indicators it is on, since this meeting agreed it?
    model.put("curves", "agenda".equals(paper) ? Map.of() : curves.of(meeting.getActionsList()));
    model.put("caveat", org.laasuite.reporting.assembly.Curves.CAVEAT);
    if (paper != null) {
      return HttpResponse.ok(pages.pdf("meeting", model)).contentType("application/pdf")
          .header("Content-Disposition", "inline; filename=\"" + id + "-" + paper + ".pdf\"");
    }
    return html("meeting", request, model);
  }

  /** A meeting with its attendance, items, decisions and actions. */
  private Meeting whole(String name) {
    return Answers.orPassOn(upstreams.partnership().getMeeting(org.laasuite.partnership.v1.GetMeetingRequest
        .newBuilder().setName(name).build()), upstreams.deadline(), Upstreams.PARTNERSHIP);
  }

  @Get(uri = "/people/{id}", produces = MediaType.TEXT_HTML)
  public HttpResponse<String> person(HttpRequest<?> request, String id) {
    Governance g = reads.readListed(); // names and memberships: no meeting read whole
    Names names = Names.of(g);
    Person person = names.people().get("people/" + id);
    if (person == null) {
      throw notFound("PERSON_NOT_FOUND", "people/" + clip(id) + " is not a person of the partnership");
    }
    var partnership = upstreams.partnership();
    List<Action> actions = Answers.orPassOn(Paging.all(t -> partnership.listActions(ListActionsRequest.newBuilder()
        .setOwner(person.getName()).setPageSize(Paging.PAGE).setPageToken(t).build()), r -> r.getActionsList(),
        r -> r.getNextPageToken()), upstreams.deadline().multipliedBy(4), Upstreams.PARTNERSHIP);
    AttendanceRecord record = Answers.orPassOn(partnership.getAttendanceRecord(GetAttendanceRecordRequest
        .newBuilder().setPerson(person.getName()).build()), upstreams.deadline(), Upstreams.PARTNERSHIP);
    // Only what may be public: names and roles, never contact details.
    Person shown = person.toBuilder().clearEmail().build();
    Map<String, Object> model = new HashMap<>();
    model.put("person", shown);
    model.put("names", names);
    model.put("memberships", g.memberships().stream().filter(m -> m.getPerson().equals(person.getName())).toList());
    model.put("actions", actions);
    model.put("record", record);
    return html("person", request, model);
  }

  private HttpResponse<String> html(String template, HttpRequest<?> request, Map<String, Object> model) {
    return HttpResponse.ok(pages.html(template, visitors.page(request, new HashMap<>(model)), false))
        .contentType(MediaType.TEXT_HTML_TYPE + ";charset=utf-8");
  }

  /** "Theme group", "Partnership board". */
  static String type(Body b) {
    String words = b.getType().name().replace("BODY_TYPE_", "").replace('_', ' ').toLowerCase(java.util.Locale.UK);
    return words.isEmpty() ? "Body" : Character.toUpperCase(words.charAt(0)) + words.substring(1)
        .replace("pie", "PIE");
  }

  static ApiException notFound(String reason, String message) {
    return new ApiException(Status.Code.NOT_FOUND, reason, message, List.of());
  }

  static String clip(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
