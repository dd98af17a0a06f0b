package org.laasuite.reporting.governance;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Protos;
import org.laasuite.funding.v1.Commitment;
import org.laasuite.funding.v1.ListSuccessionRisksRequest;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.partnership.v1.Action;
import org.laasuite.partnership.v1.ActionStatus;
import org.laasuite.partnership.v1.ApproveMinutesRequest;
import org.laasuite.partnership.v1.CreateMeetingRequest;
import org.laasuite.partnership.v1.GetMeetingRequest;
import org.laasuite.partnership.v1.ListActionsRequest;
import org.laasuite.partnership.v1.Meeting;
import org.laasuite.partnership.v1.MeetingStatus;
import org.laasuite.partnership.v1.Membership;
import org.laasuite.partnership.v1.UpdateMeetingRequest;
import org.laasuite.reporting.assembly.Oversight;
import org.laasuite.reporting.entry.PersonRights;
import org.laasuite.reporting.opendata.GovernanceReads;
import org.laasuite.reporting.opendata.GovernanceReads.Governance;
import org.laasuite.reporting.render.Pages;
import org.laasuite.reporting.signin.SignedIn;
import org.laasuite.reporting.signin.Visitors;
import org.laasuite.reporting.upstream.Answers;
import org.laasuite.reporting.upstream.Paging;
import org.laasuite.reporting.upstream.Upstreams;
import org.laasuite.reporting.work.Workloads;

