package org.laasuite.reporting.entry;

import io.grpc.Status;
import io.grpc.StatusException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.laasuite.indicators.v1.Entry;
import org.laasuite.indicators.v1.FigureView;
import org.laasuite.indicators.v1.GetIndicatorRequest;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.ListEntriesRequest;
import org.laasuite.indicators.v1.ListEntriesResponse;
import org.laasuite.indicators.v1.Period;
import org.laasuite.partnership.v1.GetCallerRightsRequest;
import org.laasuite.reporting.assembly.Assembler;
import org.laasuite.reporting.entry.Steps.Step;
import org.laasuite.reporting.render.Fmt;
import org.laasuite.reporting.render.Pages;
import org.laasuite.reporting.signin.SignedIn;
import org.laasuite.reporting.signin.Visitors;
import org.laasuite.reporting.upstream.Answers;
import org.laasuite.reporting.upstream.Upstreams;
import org.laasuite.type.v1.AuditEvent;
import org.laasuite.type.v1.ListAuditEventsRequest;

/**
 * An indicator's history ({@code /indicators/{code}/history}): each period's return, step by step (who entered,
 * submitted, approved, returned and published it, when, and why), public for what is published; a signed-in person
 * who works on the figures sees the pending steps too, and one who manages indicators the audit trail of the
 * indicator and everything under it (ListAuditEvents), with the fields each write changed. Both are read with that
 * person's own token.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
public class HistoryPage {

  private static final int AUDIT_PAGE = 200;

  private final Upstreams upstreams;
  private final Pages pages;
  private final Visitors visitors;

  HistoryPage(Upstreams upstreams, Pages pages, Visitors visitors) {
    this.upstreams = upstreams;
    this.pages = pages;
    this.visitors = visitors;
  }

  /** One period's return: where it stands and its steps. */
  public record Return(String period, String periodId, String href, String state, List<Step> steps) {
  }

  /** One event of the audit trail: when, who, what was done to what, and which fields it changed. */
  public record Event(String when, String who, String action, String resource, String changed) {
  }

  @Get(uri = "/indicators/{code}/history", produces = MediaType.TEXT_HTML)
  public HttpResponse<String> show(HttpRequest<?> request, String code) {
    String name = Assembler.indicatorName(code, "code");
    SignedIn me = visitors.of(request).signedIn();
    upstreams.reconnect();
    var indicatorCall = upstreams.indicators().getIndicator(GetIndicatorRequest.newBuilder().setName(name).build());
    var rightsCall = me == null ? null : upstreams.partnershipAs(me.token()).getCallerRights(
        GetCallerRightsRequest.getDefaultInstance());
    Indicator indicator = Answers.orPassOn(indicatorCall, upstreams.deadline(), Upstreams.INDICATORS);
    PersonRights rights = rightsCall == null ? null : new PersonRights(Answers.orPassOn(rightsCall,
        upstreams.deadline(), Upstreams.PARTNERSHIP));
    Directory names = new Directory(upstreams);

    List<Entry> entries = new ArrayList<>();
    String page = "";
    do {
      var read = ListEntriesRequest.newBuilder().setParent(name).setPageSize(500).setPageToken(page);
      if (me != null) {
        read.setView(FigureView.FIGURE_VIEW_LATEST); // the published view of what they may not see pending
      }
      ListEntriesResponse r = Answers.orPassOn((me == null ? upstreams.indicators()
          : upstreams.indicatorsAs(me.token())).listEntries(read.build()), upstreams.deadline(), Upstreams.INDICATORS);
      entries.addAll(r.getEntriesList());
      page = r.getNextPageToken();
    } while (!page.isEmpty());
    List<String> order = names.periodsLatestFirst().stream().map(Period::getName).toList();
    List<Return> returns = entries.stream().sorted(Comparator.comparingInt((Entry e) -> order.indexOf(e.getPeriod())))
        .map(e -> new Return(names.period(e.getPeriod()), e.getPeriod().substring(e.getPeriod().indexOf('/') + 1),
            rights != null && rights.maySeePending(indicator) ? "/" + e.getName() : "", Fmt.INSTANCE.state(e.getState()),
            Steps.of(e, names))).toList();

    Map<String, Object> model = new HashMap<>();
    model.put("indicator", indicator);
    model.put("returns", returns);
    model.put("signedIn", me != null);
    model.put("auditShown", false);
    model.put("audit", List.of());
    if (rights != null && rights.mayReadAudit()) {
      try {
        List<AuditEvent> events = Answers.await(upstreams.indicatorsAs(me.token()).listAuditEvents(
            ListAuditEventsRequest.newBuilder().setResource(name + "/").setPageSize(AUDIT_PAGE).build()),
            upstreams.deadline()).getEventsList();
        model.put("auditShown", true);
        model.put("auditFull", events.size() == AUDIT_PAGE);
        model.put("audit", events.stream().map(e -> new Event(Fmt.INSTANCE.when(e.getCreateTime()),
            e.getPerson().isEmpty() ? e.getSubject() + " (" + e.getIssuer() + ")" : names.person(e.getPerson()),
            e.getAction(), e.getResource().equals(name) ? "the indicator" : e.getResource().substring(name.length() + 1),
            String.join(", ", e.getChangedFieldsList()))).toList());
      } catch (StatusException e) {
        if (e.getStatus().getCode() != Status.Code.PERMISSION_DENIED) {
          throw Answers.passedOn(e, Upstreams.INDICATORS);
        }
      }
    }
    return HttpResponse.ok(pages.html("history", visitors.page(request, model), false))
        .contentType(MediaType.TEXT_HTML + ";charset=utf-8");
  }
}
