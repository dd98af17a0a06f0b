package org.laasuite.indicators.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laasuite.indicators.v1.*;
import org.laasuite.testkit.OwnDatabaseTest;
import org.laasuite.testkit.SqlStatementCounter;
import org.laasuite.type.v1.LaaBlock;

/**
 * Reports as the gateway reads them: two statements whatever the number of indicators, and only the figures a report
 * shows (here the outturns of an indicator's latest three periods, the rest counted), the judgement, trend and gap
 * made from the latest of them.
 */
@MicronautTest(transactional = false)
class ReportsTest extends OwnDatabaseTest {

  private static final List<String> YEARS = List.of("fy-2002-03", "fy-2003-04", "fy-2004-05", "fy-2005-06",
      "fy-2006-07", "fy-2007-08");
  private static final List<String> AREAS = List.of("city", "priority-neighbourhoods", "rest-of-city");

  @Inject
  IndicatorServiceGrpc.IndicatorServiceBlockingStub client;
  @Inject
  SqlStatementCounter statements;
  @Inject
  javax.sql.DataSource dataSource;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = super.getProperties();
    p.put("laa.test.count-sql", "true");
    p.put("laa.reports.outturn-periods", "3");
    return p;
  }

  @BeforeAll
  void placesAndPeriods() {
    for (String area : AREAS) {
      client.createArea(CreateAreaRequest.newBuilder().setArea(Area.newBuilder().setId(area).setTitle(area)
          .setType(area.equals("city") ? AreaType.AREA_TYPE_CITY : area.startsWith("priority")
              ? AreaType.AREA_TYPE_PRIORITY_NEIGHBOURHOODS : AreaType.AREA_TYPE_REST_OF_CITY)).build());
    }
    client.createArea(CreateAreaRequest.newBuilder().setArea(Area.newBuilder().setId("foleshill").setTitle("Foleshill")
        .setType(AreaType.AREA_TYPE_WARD)).build());
    for (int y = 2002; y <= 2007; y++) {
      client.createPeriod(CreatePeriodRequest.newBuilder().setPeriod(Period.newBuilder()
          .setId("fy-" + y + "-" + String.format("%02d", (y + 1) % 100)).setType(PeriodType.PERIOD_TYPE_FINANCIAL_YEAR)
          .setStartDate(Fixtures.date(y, 4, 1)).setEndDate(Fixtures.date(y + 1, 3, 31)).setLabel(y + "-" + (y + 1)))
          .build());
    }
  }

  private void indicator(String code, LaaBlock block) {
    client.createIndicator(CreateIndicatorRequest.newBuilder().setIndicator(Indicator.newBuilder().setId(code)
        .setTitle("Test " + code).setBlock(block).setPolarity(Polarity.POLARITY_HIGHER_IS_BETTER)
        .setFrequency(Frequency.FREQUENCY_ANNUAL)).build());
  }

  /**
   * Published outturns of {@code code} in every year and area: the city's value is the year's index (0 to 5), the
   * priority neighbourhoods' twice it, the rest of the city's 10; the latest year's city figure corrected to 9.
   */
  private void yearsOfFigures(String code) throws Exception {
    db.execute("""
        INSERT INTO outturn (indicator_id, period_id, area_id, figure_value, figure_comparator, figure_status,
          figure_original_text, status, create_time, revision, current, state, publish_time)
        SELECT i.id, p.id, a.id, v.value, 'COMPARATOR_EQUAL', 'FIGURE_STATUS_VALUE', v.value::text,
          'OUTTURN_STATUS_FINAL', now(), 1, NOT (a.code = 'city' AND p.code = 'fy-2007-08'),
          'PUBLICATION_STATE_PUBLISHED', now()
        FROM indicator i, area a, period p,
          LATERAL (SELECT CASE a.code WHEN 'city' THEN extract(YEAR FROM p.start_date) - 2002
                                      WHEN 'rest-of-city' THEN 10
                                      ELSE 2 * (extract(YEAR FROM p.start_date) - 2002) END AS value) v
        WHERE i.code = '%s' AND a.code IN ('city', 'priority-neighbourhoods', 'rest-of-city')""".formatted(code),
        """
        INSERT INTO outturn (indicator_id, period_id, area_id, figure_value, figure_comparator, figure_status,
          figure_original_text, status, create_time, revision, supersedes_id, current, state, publish_time)
        SELECT o.indicator_id, o.period_id, o.area_id, 9, 'COMPARATOR_EQUAL', 'FIGURE_STATUS_VALUE', '9',
          'OUTTURN_STATUS_FINAL', now(), 2, o.id, TRUE, 'PUBLICATION_STATE_PUBLISHED', now()
        FROM outturn o JOIN indicator i ON i.id = o.indicator_id JOIN area a ON a.id = o.area_id
          JOIN period p ON p.id = o.period_id
        WHERE i.code = '%s' AND a.code = 'city' AND p.code = 'fy-2007-08'""".formatted(code));
  }

  private IndicatorReport report(String code, FigureView view) {
    return client.batchGetIndicatorReports(BatchGetIndicatorReportsRequest.newBuilder().addNames("indicators/" + code)
        .setView(view).build()).getReports(0);
  }

  @Test
  void aReportCarriesTheOutturnsOfItsLatestPeriodsAndCountsTheEarlierOnes() throws Exception {
    indicator("R-LONG", LaaBlock.LAA_BLOCK_HEALTHIER_COMMUNITIES_AND_OLDER_PEOPLE);
    yearsOfFigures("R-LONG");

    IndicatorReport r = report("R-LONG", FigureView.FIGURE_VIEW_PUBLISHED);
    assertEquals(List.of("periods/fy-2005-06", "periods/fy-2006-07", "periods/fy-2007-08"),
        r.getOutturnsList().stream().map(Outturn::getPeriod).distinct().toList(), "the latest three periods");
    assertEquals(9, r.getOutturnsCount(), "every area of each: " + r.getOutturnsList());
    assertTrue(r.getEarlierOutturns(), "three earlier years are left out");
    assertEquals(List.of("periods/fy-2005-06", "periods/fy-2006-07", "periods/fy-2007-08"),
        r.getPeriodsList().stream().map(Period::getName).toList(), "only the periods the report names");
    assertEquals("9", r.getOutturnsList().stream().filter(o -> o.getArea().equals("areas/city")
        && o.getPeriod().equals("periods/fy-2007-08")).findFirst().orElseThrow().getFigure().getValue().getValue(),
        "the city's corrected figure, not the one it superseded");
    assertEquals(Direction.DIRECTION_IMPROVING, r.getTrend().getDirection(), "4 in 2006-07, then 9: " + r.getTrend());
    assertEquals("periods/fy-2007-08", r.getComputedJudgement().getPeriod(), r.getComputedJudgement().toString());
    assertEquals(GapDirection.GAP_DIRECTION_NARROWING, r.getGap().getDirection(), "8 against 10, then 10 against 10: "
        + r.getGap());

    ListOutturnsResponse all = client.listOutturns(ListOutturnsRequest.newBuilder().setParent("indicators/R-LONG")
        .setPageSize(100).build());
    assertEquals(r.getOutturnsCount() + 9, all.getOutturnsCount(),
        "the carried and the three areas of each earlier year are every current published outturn");
  }

  @Test
  void theLatestViewCarriesPendingRevisionsOfTheSamePeriods() throws Exception {
    indicator("R-PENDING", LaaBlock.LAA_BLOCK_HEALTHIER_COMMUNITIES_AND_OLDER_PEOPLE);
    yearsOfFigures("R-PENDING");
    db.execute("""
        UPDATE outturn SET current = FALSE WHERE current AND revision = 2
          AND indicator_id = (SELECT id FROM indicator WHERE code = 'R-PENDING')""", """
        INSERT INTO outturn (indicator_id, period_id, area_id, figure_value, figure_comparator, figure_status,
          figure_original_text, status, create_time, revision, supersedes_id, current, state)
        SELECT o.indicator_id, o.period_id, o.area_id, 11, 'COMPARATOR_EQUAL', 'FIGURE_STATUS_VALUE', '11',
          'OUTTURN_STATUS_PROVISIONAL', now(), 3, o.id, TRUE, 'PUBLICATION_STATE_DRAFT'
        FROM outturn o WHERE o.revision = 2 AND o.indicator_id = (SELECT id FROM indicator WHERE code = 'R-PENDING')
        """);

    IndicatorReport published = report("R-PENDING", FigureView.FIGURE_VIEW_PUBLISHED);
    IndicatorReport latest = report("R-PENDING", FigureView.FIGURE_VIEW_LATEST);
    java.util.function.Function<IndicatorReport, String> city2007 = r -> r.getOutturnsList().stream()
        .filter(o -> o.getArea().equals("areas/city") && o.getPeriod().equals("periods/fy-2007-08")).findFirst()
        .orElseThrow().getFigure().getValue().getValue();
    assertEquals("9", city2007.apply(published), "the public sees the published correction");
    assertEquals("11", city2007.apply(latest), "the owner sees the draft");
    assertEquals(9, latest.getOutturnsCount());
    assertTrue(latest.getEarlierOutturns());
  }

  @Test
  void aReportOfFewPeriodsCarriesThemAllAndNamesOnlyWhatItShows() {
    indicator("R-SHORT", LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE);
    client.createOutturn(CreateOutturnRequest.newBuilder().setParent("indicators/R-SHORT").setOutturn(Outturn
        .newBuilder().setPeriod("periods/fy-2006-07").setFigure(Figure.newBuilder().setOriginalText("12"))).build());
    IndicatorReport r = report("R-SHORT", FigureView.FIGURE_VIEW_LATEST);
    assertEquals(1, r.getOutturnsCount());
    assertFalse(r.getEarlierOutturns());
    assertEquals(List.of("periods/fy-2006-07"), r.getPeriodsList().stream().map(Period::getName).toList());
    assertFalse(report("R-SHORT", FigureView.FIGURE_VIEW_PUBLISHED).getOutturnsCount() > 0,
        "nothing published yet");
  }

  @Test
  void aPageOfReportsTakesTwoStatementsForOneIndicatorOrTwenty() throws Exception {
    LaaBlock block = LaaBlock.LAA_BLOCK_ECONOMIC_DEVELOPMENT_AND_ENTERPRISE;
    ListIndicatorReportsRequest read = ListIndicatorReportsRequest.newBuilder().setBlock(block).setPageSize(500)
        .build();
    indicator("R-PAGE-0", block);
    yearsOfFigures("R-PAGE-0");
    statements.reset();
    var one = client.listIndicatorReports(read);
    long forOne = statements.count();
    for (int i = 1; i < 20; i++) {
      indicator("R-PAGE-" + i, block);
      yearsOfFigures("R-PAGE-" + i);
    }
    statements.reset();
    var twenty = client.listIndicatorReports(read);
    long forTwenty = statements.count();
    assertEquals(1, one.getReportsCount());
    assertEquals(20, twenty.getReportsCount());
    assertEquals(20, twenty.getTotalSize());
    assertTrue(twenty.getReportsList().stream().allMatch(r -> r.getOutturnsCount() == 9), "every one's figures");
    assertEquals(forOne, forTwenty, "statements for 1 indicator: " + forOne + ", for 20: " + forTwenty);
    assertTrue(forTwenty <= 2, "at most 2 statements, was " + forTwenty);

    statements.reset();
    var page = client.listIndicatorReports(read.toBuilder().setPageSize(7).build());
    assertTrue(statements.count() <= 2, "a full page too, was " + statements.count());
    assertEquals(20, page.getTotalSize());
    assertEquals(7, page.getReportsCount());
    assertFalse(page.getNextPageToken().isEmpty());
    statements.reset();
    var many = client.batchGetIndicatorReports(BatchGetIndicatorReportsRequest.newBuilder().addAllNames(
        IntStream.range(0, 20).mapToObj(i -> "indicators/R-PAGE-" + i).toList()).build());
    assertEquals(20, many.getReportsCount());
    assertTrue(statements.count() <= 2, "a batch read too, was " + statements.count());
  }

  @Test
  void theServiceConnectsWithoutJit() throws Exception {
    // With millions of figures PostgreSQL would otherwise compile a report's statement for seconds.
    var pool = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource);
    try (var c = pool.getConnection(); var rs = c.createStatement().executeQuery("SHOW jit")) {
      assertTrue(rs.next());
      assertEquals("off", rs.getString(1));
    }
  }

  @Test
  void aReadMaskAnswersOnlyTheFieldsItNamesWithTheJudgementsMadeFromEveryFigure() throws Exception {
    indicator("R-MASKED", LaaBlock.LAA_BLOCK_SAFER_AND_STRONGER_COMMUNITIES);
    yearsOfFigures("R-MASKED");
    IndicatorReport full = report("R-MASKED", FigureView.FIGURE_VIEW_PUBLISHED);
    IndicatorReport masked = client.listIndicatorReports(ListIndicatorReportsRequest.newBuilder()
        .setBlock(LaaBlock.LAA_BLOCK_SAFER_AND_STRONGER_COMMUNITIES).setReadMask(com.google.protobuf.FieldMask
            .newBuilder().addPaths("indicator").addPaths("computed_judgement").addPaths("trend").addPaths("gap"))
        .build()).getReportsList().stream().filter(r -> r.getIndicator().getId().equals("R-MASKED")).findFirst()
        .orElseThrow();
    assertEquals(full.getComputedJudgement(), masked.getComputedJudgement());
    assertEquals(full.getTrend(), masked.getTrend());
    assertEquals(full.getGap(), masked.getGap());
    assertEquals(0, masked.getOutturnsCount(), "no figures");
    assertEquals(0, masked.getPeriodsCount());
    assertFalse(masked.getEarlierOutturns());

    org.laasuite.testkit.GrpcErrors.expectInvalid(() -> client.listIndicatorReports(ListIndicatorReportsRequest
        .newBuilder().setReadMask(com.google.protobuf.FieldMask.newBuilder().addPaths("figures")).build()),
        "read_mask");
  }

  /** Did the action turn the curve: the city's figures before a day and since, in one call, precise refusals. */
  @Test
  void theTrendAroundADayIsAnsweredForEachQuestionInOrder() throws Exception {
    indicator("R-AROUND", LaaBlock.LAA_BLOCK_ECONOMIC_DEVELOPMENT_AND_ENTERPRISE);
    yearsOfFigures("R-AROUND"); // the city: 0, 1, 2, 3, 4 for 2002-03 to 2006-07, then 9 for 2007-08
    var answer = client.batchGetTrendsAround(BatchGetTrendsAroundRequest.newBuilder()
        .addQuestions(TrendQuestion.newBuilder().setIndicator("indicators/R-AROUND").setAt(Fixtures.date(2007, 8, 22)))
        .addQuestions(TrendQuestion.newBuilder().setIndicator("indicators/R-AROUND").setAt(Fixtures.date(2002, 8, 1)))
        .build());
    assertEquals(2, answer.getAnswersCount());
    TrendAround first = answer.getAnswers(0);
    assertEquals("indicators/R-AROUND", first.getIndicator());
    assertEquals(Direction.DIRECTION_IMPROVING, first.getBefore().getDirection());
    assertEquals("periods/fy-2006-07", first.getBefore().getPeriod());
    assertEquals(Direction.DIRECTION_IMPROVING, first.getSince().getDirection());
    assertEquals("periods/fy-2007-08", first.getSince().getPeriod());
    assertEquals("5", first.getSince().getChange().getValue(), "9 since against 4 before");
    assertFalse(first.getTurned());
    assertEquals(Direction.DIRECTION_UNKNOWN, answer.getAnswers(1).getBefore().getDirection(), "nothing before");

    var bad = assertThrows(io.grpc.StatusRuntimeException.class, () -> client.batchGetTrendsAround(
        BatchGetTrendsAroundRequest.newBuilder().addQuestions(TrendQuestion.newBuilder().setIndicator("R-AROUND"))
            .build()));
    assertEquals(io.grpc.Status.Code.INVALID_ARGUMENT, bad.getStatus().getCode());
    var fields = io.grpc.protobuf.StatusProto.fromThrowable(bad).getDetailsList().stream()
        .filter(d -> d.is(com.google.rpc.BadRequest.class)).map(d -> {
          try {
            return d.unpack(com.google.rpc.BadRequest.class);
          } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
          }
        }).flatMap(b -> b.getFieldViolationsList().stream()).map(v -> v.getField()).toList();
    assertEquals(List.of("questions[0].indicator", "questions[0].at"), fields);
    var none = assertThrows(io.grpc.StatusRuntimeException.class, () -> client.batchGetTrendsAround(
        BatchGetTrendsAroundRequest.getDefaultInstance()));
    assertEquals(io.grpc.Status.Code.INVALID_ARGUMENT, none.getStatus().getCode());
    var unknown = assertThrows(io.grpc.StatusRuntimeException.class, () -> client.batchGetTrendsAround(
        BatchGetTrendsAroundRequest.newBuilder().addQuestions(TrendQuestion.newBuilder()
            .setIndicator("indicators/NO-SUCH").setAt(Fixtures.date(2007, 8, 22))).build()));
    assertEquals(io.grpc.Status.Code.NOT_FOUND, unknown.getStatus().getCode());
  }
}
