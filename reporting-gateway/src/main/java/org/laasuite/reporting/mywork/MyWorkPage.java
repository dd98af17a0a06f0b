package org.laasuite.reporting.mywork;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.indicators.v1.ApproveEntriesRequest;
import org.laasuite.indicators.v1.ApproveEntriesResponse;
import org.laasuite.indicators.v1.Entry;
import org.laasuite.indicators.v1.EntrySelection;
import org.laasuite.indicators.v1.FigureView;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.ListEntriesRequest;
import org.laasuite.indicators.v1.ListEntriesResponse;
import org.laasuite.indicators.v1.ListIndicatorsRequest;
import org.laasuite.indicators.v1.ListIndicatorsResponse;
import org.laasuite.indicators.v1.Period;
import org.laasuite.indicators.v1.PeriodType;
import org.laasuite.indicators.v1.PublicationState;
import org.laasuite.indicators.v1.PublishEntriesRequest;
import org.laasuite.indicators.v1.PublishEntriesResponse;
import org.laasuite.reporting.entry.Directory;
import org.laasuite.reporting.entry.PersonRights;
import org.laasuite.reporting.render.Fmt;
import org.laasuite.reporting.render.Pages;
import org.laasuite.reporting.signin.SignedIn;
import org.laasuite.reporting.signin.Visitors;
import org.laasuite.reporting.assembly.Editions;
import org.laasuite.reporting.assembly.ReportPeriod;
import org.laasuite.reporting.upstream.Answers;
import org.laasuite.reporting.upstream.Upstreams;

