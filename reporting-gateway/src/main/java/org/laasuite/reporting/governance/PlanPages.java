package org.laasuite.reporting.governance;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Protos;
import org.laasuite.funding.v1.Commitment;
import org.laasuite.funding.v1.ListSuccessionRisksRequest;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.ListIndicatorReportsRequest;
import org.laasuite.partnership.v1.CreateRiskRequest;
import org.laasuite.partnership.v1.GetImprovementPlanRequest;
import org.laasuite.partnership.v1.ImprovementItem;
import org.laasuite.partnership.v1.ImprovementPlan;
import org.laasuite.partnership.v1.ListImprovementPlansRequest;
import org.laasuite.partnership.v1.ListRisksRequest;
import org.laasuite.partnership.v1.ProgressNote;
import org.laasuite.partnership.v1.Risk;
import org.laasuite.partnership.v1.UpdateImprovementItemRequest;
import org.laasuite.reporting.entry.Directory;
import org.laasuite.reporting.entry.EntryPages.Notice;
import org.laasuite.reporting.render.Pages;
import org.laasuite.reporting.signin.SignedIn;
import org.laasuite.reporting.signin.Visitors;
import org.laasuite.reporting.upstream.Answers;
import org.laasuite.reporting.upstream.Paging;
import org.laasuite.reporting.upstream.Upstreams;
import org.laasuite.reporting.work.WorkSettings;

