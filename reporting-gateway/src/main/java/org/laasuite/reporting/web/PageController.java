package org.laasuite.reporting.web;

import io.grpc.Status;
import io.grpc.StatusException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
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
import org.laasuite.reporting.render.Pages;
import org.laasuite.reporting.signin.Visitors;
import org.laasuite.reporting.upstream.Answers;
import org.laasuite.reporting.upstream.Upstreams;
import org.laasuite.reporting.v1.ReportKind;

/**
 * The pages partners read: the dashboard of the four blocks, block summaries, report cards, the
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

  public PageController(Views views, Pages pages, Visitors visitors, Upstreams upstreams) {
    this.views = views;
    this.pages = pages;
    this.visitors = visitors;
    this.upstreams = upstreams;
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
    return html(pages.html("block", visitors.page(request, Views.blockPage(views.block(block, period))), false));
  }

  @Get(uri = "/report-cards/{file}", produces = {MediaType.TEXT_HTML, "application/pdf"})
  public HttpResponse<?> card(HttpRequest<?> request, String file, @Nullable @QueryValue String period) {
    boolean pdf = file.endsWith(".pdf");
    String code = pdf ? file.substring(0, file.length() - 4) : file;
    var model = Views.cardPage(views.card(code, period), pdf);
    return pdf ? pdf(pages.pdf("card", model), "report-card-" + code + ".pdf")
        : html(pages.html("card", visitors.page(request, model), false));
  }

  @Get(uri = "/reports/{file}", produces = {MediaType.TEXT_HTML, "application/pdf"})
  public HttpResponse<?> report(HttpRequest<?> request, String file, @Nullable @QueryValue String period) {
    boolean pdf = file.endsWith(".pdf");
    String kind = pdf ? file.substring(0, file.length() - 4) : file;
    var report = views.report(kind, period);
    var model = Views.reportPage(report);
    String template = report.getKind() == ReportKind.REPORT_KIND_REVIEW_PACK ? "review-pack" : "quarterly";
    return pdf ? pdf(pages.pdf(template, model), kind + "-" + report.getFinancialYear() + ".pdf")
        : html(pages.html(template, visitors.page(request, model), false));
  }

  private static HttpResponse<String> html(String body) {
    return HttpResponse.ok(body).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8");
  }

  private static HttpResponse<byte[]> pdf(byte[] body, String filename) {
    return HttpResponse.ok(body).contentType("application/pdf")
        .header("Content-Disposition", "inline; filename=\"" + filename + "\"");
  }
}
