package org.laasuite.reporting.opendata;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.laasuite.funding.v1.GetFundingSummaryRequest;
import org.laasuite.funding.v1.ListCommitmentsRequest;
import org.laasuite.reporting.assembly.Assembler;
import org.laasuite.reporting.upstream.Answers;
import org.laasuite.reporting.upstream.Paging;
import org.laasuite.reporting.upstream.Upstreams;

/**
 * The partnership's open data, for anyone (no sign-in): its money as a 360Giving package ({@code
 * /open-data/360giving.json}) and in 360Giving's spreadsheet form ({@code /open-data/360giving.csv}), its
 * governance as Popolo ({@code /open-data/popolo.json}). Read from the services as the caller ({@link Upstreams}):
 * an anonymous reader sees what the services publish. The financial year is {@code year} ("2007-08"), else the
 * configured one.
 */
@Controller("/open-data")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
public class OpenDataController {

  /** The spreadsheet's columns, titled as 360Giving's flattened form titles them. */
  static final List<String> COLUMNS = List.of("Identifier", "Title", "Description", "Currency", "Amount Awarded",
      "Award Date", "Planned Dates:Start Date", "Planned Dates:End Date", "Recipient Org:Identifier",
      "Recipient Org:Name", "Recipient Org:Charity Number", "Recipient Org:Company Number", "Funding Org:Identifier",
      "Funding Org:Name", "Grant Programme:Title", "Classifications:Vocabulary", "Classifications:Code",
      "Classifications:Title");

  private final Upstreams upstreams;
  private final GovernanceReads governance;
  private final Assembler assembler;
  private final OpenDataSettings settings;
  private final JsonMapper json;

  public OpenDataController(Upstreams upstreams, GovernanceReads governance, Assembler assembler,
      OpenDataSettings settings, JsonMapper json) {
    this.upstreams = upstreams;
    this.governance = governance;
    this.assembler = assembler;
    this.settings = settings;
    this.json = json;
  }

  @Get(uri = "/360giving.json", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<String> grantsJson(@Nullable @QueryValue String year) {
    Grants g = grants(year);
    Map<String, Object> pack = Fields.object().with("grants", g.grants()).with("version", ThreeSixtyGiving.VERSION)
        .with("title", settings.publisher() + ": grants of the Local Area Agreement, " + g.year())
        .with("identifier", settings.prefix() + "-" + g.year()).with("issued", LocalDate.now().toString())
        .with("publisher", Fields.object().with("name", settings.publisher()).with("identifier", g.funderId()))
        .with("license", settings.licenceUrl());
    return HttpResponse.ok(write(pack)).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  @Get(uri = "/360giving.csv", produces = "text/csv")
  public HttpResponse<String> grantsCsv(@Nullable @QueryValue String year) {
    Grants g = grants(year);
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new))
        .get())) {
      for (Fields grant : g.grants()) {
        csv.printRecord(row(grant));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HttpResponse.ok(out.toString()).contentType("text/csv; charset=utf-8")
        .header("Link", "<" + settings.licenceUrl() + ">; rel=\"license\"");
  }

  @Get(uri = "/popolo.json", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<String> popolo() {
    return HttpResponse.ok(write(Popolo.document(governance.read(), settings.licenceUrl(), settings.publisher())))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  private record Grants(String year, List<Fields> grants, String funderId) {
  }

  private Grants grants(String asked) {
    String year = assembler.year(asked, "year");
    var summary = upstreams.funding().getFundingSummary(GetFundingSummaryRequest.newBuilder().setFinancialYear(year)
        .build());
    var commitments = Paging.all(t -> upstreams.funding().listCommitments(ListCommitmentsRequest.newBuilder()
        .setPageSize(Paging.PAGE).setPageToken(t).build()), r -> r.getCommitmentsList(), r -> r.getNextPageToken());
    var organisations = governance.organisations();
    ThreeSixtyGiving giving = new ThreeSixtyGiving(settings.prefix(), settings.publisher(), organisations);
    List<Fields> grants = giving.grants(Answers.orPassOn(summary, upstreams.deadline(), Upstreams.FUNDING),
        Answers.orPassOn(commitments, upstreams.deadline().multipliedBy(4), Upstreams.FUNDING), organisations);
    return new Grants(year, grants, giving.funderId());
  }

  @SuppressWarnings("unchecked")
  private static List<Object> row(Fields grant) {
    Map<String, Object> recipient = first(grant.get("recipientOrganization"));
    Map<String, Object> funder = first(grant.get("fundingOrganization"));
    Map<String, Object> planned = first(grant.get("plannedDates"));
    Map<String, Object> programme = first(grant.get("grantProgramme"));
    Map<String, Object> classification = first(grant.get("classifications"));
    return List.of(grant.get("id"), grant.get("title"), grant.get("description"), grant.get("currency"),
        ((java.math.BigDecimal) grant.get("amountAwarded")).toPlainString(), grant.get("awardDate"),
        cell(planned, "startDate"), cell(planned, "endDate"), cell(recipient, "id"), cell(recipient, "name"),
        cell(recipient, "charityNumber"), cell(recipient, "companyNumber"), cell(funder, "id"), cell(funder, "name"),
        cell(programme, "title"), cell(classification, "vocabulary"), cell(classification, "code"),
        cell(classification, "title"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> first(Object list) {
    return list instanceof List<?> l && !l.isEmpty() ? (Map<String, Object>) l.getFirst() : Map.of();
  }

  private static Object cell(Map<String, Object> object, String key) {
    Object v = object.get(key);
    return v == null ? "" : v;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
