package org.laasuite.reporting.web;

import io.grpc.Status;
import io.grpc.StatusException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.partnership.v1.CallerRights;
import org.laasuite.partnership.v1.ListRightsRequest;
import org.laasuite.reporting.assembly.LpsaForecasts;
import org.laasuite.reporting.entry.CardFigures;
import org.laasuite.reporting.entry.Directory;
import org.laasuite.reporting.render.Pages;
import org.laasuite.reporting.signin.Visitors;
import org.laasuite.reporting.upstream.Answers;
import org.laasuite.reporting.upstream.Upstreams;
import org.laasuite.reporting.v1.ReportCard;
import org.laasuite.reporting.v1.ReportKind;

/**
 * The pages partners read: the dashboard of the four blocks, block summaries, report cards, commitments' pages, the
 * quarterly report and the review pack, and who may do what; the card and the reports also as PDF ({@code .pdf}). Public, as the
 * partnerships publish them: the same for every reader, whose header alone says who is signed in.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
public class PageController {

  private final Views views;
  private final Pages pages;
  private final Visitors visitors;
  private final Upstreams upstreams;

  private final CardFigures cardFigures;
  private final LpsaForecasts lpsa;
  private final org.laasuite.reporting.assembly.ComparatorReports comparators;

  public PageController(Views views, Pages pages, Visitors visitors, Upstreams upstreams, CardFigures cardFigures,
      LpsaForecasts lpsa, org.laasuite.reporting.assembly.ComparatorReports comparators) {
    this.comparators = comparators;
    this.lpsa = lpsa;
    this.views = views;
    this.pages = pages;
    this.visitors = visitors;
    this.upstreams = upstreams;
    this.cardFigures = cardFigures;
  }

  /**
   * Who may do what in the partnership, and why, person by person, as the partnership service derives it from its
   * governance data (ListRights): public, as the memberships it comes from are.
   */
  @Get(uri = "/rights", produces = MediaType.TEXT_HTML)
  public HttpResponse<String> rights(HttpRequest<?> request) {
    List<CallerRights> people = new ArrayList<>();
    String token = "";
    try {
      do {
        var page = Answers.await(upstreams.partnership().listRights(ListRightsRequest.newBuilder().setPageSize(500)
            .setPageToken(token).build()), upstreams.deadline());
        page.getPeopleList().stream().filter(p -> p.getRightsCount() > 0).forEach(people::add);
        token = page.getNextPageToken();
      } while (!token.isEmpty());
    } catch (StatusException e) {
      throw new ApiException(Status.Code.UNAVAILABLE, "PARTNERSHIP_UNAVAILABLE", "partnership-service cannot say "
          + "now who may do what (" + e.getStatus().getCode() + "); reload to try again", List.of());
    }
    return html(pages.html("rights", visitors.page(request, new HashMap<>(Map.of("people", people))), false));
  }

  @Get(uri = "/", produces = MediaType.TEXT_HTML)
  public HttpResponse<String> dashboard(HttpRequest<?> request, @Nullable @QueryValue String period) {
    return html(pages.html("dashboard", visitors.page(request, Views.reportPage(views.report("quarterly", period))),
        false));
  }

  @Get(uri = "/blocks/{block}", produces = MediaType.TEXT_HTML)
  public HttpResponse<String> block(HttpRequest<?> request, String block, @Nullable @QueryValue String period) {
    return html(views.block(block, period, "html", anonymous(request),
        b -> pages.html("block", visitors.page(request, Views.blockPage(b)), false)));
  }

  /**
   * A report card; online also its figures' revisions and, for a signed-in person who works on them, the figures
   * still on their way to the public, which {@code preview=1} shows on the card, read as them and never cached.
   */
  @Get(uri = "/report-cards/{file}", produces = {MediaType.TEXT_HTML, "application/pdf"})
  public HttpResponse<?> card(HttpRequest<?> request, String file, @Nullable @QueryValue String period,
      @Nullable @QueryValue String preview) {
    boolean pdf = file.endsWith(".pdf");
    String code = pdf ? file.substring(0, file.length() - 4) : file;
    if (pdf) {
      return pdf(views.card(code, period, "pdf", true, c -> pages.pdf("card", Views.cardPage(c, true))),
          "report-card-" + code + ".pdf");
    }
    String token = cardFigures.previewToken(request, preview);
    if (token == null) {
      return html(views.card(code, period, "html", anonymous(request), c -> cardHtml(request, c, null)));
    }
    return html(cardHtml(request, views.card(code, period, token), token))
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
  }

  private String cardHtml(HttpRequest<?> request, ReportCard card, String token) {
    Map<String, Object> model = new HashMap<>(Views.cardPage(card, false));
    model.putAll(cardFigures.model(request, card, token));
    return pages.html("card", visitors.page(request, model), false);
  }

  /**
   * A commitment's page: what it pays for, its spend, the indicators it supports with their judgements, and the
   * decisions and actions about it.
   */
  @Get(uri = "/commitments/{id}", produces = MediaType.TEXT_HTML)
  public HttpResponse<String> commitment(HttpRequest<?> request, String id) {
    return html(views.commitment(id, "html", anonymous(request),
        p -> pages.html("commitment", visitors.page(request, Views.commitmentPage(p)), false)));
  }

  /** Whether nobody is signed in: the page is then the same for every such reader. */
  private boolean anonymous(HttpRequest<?> request) {
    return visitors.of(request).signedIn() == null;
  }

  /**
   * A report for a year or a quarter ({@code period} "2007-08-q2"), or a quarter's edition as it was published
   * ({@code edition} "fy-2007-08-q2-1": its frozen figures, and what was corrected since).
   */
  @Get(uri = "/reports/{file}", produces = {MediaType.TEXT_HTML, "application/pdf"})
  public HttpResponse<?> report(HttpRequest<?> request, String file, @Nullable @QueryValue String period,
      @Nullable @QueryValue String edition) {
    boolean pdf = file.endsWith(".pdf");
    String kind = pdf ? file.substring(0, file.length() - 4) : file;
    var view = views.report(kind, period, edition);
    var report = view.report();
    Map<String, Object> model = new HashMap<>(Views.reportPage(view));
    model.put("names", new Directory(upstreams));
    String template = report.getKind() == ReportKind.REPORT_KIND_REVIEW_PACK ? "review-pack" : "quarterly";
    String of = view.edition() != null ? view.edition().getName().substring("editions/".length())
        : view.period().code();
    return pdf ? pdf(pages.pdf(template, model), kind + "-" + of + ".pdf")
        : html(pages.html(template, visitors.page(request, model), false));
  }

  /** Where the recorded judgements differ from the rule's, theme group by theme group ({@code .pdf} on paper). */
  @Get(uri = "/judgements/{file}", produces = {MediaType.TEXT_HTML, "application/pdf"})
  public HttpResponse<?> disagreements(HttpRequest<?> request, String file,
      @Nullable @QueryValue("theme-group") String themeGroup) {
    boolean pdf = file.equals("disagreements.pdf");
    if (!pdf && !file.equals("disagreements")) {
      throw new org.laasuite.common.grpc.ApiException(io.grpc.Status.Code.NOT_FOUND, "PAGE_NOT_FOUND",
          "/judgements/" + (file.length() > 80 ? file.substring(0, 80) + "..." : file) + " is no page: "
              + "/judgements/disagreements is", java.util.List.of());
    }
    Map<String, Object> model = Views.disagreementsPage(views.disagreements(themeGroup), themeGroup);
    return pdf ? pdf(pages.pdf("disagreements", model), "judgement-disagreements.pdf")
        : html(pages.html("disagreements", visitors.page(request, model), false));
  }

  /** Exit planning: commitments ending within the horizon, which to mainstream first ({@code .pdf} on paper). */
  @Get(uri = "/exit-planning", produces = MediaType.TEXT_HTML)
  public HttpResponse<?> exitPlanning(HttpRequest<?> request, @Nullable @QueryValue("as-of") String asOf,
      @Nullable @QueryValue String horizon) {
    return html(pages.html("exit-planning", visitors.page(request, exitPlanModel(asOf, horizon)), false));
  }

  @Get(uri = "/exit-planning.pdf", produces = "application/pdf")
  public HttpResponse<?> exitPlanningPdf(@Nullable @QueryValue("as-of") String asOf,
      @Nullable @QueryValue String horizon) {
    return pdf(pages.pdf("exit-planning", exitPlanModel(asOf, horizon)), "exit-planning.pdf");
  }

  private Map<String, Object> exitPlanModel(String asOf, String horizon) {
    Map<String, Object> model = new HashMap<>();
    model.put("plan", views.exitPlan(asOf, horizon));
    model.put("asOfAsked", asOf == null ? "" : asOf);
    return model;
  }

  /** The LPSA reward forecast, target by target, with the total of those the rule could be applied to. */
  @Get(uri = "/funding/{file}", produces = {MediaType.TEXT_HTML, "application/pdf"})
  public HttpResponse<?> funding(HttpRequest<?> request, String file, @Nullable @QueryValue String year) {
    boolean pdf = file.endsWith(".pdf");
    String page = pdf ? file.substring(0, file.length() - ".pdf".length()) : file;
    Map<String, Object> model = new HashMap<>();
    String template;
    String printed;
    switch (page) {
      case "lpsa" -> {
        model.put("forecast", lpsa.forecast());
        template = "lpsa";
        printed = "lpsa-reward-forecast";
      }
      case "money-behind-the-red" -> {
        var money = views.moneyBehindTheRed(year);
        model.put("money", money);
        template = "money-behind";
        printed = "money-behind-the-red-" + money.getFinancialYear();
      }
      default -> throw new ApiException(Status.Code.NOT_FOUND, "PAGE_NOT_FOUND", "/funding/"
          + (file.length() > 80 ? file.substring(0, 80) + "..." : file)
          + " is no page: /funding/lpsa and /funding/money-behind-the-red are", List.of());
    }
    return pdf ? pdf(pages.pdf(template, model), printed + ".pdf")
        : html(pages.html(template, visitors.page(request, model), false));
  }

  /** Against comparators: every indicator with comparator figures, its positions and the flag ({@code .pdf}). */
  @Get(uri = "/comparators", produces = MediaType.TEXT_HTML)
  public HttpResponse<?> comparators(HttpRequest<?> request) {
    return html(pages.html("comparators", visitors.page(request, comparatorsModel(false)), false));
  }

  @Get(uri = "/comparators.pdf", produces = "application/pdf")
  public HttpResponse<?> comparatorsPdf() {
    return pdf(pages.pdf("comparators", comparatorsModel(true)), "comparators.pdf");
  }

  private Map<String, Object> comparatorsModel(boolean print) {
    var answer = comparators.read();
    Map<String, Object> model = new HashMap<>();
    model.put("reports", answer);
    model.put("flagged", org.laasuite.reporting.assembly.ComparatorReports.flagged(answer));
    model.put("quartiles", org.laasuite.reporting.assembly.ComparatorReports.quartiles(answer));
    model.put("lineLimit", print ? Views.PRINTED_LINE : Integer.MAX_VALUE);
    return model;
  }

  private static MutableHttpResponse<String> html(String body) {
    return HttpResponse.ok(body).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8");
  }

  private static HttpResponse<byte[]> pdf(byte[] body, String filename) {
    return HttpResponse.ok(body).contentType("application/pdf")
        .header("Content-Disposition", "inline; filename=\"" + filename + "\"");
  }
}
