package org.laasuite.reporting.web;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.laasuite.reporting.assembly.LpsaForecasts;

/**
 * The JSON API: the same model as the pages and the gRPC ReportingService, in the proto3 JSON
 * mapping (lowerCamelCase fields, enums by name, every field present). Described at /openapi. Public; a bearer
 * token it is sent is checked ({@link BearerTokens}).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
public class ApiController {

  private static final JsonFormat.Printer JSON = JsonFormat.printer().includingDefaultValueFields();

  private final Views views;
  private final LpsaForecasts lpsa;
  private final org.laasuite.reporting.assembly.ComparatorReports comparators;
  private final byte[] openApi;

  public ApiController(Views views, LpsaForecasts lpsa,
      org.laasuite.reporting.assembly.ComparatorReports comparators) {
    this.comparators = comparators;
    this.views = views;
    this.lpsa = lpsa;
    try (InputStream in = ApiController.class.getResourceAsStream("/openapi.yaml")) {
      this.openApi = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Get(uri = "/api/v1/report-cards/{code}", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<String> card(String code, @Nullable @QueryValue String period) {
    return json(views.card(code, period, "json", true, ApiController::print));
  }

  @Get(uri = "/api/v1/commitments/{id}", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<String> commitment(String id) {
    return json(views.commitment(id, "json", true, ApiController::print));
  }

  @Get(uri = "/api/v1/blocks/{block}", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<String> block(String block, @Nullable @QueryValue String period) {
    return json(views.block(block, period, "json", true, ApiController::print));
  }

  @Get(uri = "/api/v1/reports/{kind}", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<String> report(String kind, @Nullable @QueryValue String period,
      @Nullable @QueryValue String edition) {
    return json(views.report(kind, period, edition).report());
  }

  @Get(uri = "/api/v1/judgement-disagreements", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<String> disagreements(@Nullable @QueryValue("theme-group") String themeGroup) {
    return json(views.disagreements(themeGroup));
  }

  @Get(uri = "/api/v1/exit-plan", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<String> exitPlan(@Nullable @QueryValue("as-of") String asOf,
      @Nullable @QueryValue String horizon) {
    return json(views.exitPlan(asOf, horizon));
  }

  /** The money behind the red (docs/money-behind-the-red.md) of the year asked, else the gateway's year. */
  @Get(uri = "/api/v1/money-behind-the-red", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<String> moneyBehindTheRed(@Nullable @QueryValue String year) {
    return json(views.moneyBehindTheRed(year));
  }

  /** The LPSA reward forecast (docs/lpsa-reward.md): each stretch target's reward payable, or why it is not known. */
  @Get(uri = "/api/v1/lpsa-reward-forecast", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<String> lpsaRewardForecast() {
    return json(lpsa.forecast());
  }

  /** Against comparators (docs/comparators.md): the reports of the indicators with comparator figures. */
  @Get(uri = "/api/v1/comparators", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<String> comparators() {
    return json(comparators.read());
  }

  @Get(uri = "/openapi", produces = "application/yaml")
  public HttpResponse<byte[]> openApi() {
    return HttpResponse.ok(openApi).contentType("application/yaml");
  }

  private static HttpResponse<String> json(MessageOrBuilder message) {
    return json(print(message));
  }

  private static HttpResponse<String> json(String body) {
    return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  private static String print(MessageOrBuilder message) {
    try {
      return JSON.print(message);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }
}
