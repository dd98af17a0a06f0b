package org.laasuite.reporting.entry;

import com.google.common.util.concurrent.ListenableFuture;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.indicators.v1.Entry;
import org.laasuite.indicators.v1.FigureView;
import org.laasuite.indicators.v1.GetPeriodRequest;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.ListEntriesRequest;
import org.laasuite.indicators.v1.ListEntriesResponse;
import org.laasuite.indicators.v1.ListIndicatorReportsRequest;
import org.laasuite.indicators.v1.ListIndicatorReportsResponse;
import org.laasuite.indicators.v1.Period;
import org.laasuite.indicators.v1.PublicationState;
import org.laasuite.partnership.v1.GetBodyRequest;
import org.laasuite.partnership.v1.GetCallerRightsRequest;
import org.laasuite.reporting.entry.EntryPages.Notice;
import org.laasuite.reporting.render.Fmt;
import org.laasuite.reporting.render.Pages;
import org.laasuite.reporting.signin.SignedIn;
import org.laasuite.reporting.signin.Visitors;
import org.laasuite.reporting.upstream.Answers;
import org.laasuite.reporting.upstream.Upstreams;

/**
 * A theme group's quarter on one page ({@code /theme-groups/{body}/entries/{period}}): the return of every indicator
 * the group reports (ListIndicatorReports by theme group) in one form, each the person may enter with its inputs.
 * Sent, each indicator's return is one SaveEntry, written whole or not at all, with the person's own token; the page
 * then says which were saved and what is wrong with the others, by indicator and input, keeping what was typed.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class ThemeGroupPages {

  private static final String PAGE = "/theme-groups/{body}/entries/{period}";
  private static final int LIST = 500;

  private final Upstreams upstreams;
  private final Pages pages;
  private final Visitors visitors;

  ThemeGroupPages(Upstreams upstreams, Pages pages, Visitors visitors) {
    this.upstreams = upstreams;
    this.pages = pages;
    this.visitors = visitors;
  }

  /** The group, the period, the group's indicators with their entries (by indicator name), read for the person. */
  private record Read(org.laasuite.partnership.v1.Body body, Period period, List<IndicatorReport> reports,
      Map<String, Entry> entries, PersonRights rights, Directory names) {

    String href() {
      return "/theme-groups/" + body.getId() + "/entries/" + period.getId();
    }
  }

  /** One indicator as the page shows it; {@code outcome} what became of it when the form was sent. */
  public record Item(String code, String title, String href, String state, String mark, EntryForm form,
      boolean editable, boolean mayJudge, List<String> saved, Notice outcome, Entry checked) {
  }

  private Read read(SignedIn me, String body, String periodId) {
    if (!ResourceNames.BODIES.isId(body)) {
      throw ApiException.invalid("body", "must be a body's id of lower-case letters, digits and dashes like "
          + "'community-safety-partnership', not '" + EntryForms.clip(body) + "'");
    }
    EntryForms.checkPeriod(periodId);
    String group = "bodies/" + body;
    upstreams.reconnect();
    var bodyCall = upstreams.partnership().getBody(GetBodyRequest.newBuilder().setName(group).build());
    var periodCall = upstreams.indicators().getPeriod(GetPeriodRequest.newBuilder().setName("periods/" + periodId)
        .build());
    var rightsCall = upstreams.partnershipAs(me.token()).getCallerRights(GetCallerRightsRequest.getDefaultInstance());
    var found = Answers.orPassOn(bodyCall, upstreams.deadline(), Upstreams.PARTNERSHIP);
    Period period = Answers.orPassOn(periodCall, upstreams.deadline(), Upstreams.INDICATORS);
    var rights = new PersonRights(Answers.orPassOn(rightsCall, upstreams.deadline(), Upstreams.PARTNERSHIP));
    List<IndicatorReport> reports = new ArrayList<>();
    String page = "";
    do {
      ListIndicatorReportsResponse r = Answers.orPassOn(upstreams.indicators().listIndicatorReports(
          ListIndicatorReportsRequest.newBuilder().setThemeGroup(group).setPageSize(LIST).setPageToken(page).build()),
          upstreams.deadline(), Upstreams.INDICATORS);
      reports.addAll(r.getReportsList());
      page = r.getNextPageToken();
    } while (!page.isEmpty());
    if (reports.stream().noneMatch(r -> rights.maySeePending(r.getIndicator()))) {
      throw new ApiException(Status.Code.PERMISSION_DENIED, "PERMISSION_DENIED", (rights.person().isEmpty()
          ? "This sign-in" : rights.person()) + " may not enter, approve or publish the figures of any indicator of "
          + found.getTitle() + ", so its returns are not shown to them before they are published.", List.of());
    }
    Map<String, Entry> entries = new HashMap<>();
    page = "";
    do {
      ListEntriesResponse r = Answers.orPassOn(upstreams.indicatorsAs(me.token()).listEntries(ListEntriesRequest
          .newBuilder().setParent("indicators/-").setPeriod(period.getName()).setThemeGroup(group)
          .setView(FigureView.FIGURE_VIEW_LATEST).setPageSize(LIST).setPageToken(page).build()), upstreams.deadline(),
          Upstreams.INDICATORS);
      r.getEntriesList().forEach(e -> entries.put(e.getIndicator(), e));
      page = r.getNextPageToken();
    } while (!page.isEmpty());
    return new Read(found, period, reports, entries, rights, new Directory(upstreams));
  }

  @Get(uri = PAGE, produces = MediaType.TEXT_HTML)
  public HttpResponse<String> show(HttpRequest<?> request, Authentication authentication, String body, String period,
      @Nullable @QueryValue String done, @Nullable @QueryValue Integer count) {
    Read r = read(SignedIn.required(authentication), body, period);
    Map<String, String> values = new HashMap<>();
    r.reports().forEach(x -> values.putAll(EntryForms.values(r.entries().get(x.getIndicator().getName()),
        prefix(x), r.period().getName(), areas(r, x))));
    List<Notice> notices = new ArrayList<>();
    if ("saved".equals(done) || "submitted".equals(done)) {
      notices.add(new Notice("success", (count == null ? "The" : count + "") + " returns " + done
          + ("submitted".equals(done) ? " for approval by the " + r.body().getTitle() : " as drafts") + "."));
    }
    return render(request, r, values, Map.of(), Map.of(), notices, HttpStatus.OK);
  }

  private static String prefix(IndicatorReport x) {
    return x.getIndicator().getId() + ".";
  }

  private static List<String> areas(Read r, IndicatorReport x) {
    return EntryForms.areas(x, r.entries().get(x.getIndicator().getName()));
  }

  private static boolean editable(Read r, IndicatorReport x) {
    Entry e = r.entries().get(x.getIndicator().getName());
    return r.rights().mayEnter(x.getIndicator()) && (e == null || (e.getState() != PublicationState
        .PUBLICATION_STATE_SUBMITTED && e.getState() != PublicationState.PUBLICATION_STATE_APPROVED));
  }

  /** Checks, saves or submits ({@code action}) every return typed or changed, one SaveEntry each. */
  @Post(uri = PAGE, consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> save(HttpRequest<?> request, Authentication authentication, String body, String period,
      @Body Map<String, String> form) {
    SignedIn me = SignedIn.required(authentication);
    Read r = read(me, body, period);
    var action = EntryForms.Action.of(form);
    boolean check = action == EntryForms.Action.CHECK;
    boolean submit = action == EntryForms.Action.SUBMIT;
    Map<String, String> values = new HashMap<>(form);
    Map<String, String> problems = new HashMap<>();
    Map<String, Notice> outcomes = new HashMap<>();
    Map<String, Entry> checked = new HashMap<>();
    Map<String, EntryForms.Save> saves = new LinkedHashMap<>();
    Map<String, ListenableFuture<Entry>> calls = new LinkedHashMap<>();
    int i = 0;
    for (IndicatorReport x : r.reports()) {
      String code = x.getIndicator().getId();
      if (!editable(r, x)) {
        continue;
      }
      Entry entry = r.entries().get(x.getIndicator().getName());
      var save = EntryForms.save(x.getIndicator().getName() + "/entries/" + r.period().getId(), prefix(x),
          areas(r, x), form, EntryForms.values(entry, prefix(x), r.period().getName(), areas(r, x)), check,
          r.rights().mayJudge(x.getIndicator()));
      if (!save.problems().isEmpty()) {
        problems.putAll(save.problems());
        outcomes.put(code, new Notice("error", "Not sent: put right what is marked below."));
        continue;
      }
      boolean pending = entry != null && (entry.getState() == PublicationState.PUBLICATION_STATE_DRAFT
          || entry.getState() == PublicationState.PUBLICATION_STATE_RETURNED);
      if (save.empty() && !(submit && pending)) {
        continue;
      }
      var call = save.request().setSubmit(submit).setValidateOnly(check);
      if (!check) {
        call.setRequestId(form.getOrDefault("request-id", "") + "-" + i++);
      }
      saves.put(code, save);
      calls.put(code, upstreams.indicatorsAs(me.token()).saveEntry(call.build()));
    }
    HttpStatus status = problems.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST;
    int written = 0;
    for (var call : calls.entrySet()) {
      String code = call.getKey();
      try {
        Entry answer = Answers.orPassOn(call.getValue(), upstreams.deadline(), Upstreams.INDICATORS);
        if (check) {
          checked.put(code, answer);
        } else {
          written++;
          r.entries().put(answer.getIndicator(), answer);
          values.put(code + ".etag", answer.getEtag());
          outcomes.put(code, new Notice("success", submit ? "Submitted for approval." : "Saved as a draft."));
        }
      } catch (ApiException e) {
        if (e.code() == Status.Code.INVALID_ARGUMENT) {
          var placed = EntryForms.placed(e.violations(), code + ".", saves.get(code).outturnAreas());
          String general = placed.remove("");
          problems.putAll(placed);
          outcomes.put(code, new Notice("error", "Not saved: put right what is marked below."
              + (general == null ? "" : " " + general)));
          status = HttpStatus.BAD_REQUEST;
        } else if (e.code() == Status.Code.ABORTED || e.code() == Status.Code.FAILED_PRECONDITION
            || e.code() == Status.Code.PERMISSION_DENIED) {
          outcomes.put(code, new Notice("warning", "Not saved: " + e.getMessage()));
          status = status == HttpStatus.OK ? HttpStatus.CONFLICT : status;
        } else {
          throw e;
        }
      }
    }
    List<Notice> notices = new ArrayList<>();
    if (calls.isEmpty() && problems.isEmpty()) {
      notices.add(new Notice("warning", check ? "Type a figure to check it: nothing was typed."
          : "Nothing was typed or changed: there is nothing to " + (submit ? "submit." : "save.")));
    } else if (!check && status == HttpStatus.OK) {
      return HttpResponse.seeOther(URI.create(r.href() + "?done=" + (submit ? "submitted" : "saved") + "&count="
          + written));
    } else if (!check) {
      notices.add(new Notice(written == 0 ? "error" : "warning", written + " of " + (written + outcomes.values()
          .stream().filter(n -> !n.kind().equals("success")).count()) + " returns " + (submit ? "submitted" : "saved")
          + "; each indicator below says what became of it."));
    }
    return render(request, r, values, problems, outcomes, checked, notices, status);
  }

  private HttpResponse<String> render(HttpRequest<?> request, Read r, Map<String, String> values,
      Map<String, String> problems, Map<String, Notice> outcomes, List<Notice> notices, HttpStatus status) {
    return render(request, r, values, problems, outcomes, Map.of(), notices, status);
  }

  private HttpResponse<String> render(HttpRequest<?> request, Read r, Map<String, String> values,
      Map<String, String> problems, Map<String, Notice> outcomes, Map<String, Entry> checked, List<Notice> notices,
      HttpStatus status) {
    List<Item> items = r.reports().stream().map(x -> {
      String code = x.getIndicator().getId();
      Entry e = r.entries().get(x.getIndicator().getName());
      return new Item(code, x.getIndicator().getTitle(), "/" + x.getIndicator().getName() + "/entries/"
          + r.period().getId(), Fmt.INSTANCE.state(e == null ? PublicationState.PUBLICATION_STATE_UNSPECIFIED
          : e.getState()), e == null ? "nothing entered yet" : CardFigures.mark(e, r.names()),
          EntryForms.form(x.getIndicator(), prefix(x), areas(r, x), values, problems), editable(r, x),
          r.rights().mayJudge(x.getIndicator()), e == null ? List.of() : e.getOutturnsList().stream()
              .map(o -> Steps.outturn(o, r.names())).toList(), outcomes.get(code), checked.get(code));
    }).toList();
    Map<String, Object> model = new HashMap<>();
    model.put("body", r.body());
    model.put("period", r.period());
    model.put("periodLabel", r.names().period(r.period().getName()));
    model.put("href", r.href());
    model.put("items", items);
    model.put("anyEditable", items.stream().anyMatch(Item::editable));
    model.put("ratings", EntryForms.ratings().keySet());
    model.put("notices", notices);
    model.put("requestId", UUID.randomUUID().toString());
    model.put("periods", r.names().periodsLatestFirst());
    String html = pages.html("theme-group-entry", visitors.page(request, model), false);
    return HttpResponse.<String>status(status).body(html).contentType(MediaType.TEXT_HTML + ";charset=utf-8");
  }
}
