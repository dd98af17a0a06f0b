package org.laasuite.reporting.entry;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.Status;
import io.grpc.StatusException;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.indicators.v1.ApproveEntriesRequest;
import org.laasuite.indicators.v1.BatchGetIndicatorReportsRequest;
import org.laasuite.indicators.v1.Entry;
import org.laasuite.indicators.v1.EntrySelection;
import org.laasuite.indicators.v1.FigureView;
import org.laasuite.indicators.v1.GetEntryRequest;
import org.laasuite.indicators.v1.GetPeriodRequest;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.IndicatorServiceGrpc.IndicatorServiceFutureStub;
import org.laasuite.indicators.v1.Period;
import org.laasuite.indicators.v1.PublicationState;
import org.laasuite.indicators.v1.PublishEntriesRequest;
import org.laasuite.indicators.v1.ReturnEntryRequest;
import org.laasuite.partnership.v1.GetCallerRightsRequest;
import org.laasuite.reporting.assembly.Assembler;
import org.laasuite.reporting.entry.EntryForm.Field;
import org.laasuite.reporting.render.Fmt;
import org.laasuite.reporting.render.Pages;
import org.laasuite.reporting.signin.SignedIn;
import org.laasuite.reporting.signin.Visitors;
import org.laasuite.reporting.upstream.Answers;
import org.laasuite.reporting.upstream.Upstreams;