/**
 * My work ({@code /my-work}), a signed-in person's: what is due, the returns sent back to them and their drafts, what
 * waits for their approval (a theme group's quarter approved at once) and for their publication (a quarter
 * published at once, which freezes its edition), and the indicators they enter, each a link to its return for the
 * period chosen. Rights come from the partnership service; every read of pending figures and every step is asked
 * with the person's own token.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class MyWorkPage {

  private static final int LIST = 500;
  private static final List<PublicationState> PENDING = List.of(PublicationState.PUBLICATION_STATE_DRAFT,
      PublicationState.PUBLICATION_STATE_RETURNED, PublicationState.PUBLICATION_STATE_SUBMITTED,
      PublicationState.PUBLICATION_STATE_APPROVED);

  private final Upstreams upstreams;
  private final Pages pages;
  private final Visitors visitors;
  private final MyWorkDue due;
  private final Editions editions;

  MyWorkPage(Upstreams upstreams, Pages pages, Visitors visitors, @Nullable MyWorkDue due, Editions editions) {
    this.editions = editions;
    this.upstreams = upstreams;
    this.pages = pages;
    this.visitors = visitors;
    this.due = due;
  }

  /** An entry as a line of My work. */
  public record Line(String href, String code, String title, String period, String state, String figures, String by,
      String when, String reason) {
  }

  /** Entries waiting for one decision: a theme group's for a period (approval), or a period's (publication). */
  public record Batch(String body, String bodyTitle, String period, String periodId, String periodLabel,
      boolean quarter, List<Line> lines) {
  }

  /** The indicators a person enters that one theme group reports. */
  public record Enter(String body, String bodyId, String title, List<Indicator> indicators) {
  }

  @Get(uri = "/my-work", produces = MediaType.TEXT_HTML)
  public HttpResponse<String> show(HttpRequest<?> request, Authentication authentication,
      @Nullable @QueryValue String period, @Nullable @QueryValue String done, @Nullable @QueryValue Integer count,
      @Nullable @QueryValue String edition, @Nullable @QueryValue String pack) {
    SignedIn me = SignedIn.required(authentication);
    upstreams.reconnect();
    var pending = new ArrayList<Entry>();
    PersonRights rights = PersonRights.of(upstreams, me);
    Directory names = new Directory(upstreams);
    List<Indicator> indicators = new ArrayList<>();
    String page = "";
    do {
      ListIndicatorsResponse r = Answers.orPassOn(upstreams.indicators().listIndicators(ListIndicatorsRequest
          .newBuilder().setPageSize(LIST).setPageToken(page).build()), upstreams.deadline(), Upstreams.INDICATORS);
      indicators.addAll(r.getIndicatorsList());
      page = r.getNextPageToken();
    } while (!page.isEmpty());
    do {
      ListEntriesResponse r = Answers.orPassOn(upstreams.indicatorsAs(me.token()).listEntries(ListEntriesRequest
          .newBuilder().setParent("indicators/-").addAllStates(PENDING).setView(FigureView.FIGURE_VIEW_LATEST)
          .setPageSize(LIST).setPageToken(page).build()), upstreams.deadline(), Upstreams.INDICATORS);
      pending.addAll(r.getEntriesList());
      page = r.getNextPageToken();
    } while (!page.isEmpty());
    Map<String, Indicator> byName = new HashMap<>();
    indicators.forEach(i -> byName.put(i.getName(), i));
    List<Indicator> mine = indicators.stream().filter(rights::mayEnter).toList();

    List<Line> returned = new ArrayList<>();
    List<Line> drafts = new ArrayList<>();
    Map<String, Batch> toApprove = new LinkedHashMap<>();
    Map<String, Batch> toPublish = new LinkedHashMap<>();
    for (Entry e : pending) {
      Indicator i = byName.get(e.getIndicator());
      if (i == null) {
        continue; // archived since: it takes no new figures
      }
      Line line = line(e, i, names);
      switch (e.getState()) {
        case PUBLICATION_STATE_RETURNED -> {
          if (rights.mayEnter(i)) {
            returned.add(line);
          }
        }
        case PUBLICATION_STATE_DRAFT -> {
          if (rights.mayEnter(i)) {
            drafts.add(line);
          }
        }
        case PUBLICATION_STATE_SUBMITTED -> {
          if (rights.mayApprove(e.getThemeGroup())) {
            batch(toApprove, e.getThemeGroup() + " " + e.getPeriod(), e, names).lines().add(line);
          }
        }
        case PUBLICATION_STATE_APPROVED -> {
          if (rights.mayPublish()) {
            batch(toPublish, e.getPeriod(), e, names).lines().add(line);
          }
        }
        default -> { }
      }
    }

    List<Period> quarters = names.periodsLatestFirst().stream().filter(p -> p.getType() == PeriodType
        .PERIOD_TYPE_QUARTER).toList();
    Period chosen = chosen(period, quarters, names);
    Map<String, Enter> enter = new LinkedHashMap<>();
    mine.stream().sorted(Comparator.comparing((Indicator i) -> names.body(i.getThemeGroup())).thenComparing(
        Indicator::getId)).forEach(i -> enter.computeIfAbsent(i.getThemeGroup(), g -> new Enter(g, g.isEmpty() ? ""
            : g.substring(g.indexOf('/') + 1), g.isEmpty() ? "No theme group" : names.body(g), new ArrayList<>()))
        .indicators().add(i));

    Map<String, Object> model = new HashMap<>();
    model.put("person", rights.person().isEmpty() ? me.name() : names.person(rights.person()));
    model.put("dueShown", due != null);
    model.put("due", due == null ? List.of() : due.dueFor(rights.rights()));
    model.put("returned", returned);
    model.put("drafts", drafts);
    model.put("toApprove", toApprove.values());
    model.put("toPublish", toPublish.values());
    model.put("enter", enter.values());
    model.put("quarters", quarters);
    model.put("chosen", chosen);
    model.put("done", done(done, count, edition) + ("missing".equals(pack) ? " The review pack could not be frozen "
        + "with it now (a service did not answer); the edition's quarterly report stands." : ""));
    model.put("edition", done != null && done.equals("published") && edition != null ? edition : "");
    model.put("requestId", UUID.randomUUID().toString());
    return HttpResponse.ok(pages.html("my-work", visitors.page(request, model), false))
        .contentType(MediaType.TEXT_HTML + ";charset=utf-8");
  }

  private static Line line(Entry e, Indicator i, Directory names) {
    var last = e.getHistoryCount() == 0 ? null : e.getHistory(e.getHistoryCount() - 1);
    return new Line("/" + e.getName(), i.getId(), i.getTitle(), names.period(e.getPeriod()),
        Fmt.INSTANCE.state(e.getState()), String.join(", ", e.getOutturnsList().stream().map(o -> Fmt.INSTANCE.area(
            o.getArea()) + " " + Fmt.INSTANCE.figure(o.getFigure())).toList()),
        last == null ? "" : names.person(last.getBy()), last == null ? "" : Fmt.INSTANCE.when(last.getTime()),
        e.getReturnReason());
  }

  private static Batch batch(Map<String, Batch> batches, String key, Entry e, Directory names) {
    return batches.computeIfAbsent(key, k -> new Batch(e.getThemeGroup(), names.body(e.getThemeGroup()),
        e.getPeriod(), e.getPeriod().substring(e.getPeriod().indexOf('/') + 1), names.period(e.getPeriod()),
        e.getPeriod().matches("periods/.*-q[1-4]"), new ArrayList<>()));
  }

  /** The period My work links returns for: the one asked, else the latest quarter begun by today. */
  private static Period chosen(String asked, List<Period> quarters, Directory names) {
    if (asked != null && !asked.isEmpty()) {
      return names.periodsLatestFirst().stream().filter(p -> p.getId().equals(asked)).findFirst().orElseThrow(
          () -> ApiException.invalid("period", "is no period of the partnership's: choose one from the list, as "
              + "'fy-2007-08-q2'"));
    }
    String today = LocalDate.now().toString();
    return quarters.stream().filter(p -> Fmt.INSTANCE.date(p.getStartDate()).compareTo(today) <= 0).findFirst()
        .orElse(quarters.isEmpty() ? null : quarters.getFirst());
  }

  private static String done(String done, Integer count, String edition) {
    if (done == null) {
      return "";
    }
    String n = count == null ? "The" : String.valueOf(count);
    return switch (done) {
      case "approved" -> n + " returns approved: they now wait for publication.";
      case "published" -> n + " returns published" + (edition == null || edition.isEmpty() ? "." : ", and the "
          + "quarter's edition " + edition + " frozen.");
      default -> "";
    };
  }

  /** Approves every submitted return of a theme group for a period at once (ApproveEntries by selection). */
  @Post(uri = "/my-work/approve", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> approve(Authentication authentication, @Body Map<String, String> form) {
    SignedIn me = SignedIn.required(authentication);
    ApproveEntriesResponse approved = Answers.orPassOn(upstreams.indicatorsAs(me.token()).approveEntries(
        ApproveEntriesRequest.newBuilder().setSelection(EntrySelection.newBuilder().setPeriod(form.getOrDefault(
            "period", "")).setThemeGroup(form.getOrDefault("theme-group", ""))).build()), upstreams.deadline(),
        Upstreams.INDICATORS);
    return HttpResponse.seeOther(URI.create("/my-work?done=approved&count=" + approved.getEntriesCount()));
  }

  /** Publishes every approved return of a period at once and freezes its edition ("Publish the quarter"). */
  @Post(uri = "/my-work/publish", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> publish(Authentication authentication, @Body Map<String, String> form) {
    SignedIn me = SignedIn.required(authentication);
    PublishEntriesResponse published = Answers.orPassOn(upstreams.indicatorsAs(me.token()).publishEntries(
        PublishEntriesRequest.newBuilder().setSelection(EntrySelection.newBuilder().setPeriod(form.getOrDefault(
            "period", ""))).setFreezeEdition(true).setRequestId(form.getOrDefault("request-id", "")).build()),
        upstreams.deadline(), Upstreams.INDICATORS);
    String edition = published.getEdition().replaceFirst("^editions/", "");
    // The review pack of the quarter's year, frozen with its edition as it stands now the quarter is published.
    boolean pack = editions.freezeReviewPack(published.getEdition(),
        ReportPeriod.parse(form.getOrDefault("period", ""), "period").year().toString(), me.token());
    return HttpResponse.seeOther(URI.create("/my-work?done=published&count=" + published.getEntriesCount()
        + "&edition=" + URLEncoder.encode(edition, StandardCharsets.UTF_8) + (pack ? "" : "&pack=missing")));
  }
}