/**
 * The secretariat's forms for the meeting cycle, for those with the right to manage meetings: schedule a body's
 * meeting, its agenda drafted from the data ({@link AgendaDraft}); edit the draft and publish it; at the meeting record
 * attendance, minutes, decisions and actions (one form, that works on a laptop in the room, sent as often as needed:
 * once held, each change keeps the minutes as they were as a revision); and, at the next meeting, agree the last one's
 * minutes as a true and accurate record. Every call is made with the person's own token, so the partnership service
 * checks their right and records who did it; a form the service refuses is shown again as typed, each problem beside
 * its input (Post/Redirect/Get otherwise).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class SecretariatPages {

  private final GovernanceReads reads;
  private final Upstreams upstreams;
  private final Workloads workloads;
  private final Oversight oversight;
  private final Pages pages;
  private final Visitors visitors;

  SecretariatPages(GovernanceReads reads, Upstreams upstreams, Workloads workloads, Oversight oversight, Pages pages,
      Visitors visitors) {
    this.oversight = oversight;
    this.reads = reads;
    this.upstreams = upstreams;
    this.workloads = workloads;
    this.pages = pages;
    this.visitors = visitors;
  }

  /** Whether the reader of {@code request} is signed in with the right to manage meetings (the forms are offered). */
  static boolean signedInManager(HttpRequest<?> request, Upstreams upstreams) {
    SignedIn me = request.getUserPrincipal(Authentication.class).flatMap(SignedIn::of).orElse(null);
    return me != null && PersonRights.of(upstreams, me).mayManageMeetings();
  }

  /** Refused (403) unless the person may manage meetings. */
  private void allowed(SignedIn me) {
    PersonRights rights = PersonRights.of(upstreams, me);
    if (!rights.mayManageMeetings()) {
      throw new ApiException(Status.Code.PERMISSION_DENIED, "PERMISSION_DENIED", (rights.person().isEmpty()
          ? "This sign-in" : rights.person()) + " may not manage meetings: that needs the right to manage meetings, "
          + "which the members of the secretariat and of the performance group have.", List.of());
    }
  }

  // --- Scheduling -------------------------------------------------------------------------------------------------

  @Get(uri = "/bodies/{id}/meetings/new", produces = MediaType.TEXT_HTML)
  public HttpResponse<String> scheduleForm(HttpRequest<?> request, Authentication authentication, String id) {
    allowed(SignedIn.required(authentication));
    Governance g = reads.readListed();
    org.laasuite.partnership.v1.Body body = body(g, id);
    Map<String, String> values = new HashMap<>();
    values.put("start-time", "");
    return schedulePage(request, g, body, values, Map.of(), HttpStatus.OK);
  }

  /**
   * Schedules a meeting of the body on the date typed ("{body}-{date}"), with its agenda drafted from the data as it
   * stands, and leads to the draft.
   */
  @Post(uri = "/bodies/{id}/meetings", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> schedule(HttpRequest<?> request, Authentication authentication, String id,
      @Body Map<String, String> form) {
    SignedIn me = SignedIn.required(authentication);
    allowed(me);
    Governance g = reads.readListed();
    org.laasuite.partnership.v1.Body body = body(g, id);
    LocalDate date;
    try {
      date = LocalDate.parse(form.getOrDefault("date", "").strip());
    } catch (DateTimeParseException e) {
      return schedulePage(request, g, body, form, Map.of("date", "must be a date, like 2007-10-24"),
          HttpStatus.BAD_REQUEST);
    }
    List<org.laasuite.partnership.v1.AgendaItem> items = draft(g, body, date);
    Meeting meeting = Meeting.newBuilder().setId(id + "-" + date).setBody(body.getName()).setDate(Protos.date(date))
        .setStartTime(form.getOrDefault("start-time", "").strip()).setEndTime(form.getOrDefault("end-time", "")
            .strip()).setPlace(form.getOrDefault("place", "").strip())
        .setStatus(MeetingStatus.MEETING_STATUS_SCHEDULED).addAllItems(items).build();
    try {
      Meeting made = Answers.orPassOn(upstreams.partnershipAs(me.token()).createMeeting(CreateMeetingRequest
          .newBuilder().setMeeting(meeting).setRequestId(form.getOrDefault("request-id", "")).build()),
          upstreams.deadline(), Upstreams.PARTNERSHIP);
      return seeOther("/" + made.getName() + "/agenda?done=scheduled");
    } catch (ApiException e) {
      if (e.code() == Status.Code.ALREADY_EXISTS) {
        return schedulePage(request, g, body, form, Map.of("date", "the " + body.getTitle() + " already has a meeting "
            + "on " + date + ": see /meetings/" + id + "-" + date), HttpStatus.CONFLICT);
      }
      if (e.code() != Status.Code.INVALID_ARGUMENT) {
        throw e;
      }
      Map<String, String> problems = new HashMap<>();
      e.violations().forEach(v -> problems.merge(v.getField().replace("meeting.", "").replace('_', '-'),
          v.getDescription(), (a, b) -> a + "; " + b));
      return schedulePage(request, g, body, form, problems, HttpStatus.BAD_REQUEST);
    }
  }

  private HttpResponse<String> schedulePage(HttpRequest<?> request, Governance g,
      org.laasuite.partnership.v1.Body body, Map<String, String> values, Map<String, String> problems,
      HttpStatus status) {
    Map<String, Object> model = new HashMap<>();
    model.put("body", body);
    model.put("v", values);
    model.put("problems", problems);
    model.put("requestId", UUID.randomUUID().toString());
    model.put("last", g.meetings().stream().filter(m -> m.getBody().equals(body.getName()))
        .max(Comparator.comparing(Health::date)).orElse(null));
    return render("meeting-schedule", request, model, status);
  }

  /** The agenda of a meeting of {@code body} on {@code date}, drafted from the data as it stands. */
  List<org.laasuite.partnership.v1.AgendaItem> draft(Governance g, org.laasuite.partnership.v1.Body body,
      LocalDate date) {
    GovernancePages.Names names = GovernancePages.Names.of(g);
    List<Meeting> earlier = g.meetings().stream().filter(m -> m.getBody().equals(body.getName())
        && Health.date(m).isBefore(date) && m.getStatus() == MeetingStatus.MEETING_STATUS_HELD).toList();
    Meeting last = earlier.stream().max(Comparator.comparing(Health::date)).orElse(null);
    Map<String, LocalDate> agreedOn = g.meetings().stream().collect(Collectors.toMap(Meeting::getName, Health::date,
        (a, b) -> a));
    var partnership = upstreams.partnership();
    var actionsCall = Paging.all(t -> partnership.listActions(ListActionsRequest.newBuilder().setBody(body.getName())
        .setStatus(ActionStatus.ACTION_STATUS_OPEN).setPageSize(Paging.PAGE).setPageToken(t).build()),
        r -> r.getActionsList(), r -> r.getNextPageToken());
    var periodsCall = workloads.periods();
    var fundingCall = Paging.all(t -> upstreams.funding().listSuccessionRisks(ListSuccessionRisksRequest.newBuilder()
        .setEndsBefore(Protos.date(date.plusMonths(AgendaDraft.FUNDING_MONTHS))).setPageSize(Paging.PAGE)
        .setPageToken(t).build()), r -> r.getCommitmentsList(), r -> r.getNextPageToken());
    List<IndicatorReport> reports = oversight.reports(body, FieldMask.newBuilder().addPaths("indicator")
        .addPaths("computed_judgement").addPaths("recorded_judgement").addPaths("targets").addPaths("outturns")
        .build());
    List<Action> open = Answers.orPassOn(actionsCall, upstreams.deadline().multipliedBy(4), Upstreams.PARTNERSHIP)
        .stream().filter(a -> agreedOn.containsKey(a.getMeeting()) && agreedOn.get(a.getMeeting()).isBefore(date))
        .toList();
    var owed = workloads.builder(Answers.orPassOn(periodsCall, upstreams.deadline().multipliedBy(4),
        Upstreams.INDICATORS), date);
    Set<String> indicators = reports.stream().map(r -> r.getIndicator().getName()).collect(Collectors.toSet());
    boolean all = Oversight.overseesAll(body);
    List<Commitment> ending = Answers.orPassOn(fundingCall, upstreams.deadline().multipliedBy(4), Upstreams.FUNDING)
        .stream().filter(c -> all || c.getSupportsBodiesList().contains(body.getName())
            || c.getSupportsIndicatorsList().stream().anyMatch(indicators::contains)).toList();
    return AgendaDraft.of(new AgendaDraft.Sources(date, last, open, agreedOn, reports,
        reports.stream().map(r -> owed.indicator(r, "")).toList(), ending), names::of);
  }

  // --- The agenda -------------------------------------------------------------------------------------------------

  @Get(uri = "/meetings/{id}/agenda", produces = MediaType.TEXT_HTML)
  public HttpResponse<String> agendaForm(HttpRequest<?> request, Authentication authentication, String id,
      @io.micronaut.core.annotation.Nullable @io.micronaut.http.annotation.QueryValue String done) {
    allowed(SignedIn.required(authentication));
    Meeting m = meeting(id);
    List<String> notices = "scheduled".equals(done) ? List.of("Scheduled, with its agenda drafted from the data as it "
        + "stands today: edit it, then publish it.") : "saved".equals(done) ? List.of("The draft agenda is saved.")
        : List.of();
    return agendaPage(request, m, MeetingForms.agendaValues(m), Map.of(), notices, HttpStatus.OK);
  }

  /** Saves the draft agenda as typed ({@code action} "save"), or saves and publishes it ("publish"). */
  @Post(uri = "/meetings/{id}/agenda", consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> saveAgenda(HttpRequest<?> request, Authentication authentication, String id,
      @Body Map<String, String> form) {
    SignedIn me = SignedIn.required(authentication);
    allowed(me);
    Meeting m = meeting(id);
    boolean publish = "publish".equals(form.get("action"));
    var sent = MeetingForms.agenda(form, m);
    Meeting meeting = sent.meeting();
    FieldMask.Builder mask = FieldMask.newBuilder().addPaths("items");
    if (publish) {
      meeting = meeting.toBuilder().setStatus(MeetingStatus.MEETING_STATUS_AGENDA_PUBLISHED).build();
      mask.addPaths("status");
    }
    try {
      update(me, meeting, mask.build(), form);
      return seeOther("/" + m.getName() + (publish ? "?done=published" : "/agenda?done=saved"));
    } catch (ApiException e) {
      return refused(e, sent, problems -> agendaPage(request, meeting(id), form, problems, List.of(),
          HttpStatus.BAD_REQUEST), request, m);
    }
  }

  private HttpResponse<String> agendaPage(HttpRequest<?> request, Meeting m, Map<String, String> values,
      Map<String, String> problems, List<String> notices, HttpStatus status) {
    Governance g = reads.readListed();
    Map<String, Object> model = new HashMap<>();
    model.put("meeting", m);
    model.put("names", GovernancePages.Names.of(g));
    model.put("v", values);
    model.put("problems", problems);
    model.put("notices", notices);
    model.put("rows", Math.max(m.getItemsCount(), MeetingForms.rows(values, "items")) + MeetingForms.BLANK_ROWS);
    model.put("requestId", UUID.randomUUID().toString());
    model.put("editable", m.getStatus() == MeetingStatus.MEETING_STATUS_SCHEDULED
        || m.getStatus() == MeetingStatus.MEETING_STATUS_AGENDA_PUBLISHED);
    return render("meeting-agenda", request, model, status);
  }

  // --- Recording the meeting --------------------------------------------------------------------------------------

  @Get(uri = "/meetings/{id}/record", produces = MediaType.TEXT_HTML)
  public HttpResponse<String> recordForm(HttpRequest<?> request, Authentication authentication, String id) {
    allowed(SignedIn.required(authentication));
    Meeting m = meeting(id);
    Governance g = reads.readListed();
    Meeting last = g.meetings().stream().filter(x -> x.getBody().equals(m.getBody())
        && Health.date(x).isBefore(Health.date(m)) && x.getStatus() == MeetingStatus.MEETING_STATUS_HELD)
        .max(Comparator.comparing(Health::date)).map(x -> meeting(x.getId())).orElse(null);
    List<String> people = MeetingForms.people(m, members(g, m), last);
    return recordPage(request, g, m, people, MeetingForms.recordValues(m, people), Map.of(), HttpStatus.OK);
  }

  /** Records attendance, minutes, decisions and actions as typed, and the meeting as held. */
  @Post(uri = "/meetings/{id}/record", consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> record(HttpRequest<?> request, Authentication authentication, String id,
      @Body Map<String, String> form) {
    SignedIn me = SignedIn.required(authentication);
    allowed(me);
    Meeting m = meeting(id);
    var sent = MeetingForms.record(form, m);
    FieldMask mask = FieldMask.newBuilder().addPaths("attendance").addPaths("items").addPaths("actions")
        .addPaths("decisions").addPaths("status").build();
    try {
      update(me, sent.meeting(), mask, form);
      return seeOther("/" + m.getName() + "?done=recorded");
    } catch (ApiException e) {
      return refused(e, sent, problems -> {
        Meeting now = meeting(id);
        Governance g = reads.readListed();
        List<String> people = new ArrayList<>();
        for (int k = 0; k < MeetingForms.rows(form, "attendance"); k++) {
          people.add(form.getOrDefault("attendance[" + k + "].person", ""));
        }
        return recordPage(request, g, now, people, form, problems, HttpStatus.BAD_REQUEST);
      }, request, m);
    }
  }

  private HttpResponse<String> recordPage(HttpRequest<?> request, Governance g, Meeting m, List<String> people,
      Map<String, String> values, Map<String, String> problems, HttpStatus status) {
    GovernancePages.Names names = GovernancePages.Names.of(g);
    Map<String, Object> model = new HashMap<>();
    model.put("meeting", m);
    model.put("names", names);
    model.put("people", people);
    model.put("attendanceRows", people.size() + MeetingForms.BLANK_ROWS);
    model.put("everyone", g.people().stream().sorted(Comparator.comparing(p -> p.getDisplayName()))
        .map(p -> p.getName()).toList());
    model.put("statuses", MeetingForms.STATUSES.keySet());
    model.put("v", values);
    model.put("problems", problems);
    model.put("actionRows", Math.max(m.getActionsCount(), MeetingForms.rows(values, "actions"))
        + MeetingForms.BLANK_ROWS);
    List<String> owners = new ArrayList<>();
    owners.add(m.getBody());
    g.people().stream().sorted(Comparator.comparing(p -> p.getDisplayName())).forEach(p -> owners.add(p.getName()));
    model.put("owners", owners);
    model.put("requestId", UUID.randomUUID().toString());
    model.put("editable", m.getStatus() != MeetingStatus.MEETING_STATUS_CANCELLED
        && m.getStatus() != MeetingStatus.MEETING_STATUS_SCHEDULED && !m.hasMinutesApproval());
    return render("meeting-record", request, model, status);
  }

  private static List<Membership> members(Governance g, Meeting m) {
    LocalDate day = Health.date(m);
    return g.memberships().stream().filter(x -> x.getBody().equals(m.getBody())
        && (!x.hasStartDate() || !Health.date(x.getStartDate()).isAfter(day))
        && (!x.hasEndDate() || !Health.date(x.getEndDate()).isBefore(day))).toList();
  }

  // --- Approving the last meeting's minutes -----------------------------------------------------------------------

  /** At meeting {@code id}, agrees the minutes of the body's meeting before it as a true and accurate record. */
  @Post(uri = "/meetings/{id}/approve-minutes", consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> approve(HttpRequest<?> request, Authentication authentication, String id,
      @Body Map<String, String> form) {
    SignedIn me = SignedIn.required(authentication);
    allowed(me);
    String previous = form.getOrDefault("minutes-of", "");
    Answers.orPassOn(upstreams.partnershipAs(me.token()).approveMinutes(ApproveMinutesRequest.newBuilder()
        .setName(previous).setApprovingMeeting("meetings/" + id).setRequestId(form.getOrDefault("request-id", ""))
        .build()), upstreams.deadline(), Upstreams.PARTNERSHIP);
    return seeOther("/" + previous + "?done=approved");
  }

  // --- Shared -----------------------------------------------------------------------------------------------------

  private void update(SignedIn me, Meeting meeting, FieldMask mask, Map<String, String> form) {
    Answers.orPassOn(upstreams.partnershipAs(me.token()).updateMeeting(UpdateMeetingRequest.newBuilder()
        .setMeeting(meeting).setUpdateMask(mask).setRequestId(form.getOrDefault("request-id", "")).build()),
        upstreams.deadline(), Upstreams.PARTNERSHIP);
  }

  /**
   * A refused form: the service's problems with what was typed shown beside the inputs; someone else's change since
   * the form was read (ABORTED), or a request id sent already, said on the form read again; anything else the error
   * page's.
   */
  private HttpResponse<?> refused(ApiException e, MeetingForms.Sent sent,
      java.util.function.Function<Map<String, String>, HttpResponse<String>> again, HttpRequest<?> request,
      Meeting m) {
    boolean sentAlready = e.violations().stream().anyMatch(x -> x.getField().equals("request_id"));
    if (e.code() == Status.Code.INVALID_ARGUMENT && !sentAlready) {
      return again.apply(MeetingForms.placed(e.violations(), sent.rows()));
    }
    if (e.code() == Status.Code.ABORTED || sentAlready) {
      return again.apply(Map.of("", sentAlready ? "This form had been sent already: the meeting is shown as it is "
          + "now. Make your change again if it is still needed." : "Someone changed this meeting after you opened "
          + "the form: what you typed is kept below; check it against the meeting's page, then send it again."));
    }
    throw e;
  }

  private Meeting meeting(String id) {
    return Answers.orPassOn(upstreams.partnership().getMeeting(GetMeetingRequest.newBuilder()
        .setName("meetings/" + id).build()), upstreams.deadline(), Upstreams.PARTNERSHIP);
  }

  private static org.laasuite.partnership.v1.Body body(Governance g, String id) {
    return g.bodies().stream().filter(b -> b.getName().equals("bodies/" + id)).findFirst().orElseThrow(() ->
        GovernancePages.notFound("BODY_NOT_FOUND", "bodies/" + GovernancePages.clip(id) + " is not a body of the "
            + "partnership"));
  }

  private static HttpResponse<?> seeOther(String to) {
    return HttpResponse.seeOther(URI.create(to));
  }

  private HttpResponse<String> render(String template, HttpRequest<?> request, Map<String, Object> model,
      HttpStatus status) {
    return HttpResponse.<String>status(status).body(pages.html(template, visitors.page(request, model), false))
        .contentType(MediaType.TEXT_HTML + ";charset=utf-8");
  }
}