/**
 * An indicator's return for a period on the web ({@code /indicators/{code}/entries/{period}}), for the partners who
 * enter, approve and publish it: the outturn of each area, provisional or final, the narrative and (for those who
 * record judgements) the judgement; "Check" shows the judgement the rule makes of the figure before anything is
 * written (SaveEntry with validate_only); "Save draft" and "Submit"; Approve and Return for the theme group's chair,
 * Publish for the performance group; and every step taken. Every call on the person's behalf carries their own
 * token (their session's), so that the service checks their rights, never the gateway's. A form that asks a write
 * is answered with a redirect to the page (Post/Redirect/Get); one the service refuses is shown again as typed, each
 * problem beside its input.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class EntryPages {

  private static final String PAGE = "/indicators/{code}/entries/{period}";

  private final Upstreams upstreams;
  private final Pages pages;
  private final Visitors visitors;

  EntryPages(Upstreams upstreams, Pages pages, Visitors visitors) {
    this.upstreams = upstreams;
    this.pages = pages;
    this.visitors = visitors;
  }

  /** What the page is about, read for the person signed in. */
  record Read(Indicator indicator, IndicatorReport report, Period period, Entry entry, PersonRights rights,
      Directory names, List<String> areas) {

    String name() {
      return indicator.getName() + "/entries/" + period.getId();
    }

    PublicationState state() {
      return entry == null ? PublicationState.PUBLICATION_STATE_UNSPECIFIED : entry.getState();
    }

    /** Whether the person may change it now: submitted or approved, it waits for others. */
    boolean editable() {
      return rights.mayEnter(indicator) && !indicator.hasDeleteTime()
          && state() != PublicationState.PUBLICATION_STATE_SUBMITTED
          && state() != PublicationState.PUBLICATION_STATE_APPROVED;
    }

    String href() {
      return "/" + name();
    }
  }

  /** A notice at the top of the page: {@code kind} success, warning or error. */
  public record Notice(String kind, String text) {
  }

  /** The page's state between reading and rendering: the values shown and what to say of them. */
  private static final class View {
    final Read read;
    Map<String, String> values;
    Map<String, String> problems = Map.of();
    final List<Notice> notices = new ArrayList<>();
    Entry checked;
    Field returnReason = new Field("return-reason", "return-reason", "", "");
    List<String> savedNow = List.of();

    View(Read read, Map<String, String> values) {
      this.read = read;
      this.values = values;
    }
  }

  Read read(SignedIn me, String code, String periodId) {
    String indicator = Assembler.indicatorName(code, "code");
    EntryForms.checkPeriod(periodId);
    upstreams.reconnect();
    var reportCall = upstreams.indicators().batchGetIndicatorReports(BatchGetIndicatorReportsRequest.newBuilder()
        .addNames(indicator).build());
    var periodCall = upstreams.indicators().getPeriod(GetPeriodRequest.newBuilder().setName("periods/" + periodId)
        .build());
    var rightsCall = upstreams.partnershipAs(me.token()).getCallerRights(GetCallerRightsRequest.getDefaultInstance());
    var entryCall = upstreams.indicatorsAs(me.token()).getEntry(GetEntryRequest.newBuilder()
        .setName(indicator + "/entries/" + periodId).setView(FigureView.FIGURE_VIEW_LATEST).build());
    IndicatorReport report = Answers.orPassOn(reportCall, upstreams.deadline(), Upstreams.INDICATORS).getReports(0);
    Period period = Answers.orPassOn(periodCall, upstreams.deadline(), Upstreams.INDICATORS);
    var rights = new PersonRights(Answers.orPassOn(rightsCall, upstreams.deadline(), Upstreams.PARTNERSHIP));
    Entry entry = null;
    try {
      entry = Answers.await(entryCall, upstreams.deadline());
    } catch (StatusException e) {
      if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
        throw Answers.passedOn(e, Upstreams.INDICATORS);
      }
    }
    return new Read(report.getIndicator(), report, period, entry, rights, new Directory(upstreams),
        EntryForms.areas(report, entry));
  }

  private View view(Read r) {
    return new View(r, EntryForms.values(r.entry(), "", r.period().getName(), r.areas()));
  }

  @Get(uri = PAGE, produces = MediaType.TEXT_HTML)
  public HttpResponse<String> show(HttpRequest<?> request, Authentication authentication, String code, String period,
      @Nullable @QueryValue String done) {
    View v = view(read(SignedIn.required(authentication), code, period));
    String said = done(v.read, done);
    if (!said.isEmpty()) {
      v.notices.add(new Notice("success", said));
    }
    return render(request, v, HttpStatus.OK);
  }

  /** What a step just taken did, said after the redirect that follows it. */
  private static String done(Read r, String done) {
    if (done == null) {
      return "";
    }
    return switch (done) {
      case "saved" -> "Saved as a draft. It is not public: submit it when it is ready.";
      case "submitted" -> "Submitted: it now waits for approval by the " + r.names().body(r.indicator()
          .getThemeGroup()) + ".";
      case "approved" -> "Approved: it now waits for publication by the " + r.names().publishers() + ".";
      case "returned" -> "Returned to its authors with your reason.";
      case "published" -> "Published: the public card shows it.";
      default -> "";
    };
  }

  /** Check, save as a draft or submit ({@code action}) the return as typed. */
  @Post(uri = PAGE, consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> save(HttpRequest<?> request, Authentication authentication, String code, String period,
      @Body Map<String, String> form) {
    SignedIn me = SignedIn.required(authentication);
    Read r = read(me, code, period);
    var action = EntryForms.Action.of(form);
    boolean check = action == EntryForms.Action.CHECK;
    boolean submit = action == EntryForms.Action.SUBMIT;
    View v = new View(r, new HashMap<>(form));
    Map<String, String> current = EntryForms.values(r.entry(), "", r.period().getName(), r.areas());
    var save = EntryForms.save(r.name(), "", r.areas(), form, current, check, r.rights().mayJudge(r.indicator()));
    if (!save.problems().isEmpty()) {
      v.problems = save.problems();
      return render(request, v, HttpStatus.BAD_REQUEST);
    }
    if (save.empty() && !submit && !check) {
      v.notices.add(new Notice("warning", "Nothing has changed since the return was last saved: there is nothing "
          + "to save."));
      return render(request, v, HttpStatus.OK);
    }
    var call = save.request().setSubmit(submit).setValidateOnly(check);
    if (!check) {
      call.setRequestId(form.getOrDefault("request-id", ""));
    }
    try {
      Entry answer = Answers.orPassOn(upstreams.indicatorsAs(me.token()).saveEntry(call.build()),
          upstreams.deadline(), Upstreams.INDICATORS);
      if (check) {
        v.checked = answer;
        return render(request, v, HttpStatus.OK);
      }
      return seeOther(r, submit ? "submitted" : "saved");
    } catch (ApiException e) {
      if (e.code() == Status.Code.INVALID_ARGUMENT && !sentAlready(e)) {
        v.problems = EntryForms.placed(e.violations(), "", save.outturnAreas());
        return render(request, v, HttpStatus.BAD_REQUEST);
      }
      return conflict(request, me, code, period, v, e);
    }
  }

  /** Whether the service refused the form's request id: that form had been sent, with other figures, before. */
  private static boolean sentAlready(ApiException e) {
    return e.violations().stream().anyMatch(x -> x.getField().equals("request_id"));
  }

  /**
   * A step the service refused for the state the entry is in now: someone changed it since the page was read
   * (ABORTED: who and when), it waits for approval (ENTRY_LOCKED), or is no longer in the state the step moves
   * from. The page is read again and says so, keeping what was typed; any other refusal is the error page's.
   */
  private HttpResponse<String> conflict(HttpRequest<?> request, SignedIn me, String code, String period, View was,
      ApiException e) {
    if (e.code() != Status.Code.ABORTED && e.code() != Status.Code.FAILED_PRECONDITION && !sentAlready(e)) {
      throw e;
    }
    Read now = read(me, code, period);
    View v = new View(now, was.values);
    v.returnReason = was.returnReason;
    Entry entry = now.entry();
    boolean waits = entry != null && (entry.getState() == PublicationState.PUBLICATION_STATE_SUBMITTED
        || entry.getState() == PublicationState.PUBLICATION_STATE_APPROVED);
    String waiting = !waits ? "" : "This return is " + Fmt.INSTANCE.state(entry.getState()).toLowerCase(Locale.UK)
        + " and waits for " + (entry.getState() == PublicationState.PUBLICATION_STATE_APPROVED ? "publication by the "
        + now.names().publishers() : "approval by the " + now.names().body(entry.getThemeGroup())) + ": it cannot "
        + "change until it is published, or returned to be put right.";
    if (e.code() == Status.Code.ABORTED && entry != null) {
      v.values.put("etag", entry.getEtag());
      v.savedNow = entry.getOutturnsList().stream().map(o -> Steps.outturn(o, now.names())).toList();
      v.notices.add(new Notice("warning", now.names().person(entry.getUpdateBy()) + " changed this return on "
          + Fmt.INSTANCE.when(entry.getUpdateTime()) + ", after you opened it. " + (waits ? waiting : "What you "
          + "typed is kept below and what is saved now is listed above it: check one against the other, then send "
          + "it again.")));
    } else if (sentAlready(e)) {
      v.notices.add(new Notice("warning", "This form had been sent already, from this page or an earlier one: the "
          + "return is shown as it is now. Make your change again if it is still needed."));
    } else if ("ENTRY_LOCKED".equals(e.reason()) && waits) {
      v.notices.add(new Notice("warning", waiting));
    } else {
      v.notices.add(new Notice("error", e.getMessage()));
    }
    return render(request, v, HttpStatus.CONFLICT);
  }

  /** Approves the submitted return (its theme group's chair, vice-chair or lead). */
  @Post(uri = PAGE + "/approve", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> approve(HttpRequest<?> request, Authentication authentication, String code, String period,
      @Body Map<String, String> form) {
    return step(request, authentication, code, period, "approved", (indicators, r) -> indicators.approveEntries(
        ApproveEntriesRequest.newBuilder().setSelection(EntrySelection.newBuilder().addNames(r.name())).build()));
  }

  /**
   * A step of the return by the person signed in, {@code done} once taken: the page it leads to says so; one the
   * service refuses for the state the return is in is shown on the page read again.
   */
  private HttpResponse<?> step(HttpRequest<?> request, Authentication authentication, String code, String period,
      String done, BiFunction<IndicatorServiceFutureStub, Read, ListenableFuture<?>> call) {
    SignedIn me = SignedIn.required(authentication);
    Read r = read(me, code, period);
    try {
      Answers.orPassOn(call.apply(upstreams.indicatorsAs(me.token()), r), upstreams.deadline(), Upstreams.INDICATORS);
      return seeOther(r, done);
    } catch (ApiException e) {
      return conflict(request, me, code, period, view(r), e);
    }
  }

  /** Returns the submitted or approved return to its authors, with the reason they will see. */
  @Post(uri = PAGE + "/return", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> giveBack(HttpRequest<?> request, Authentication authentication, String code, String period,
      @Body Map<String, String> form) {
    SignedIn me = SignedIn.required(authentication);
    Read r = read(me, code, period);
    String reason = form.getOrDefault("return-reason", "");
    View v = view(r);
    v.returnReason = new Field("return-reason", "return-reason", reason, "");
    try {
      Answers.orPassOn(upstreams.indicatorsAs(me.token()).returnEntry(ReturnEntryRequest.newBuilder()
          .setName(r.name()).setReason(reason).setEtag(form.getOrDefault("etag", "")).build()), upstreams.deadline(),
          Upstreams.INDICATORS);
      return seeOther(r, "returned");
    } catch (ApiException e) {
      if (e.code() == Status.Code.INVALID_ARGUMENT) {
        v.returnReason = new Field("return-reason", "return-reason", reason, String.join("; ", e.violations().stream()
            .map(x -> x.getField().equals("reason") ? x.getDescription() : x.getField() + ": " + x.getDescription())
            .toList()));
        return render(request, v, HttpStatus.BAD_REQUEST);
      }
      return conflict(request, me, code, period, v, e);
    }
  }

  /** Publishes the approved return (the performance group): the public card shows it from then on. */
  @Post(uri = PAGE + "/publish", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> publish(HttpRequest<?> request, Authentication authentication, String code, String period,
      @Body Map<String, String> form) {
    return step(request, authentication, code, period, "published", (indicators, r) -> indicators.publishEntries(
        PublishEntriesRequest.newBuilder().setSelection(EntrySelection.newBuilder().addNames(r.name()))
            .setRequestId(form.getOrDefault("request-id", "")).build()));
  }

  private static HttpResponse<?> seeOther(Read r, String done) {
    return HttpResponse.seeOther(URI.create(r.href() + "?done=" + done));
  }

  private HttpResponse<String> render(HttpRequest<?> request, View v, HttpStatus status) {
    Read r = v.read;
    Entry entry = r.entry();
    boolean mayApprove = r.rights().mayApprove(r.indicator().getThemeGroup());
    PublicationState state = r.state();
    Map<String, Object> model = new HashMap<>();
    model.put("indicator", r.indicator());
    model.put("code", r.indicator().getId());
    model.put("period", r.period());
    model.put("periodLabel", r.names().period(r.period().getName()));
    model.put("href", r.href());
    model.put("entry", entry);
    model.put("state", Fmt.INSTANCE.state(state));
    model.put("mark", entry == null ? "nothing entered yet" : CardFigures.mark(entry, r.names()));
    model.put("saved", entry == null ? List.of() : entry.getOutturnsList().stream()
        .map(o -> Steps.outturn(o, r.names())).toList());
    model.put("savedNow", v.savedNow);
    model.put("themeGroup", r.indicator().getThemeGroup().isEmpty() ? "" : r.names().body(r.indicator()
        .getThemeGroup()));
    model.put("form", EntryForms.form(r.indicator(), "", r.areas(), v.values, v.problems));
    model.put("editable", r.editable());
    model.put("mayEnter", r.rights().mayEnter(r.indicator()));
    model.put("mayJudge", r.rights().mayJudge(r.indicator()));
    model.put("ratings", EntryForms.ratings().keySet());
    model.put("checked", v.checked);
    model.put("notices", v.notices);
    model.put("mayApprove", mayApprove && state == PublicationState.PUBLICATION_STATE_SUBMITTED);
    model.put("mayReturn", (mayApprove || r.rights().mayPublish())
        && (state == PublicationState.PUBLICATION_STATE_SUBMITTED || state == PublicationState.PUBLICATION_STATE_APPROVED));
    model.put("mayPublish", r.rights().mayPublish() && state == PublicationState.PUBLICATION_STATE_APPROVED);
    model.put("returnReason", v.returnReason);
    model.put("steps", Steps.of(entry, r.names()));
    model.put("requestId", UUID.randomUUID().toString());
    model.put("periods", r.editable() ? r.names().periodsLatestFirst() : List.of());
    String body = pages.html("entry", visitors.page(request, model), false);
    return HttpResponse.<String>status(status).body(body).contentType(MediaType.TEXT_HTML + ";charset=utf-8");
  }
}