/**
 * The improvement plans and the risk register on the web, public as the governance pages are (read as the gateway
 * for an anonymous reader): the plans with their items by status, a plan (and its PDF), and the register sorted by
 * score with its heat map and the risks the data raises for review (docs/governance.md). For the secretariat (the
 * right to manage meetings), a form on each item to change its status and add a dated progress note, and a button
 * that adds a raised risk to the register: each a call with the person's own token, answered with a redirect
 * (Post/Redirect/Get), or the page again with each problem beside its input.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
public class PlanPages {

  private final Upstreams upstreams;
  private final Pages pages;
  private final Visitors visitors;
  private final WorkSettings work;

  PlanPages(Upstreams upstreams, Pages pages, Visitors visitors, WorkSettings work) {
    this.upstreams = upstreams;
    this.pages = pages;
    this.visitors = visitors;
    this.work = work;
  }

  /** What the templates say of an item's status, its badge and an indicator's card. */
  public static final class Words {

    /** The status as the plan words it; "no status" where none is printed. */
    public String status(String s) {
      return s == null || s.isBlank() ? "no status" : s;
    }

    /**
     * The badge's colour: green for complete, done, achieved or on track; red for one that says not (as "Not already
     * underway"), delayed, behind or off track; amber for any other; grey for none.
     */
    public String statusClass(String s) {
      String w = s == null ? "" : s.toLowerCase(Locale.UK);
      if (w.isBlank()) {
        return "none";
      }
      if (w.matches(".*\\b(not|delayed|behind|off track|overdue)\\b.*")) {
        return "red";
      }
      if (w.matches(".*\\b(complete|completed|done|achieved|on track)\\b.*")) {
        return "green";
      }
      return "amber";
    }

    /** "indicators/NI-4" -> "NI-4". */
    public String code(String indicator) {
      return indicator.substring(indicator.indexOf('/') + 1);
    }

    /** A score's band on the heat map: high (15 to 25), medium (8 to 14), low (1 to 7). */
    public String scoreBand(int score) {
      return score >= 15 ? "high" : score >= 8 ? "medium" : "low";
    }

    /** A risk as the heat map and the table name it: its ref, else its id. */
    public String ref(Risk r) {
      return r.getRef().isEmpty() ? r.getId() : r.getRef();
    }
  }

  private static final Words WORDS = new Words();

  /** A plan in the list: how many of its items have each status. */
  public record PlanLine(ImprovementPlan plan, int items, Map<String, Long> byStatus) {
  }

  @Get(uri = "/improvement-plans", produces = MediaType.TEXT_HTML)
  public HttpResponse<String> plans(HttpRequest<?> request) {
    List<ImprovementPlan> plans = Answers.orPassOn(Paging.all(t -> upstreams.partnership().listImprovementPlans(
        ListImprovementPlansRequest.newBuilder().setPageSize(Paging.PAGE).setPageToken(t).build()),
        r -> r.getImprovementPlansList(), r -> r.getNextPageToken()), upstreams.deadline().multipliedBy(4),
        Upstreams.PARTNERSHIP);
    List<PlanLine> lines = plans.stream().map(p -> {
      List<ImprovementItem> items = items(p);
      return new PlanLine(p, items.size(), items.stream().collect(Collectors.groupingBy(i -> WORDS.status(
          i.getStatus()), LinkedHashMap::new, Collectors.counting())));
    }).toList();
    return html("improvement-plans", request, Map.of("plans", lines), HttpStatus.OK);
  }

  private static List<ImprovementItem> items(ImprovementPlan p) {
    return p.getAreasList().stream().flatMap(a -> a.getItemsList().stream()).toList();
  }

  /** What the page shows beyond the plan: a form's problems and what was typed (by item name), and notices. */
  private record Said(Map<String, Map<String, String>> problems, Map<String, Map<String, String>> typed,
      List<Notice> notices) {
    static Said nothing() {
      return new Said(Map.of(), Map.of(), new ArrayList<>());
    }
  }

  @Get(uri = "/improvement-plans/{id}", produces = MediaType.TEXT_HTML)
  public HttpResponse<String> plan(HttpRequest<?> request, String id, @Nullable @QueryValue String done) {
    Said said = Said.nothing();
    if ("updated".equals(done)) {
      said.notices().add(new Notice("success", "The item is updated."));
    } else if ("unchanged".equals(done)) {
      said.notices().add(new Notice("warning", "Nothing was changed: the status was as it is, and no note was "
          + "written."));
    }
    return planPage(request, id, said, HttpStatus.OK);
  }

  @Get(uri = "/improvement-plans/{id}/plan.pdf", produces = "application/pdf")
  public HttpResponse<?> planPdf(HttpRequest<?> request, String id) {
    Map<String, Object> model = planModel(request, read(id), Said.nothing(), false);
    return HttpResponse.ok(pages.pdf("improvement-plan", model)).contentType("application/pdf")
        .header("Content-Disposition", "inline; filename=\"" + id + ".pdf\"");
  }

  private ImprovementPlan read(String id) {
    if (!id.matches("[a-z0-9][a-z0-9-]{0,99}")) {
      throw new ApiException(Status.Code.NOT_FOUND, "IMPROVEMENT_PLAN_NOT_FOUND", "improvementPlans/" + clip(id)
          + " is not an improvement plan of the partnership", List.of());
    }
    return Answers.orPassOn(upstreams.partnership().getImprovementPlan(GetImprovementPlanRequest.newBuilder()
        .setName("improvementPlans/" + id).build()), upstreams.deadline(), Upstreams.PARTNERSHIP);
  }

  private HttpResponse<String> planPage(HttpRequest<?> request, String id, Said said, HttpStatus status) {
    ImprovementPlan plan = read(id);
    return html("improvement-plan", request, planModel(request, plan, said, mayKeep(request)), status);
  }

  private Map<String, Object> planModel(HttpRequest<?> request, ImprovementPlan plan, Said said, boolean mayKeep) {
    Map<String, Object> model = new HashMap<>();
    List<ImprovementItem> items = items(plan);
    model.put("plan", plan);
    model.put("id", plan.getId());
    model.put("areas", plan.getAreasList());
    model.put("byStatus", items.stream().collect(Collectors.groupingBy(i -> WORDS.status(i.getStatus()),
        LinkedHashMap::new, Collectors.counting())));
    model.put("words", WORDS);
    model.put("names", new Directory(upstreams));
    model.put("mayKeep", mayKeep);
    model.put("today", work.today().toString());
    model.put("problems", said.problems());
    model.put("typed", said.typed());
    model.put("notices", said.notices());
    model.put("requestIds", items.stream().collect(Collectors.toMap(ImprovementItem::getName,
        i -> UUID.randomUUID().toString(), (a, b) -> a)));
    return model;
  }

  /** Whether the visitor is signed in with the right to manage meetings: who keeps the plan and the register. */
  private boolean mayKeep(HttpRequest<?> request) {
    return SecretariatPages.signedInManager(request, upstreams);
  }

  /**
   * Changes an item's status and adds a dated progress note (UpdateImprovementItem, as the person signed in): the
   * status only when it differs from what the form was shown with, the note only when one is written.
   */
  @Post(uri = "/improvement-plans/{id}/items/{item}", consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  @Secured(SecurityRule.IS_AUTHENTICATED)
  public HttpResponse<?> updateItem(HttpRequest<?> request, Authentication authentication, String id, String item,
      @Body Map<String, String> form) {
    SignedIn me = SignedIn.required(authentication);
    String name = "improvementPlans/" + id + "/items/" + item;
    String status = form.getOrDefault("status", "").strip();
    String note = form.getOrDefault("note", "").strip();
    String noteDate = form.getOrDefault("note-date", "").strip();
    boolean statusChanged = !status.equals(form.getOrDefault("was-status", "").strip());
    Map<String, String> problems = new LinkedHashMap<>();
    var call = UpdateImprovementItemRequest.newBuilder().setRequestId(form.getOrDefault("request-id", ""))
        .setUpdateMask(FieldMask.getDefaultInstance()); // empty: only a note, unless the status changed
    var changed = ImprovementItem.newBuilder().setName(name).setEtag(form.getOrDefault("etag", ""));
    if (statusChanged) {
      changed.setStatus(status);
      call.setUpdateMask(FieldMask.newBuilder().addPaths("status"));
    }
    if (!note.isEmpty()) {
      var added = ProgressNote.newBuilder().setText(note);
      try {
        added.setDate(Protos.date(noteDate.isEmpty() ? work.today() : LocalDate.parse(noteDate)));
      } catch (DateTimeParseException e) {
        problems.put("note-date", "Give the date as YYYY-MM-DD, as 2009-11-30.");
      }
      call.setAddProgressNote(added);
    }
    if (problems.isEmpty() && !statusChanged && note.isEmpty()) {
      return HttpResponse.seeOther(URI.create("/improvement-plans/" + id + "?done=unchanged#" + anchor(item)));
    }
    if (problems.isEmpty()) {
      try {
        Answers.orPassOn(upstreams.partnershipAs(me.token()).updateImprovementItem(call.setItem(changed).build()),
            upstreams.deadline(), Upstreams.PARTNERSHIP);
        return HttpResponse.seeOther(URI.create("/improvement-plans/" + id + "?done=updated#" + anchor(item)));
      } catch (ApiException e) {
        if (e.code() == Status.Code.ABORTED) {
          Said said = new Said(Map.of(), Map.of(name, form), new ArrayList<>(List.of(new Notice("warning",
              "Someone changed this item after you opened the page: it is shown as it is now, with what you typed. "
                  + "Check it, then send it again."))));
          return planPage(request, id, said, HttpStatus.CONFLICT);
        }
        if (e.code() != Status.Code.INVALID_ARGUMENT) {
          throw e;
        }
        e.violations().forEach(v -> problems.merge(field(v.getField()), v.getDescription(), (a, b) -> a + "; " + b));
      }
    }
    return planPage(request, id, new Said(Map.of(name, problems), Map.of(name, form), new ArrayList<>()),
        HttpStatus.BAD_REQUEST);
  }

  /** The form's input a violation of UpdateImprovementItem is shown beside. */
  private static String field(String violation) {
    return switch (violation) {
      case "item.status" -> "status";
      case "add_progress_note.text" -> "note";
      case "add_progress_note.date" -> "note-date";
      default -> "form";
    };
  }

  private static String anchor(String item) {
    return "item-" + URLEncoder.encode(item, StandardCharsets.UTF_8);
  }

  /** A row of the heat map: a likelihood, and a cell per impact 1 to 5. */
  public record HeatRow(int likelihood, List<HeatCell> cells) {
  }

  /** A cell: the risks scored there. */
  public record HeatCell(int likelihood, int impact, List<Risk> risks) {
    public int score() {
      return likelihood * impact;
    }

    /** The refs of its risks, "R1, R4". */
    public String refs() {
      return String.join(", ", risks.stream().map(WORDS::ref).toList());
    }
  }

  @Get(uri = "/risks", produces = MediaType.TEXT_HTML)
  public HttpResponse<String> risks(HttpRequest<?> request, @Nullable @QueryValue("as-of") String asOf,
      @Nullable @QueryValue String done) {
    List<Notice> notices = new ArrayList<>();
    if ("added".equals(done)) {
      notices.add(new Notice("success", "The risk is added to the register."));
    } else if ("already".equals(done)) {
      notices.add(new Notice("warning", "That risk is in the register already."));
    }
    LocalDate today = day(asOf);
    List<Risk> risks = register();
    List<Risk> scored = risks.stream().filter(r -> r.getScore() > 0).sorted(Comparator.comparingInt(Risk::getScore)
        .reversed().thenComparing(WORDS::ref)).toList();
    List<HeatRow> heat = new ArrayList<>();
    for (int l = 5; l >= 1; l--) {
      List<HeatCell> cells = new ArrayList<>();
      for (int i = 1; i <= 5; i++) {
        int likelihood = l;
        int impact = i;
        cells.add(new HeatCell(l, i, scored.stream().filter(r -> r.getLikelihoodScore() == likelihood
            && r.getImpactScore() == impact).toList()));
      }
      heat.add(new HeatRow(l, cells));
    }
    List<RaisedForReview.Raised> raised = raised(today, risks);
    Map<String, Object> model = new HashMap<>();
    List<Risk> register = new ArrayList<>(scored); // highest score first, then those not scored
    risks.stream().filter(r -> r.getScore() == 0).forEach(register::add);
    model.put("register", register);
    model.put("heat", heat);
    model.put("raised", raised);
    model.put("asOf", today.toString());
    model.put("until", today.plusMonths(RaisedForReview.MONTHS).toString());
    model.put("words", WORDS);
    model.put("mayKeep", mayKeep(request));
    model.put("requestIds", raised.stream().collect(Collectors.toMap(RaisedForReview.Raised::riskId,
        r -> UUID.randomUUID().toString(), (a, b) -> a)));
    model.put("notices", notices);
    return html("risks", request, model, HttpStatus.OK);
  }

  /** The day the page reckons from: {@code as-of} (YYYY-MM-DD) when given, else the day work is reckoned on. */
  private LocalDate day(String asOf) {
    if (asOf == null || asOf.isBlank()) {
      return work.today();
    }
    try {
      return LocalDate.parse(asOf.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.withField(Status.Code.INVALID_ARGUMENT, "INVALID_ARGUMENT", "as-of must be a date like "
          + "2007-08-22, not '" + clip(asOf) + "'", "as-of");
    }
  }

  private List<Risk> register() {
    return Answers.orPassOn(Paging.all(t -> upstreams.partnership().listRisks(ListRisksRequest.newBuilder()
        .setPageSize(Paging.PAGE).setPageToken(t).build()), r -> r.getRisksList(), r -> r.getNextPageToken()),
        upstreams.deadline().multipliedBy(4), Upstreams.PARTNERSHIP);
  }

  /** The commitments raised for review on {@code today} that the register ({@code risks}) does not hold yet. */
  private List<RaisedForReview.Raised> raised(LocalDate today, List<Risk> risks) {
    LocalDate until = today.plusMonths(RaisedForReview.MONTHS);
    List<Commitment> ending = Answers.orPassOn(Paging.all(t -> upstreams.funding().listSuccessionRisks(
        ListSuccessionRisksRequest.newBuilder().setEndsBefore(Protos.date(until.plusDays(1)))
            .setPageSize(Paging.PAGE).setPageToken(t).build()), r -> r.getCommitmentsList(),
        r -> r.getNextPageToken()), upstreams.deadline().multipliedBy(4), Upstreams.FUNDING).stream()
        .filter(c -> c.getSupportsIndicatorsCount() > 0).toList();
    if (ending.isEmpty()) {
      return List.of();
    }
    Map<String, IndicatorReport> reports = Answers.orPassOn(Paging.all(t -> upstreams.indicators()
        .listIndicatorReports(ListIndicatorReportsRequest.newBuilder().setPageSize(Paging.PAGE).setPageToken(t)
            .setReadMask(FieldMask.newBuilder().addPaths("indicator").addPaths("computed_judgement")
                .addPaths("recorded_judgement")).build()), r -> r.getReportsList(), r -> r.getNextPageToken()),
        upstreams.deadline().multipliedBy(4), Upstreams.INDICATORS).stream()
        .collect(Collectors.toMap(r -> r.getIndicator().getName(), Function.identity(), (a, b) -> a));
    Set<String> registered = risks.stream().map(Risk::getId).collect(Collectors.toSet());
    return RaisedForReview.of(ending, reports, registered, today);
  }

  /**
   * Adds the risk a commitment raises to the register (CreateRisk as the person signed in, its id deterministic, so
   * that a second press or a retry adds nothing twice): owned by the first body the commitment supports, else the
   * theme group of its first red indicator.
   */
  @Post(uri = "/risks/raised", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  @Secured(SecurityRule.IS_AUTHENTICATED)
  public HttpResponse<?> addRaised(HttpRequest<?> request, Authentication authentication,
      @Body Map<String, String> form) {
    SignedIn me = SignedIn.required(authentication);
    String asOf = form.getOrDefault("as-of", "");
    LocalDate today = day(asOf);
    String back = "/risks" + (asOf.isBlank() ? "?" : "?as-of=" + today + "&");
    String commitment = form.getOrDefault("commitment", "");
    var raised = raised(today, register()).stream().filter(r -> r.commitment().getName().equals(commitment))
        .findFirst();
    if (raised.isEmpty()) {
      return HttpResponse.seeOther(URI.create(back + "done=already"));
    }
    Commitment c = raised.get().commitment();
    Directory names = new Directory(upstreams);
    String owner = !c.getSupportsBodiesList().isEmpty() ? names.body(c.getSupportsBodies(0))
        : names.body(raised.get().reds().getFirst().getThemeGroup());
    try {
      Answers.orPassOn(upstreams.partnershipAs(me.token()).createRisk(CreateRiskRequest.newBuilder()
          .setRisk(RaisedForReview.risk(raised.get(), owner, today)).setRequestId(form.getOrDefault("request-id", ""))
          .build()), upstreams.deadline(), Upstreams.PARTNERSHIP);
    } catch (ApiException e) {
      if (e.code() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
      return HttpResponse.seeOther(URI.create(back + "done=already"));
    }
    return HttpResponse.seeOther(URI.create(back + "done=added"));
  }

  private HttpResponse<String> html(String template, HttpRequest<?> request, Map<String, Object> model,
      HttpStatus status) {
    return HttpResponse.<String>status(status).body(pages.html(template, visitors.page(request, new HashMap<>(model)),
        false)).contentType(MediaType.TEXT_HTML_TYPE + ";charset=utf-8");
  }

  private static String clip(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
