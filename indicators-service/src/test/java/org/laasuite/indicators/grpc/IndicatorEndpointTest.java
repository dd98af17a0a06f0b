package org.laasuite.indicators.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laasuite.testkit.GrpcErrors.expect;
import static org.laasuite.testkit.GrpcErrors.expectInvalid;

import com.google.protobuf.FieldMask;
import com.google.type.Decimal;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.grpc.server.GrpcServerChannel;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.indicators.v1.*;
import org.laasuite.testkit.SqlStatementCounter;
import org.laasuite.testkit.TestDatabase;
import org.laasuite.type.v1.LaaBlock;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorEndpointTest implements TestPropertyProvider {

  private final TestDatabase db = TestDatabase.forClass(IndicatorEndpointTest.class);

  @Inject
  IndicatorServiceGrpc.IndicatorServiceBlockingStub client;
  @Inject
  IndicatorServiceGrpc.IndicatorServiceStub asyncClient;
  @Inject
  @GrpcChannel(GrpcServerChannel.NAME)
  ManagedChannel channel;
  @Inject
  SqlStatementCounter statements;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = OtherServices.with(db.serviceProperties()); // a delete asks them what names it
    p.put("laa.test.count-sql", "true");
    return p;
  }

  @BeforeAll
  void placesAndPeriods() {
    client.createArea(CreateAreaRequest.newBuilder().setArea(Area.newBuilder().setId("city")
        .setTitle("Coventry").setType(AreaType.AREA_TYPE_CITY)).build());
    client.createArea(CreateAreaRequest.newBuilder().setArea(Area.newBuilder().setId("priority-neighbourhoods")
        .setTitle("Priority neighbourhoods").setType(AreaType.AREA_TYPE_PRIORITY_NEIGHBOURHOODS)).build());
    client.createArea(CreateAreaRequest.newBuilder().setArea(Area.newBuilder().setId("rest-of-city")
        .setTitle("Rest of the city").setType(AreaType.AREA_TYPE_REST_OF_CITY)).build());
    for (int y = 2004; y <= 2008; y++) {
      client.createPeriod(CreatePeriodRequest.newBuilder().setPeriod(Period.newBuilder()
          .setId("fy-" + y + "-" + String.format("%02d", (y + 1) % 100)).setType(PeriodType.PERIOD_TYPE_FINANCIAL_YEAR)
          .setStartDate(Fixtures.date(y, 4, 1)).setEndDate(Fixtures.date(y + 1, 3, 31)).setLabel(y + "-" + (y + 1))).build());
    }
    client.createPeriod(CreatePeriodRequest.newBuilder().setPeriod(Period.newBuilder().setId("fy-2006-07-q1")
        .setType(PeriodType.PERIOD_TYPE_QUARTER).setStartDate(Fixtures.date(2006, 4, 1)).setEndDate(Fixtures.date(2006, 6, 30))
        .setLabel("Q1 2006-07")).build());
  }


  private static Decimal dec(String s) {
    return Decimal.newBuilder().setValue(s).build();
  }

  private static Indicator.Builder neet(String code) {
    return Indicator.newBuilder().setId(code)
        .setTitle("Percentage of 16-18 year olds not in education employment or in training (neet)")
        .setBlock(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE).setPolarity(Polarity.POLARITY_LOWER_IS_BETTER).setUnits("%")
        .setThemeGroup("bodies/children-and-young-persons-strategic-partnership");
  }

  private Indicator create(Indicator.Builder i) {
    return client.createIndicator(CreateIndicatorRequest.newBuilder().setIndicator(i).build());
  }

  @Test
  void anIndicatorIsCreatedReadUpdatedAndDeleted() {
    Indicator created = create(neet("T-LIFE").setAmberTolerance(dec("0.5")));
    assertEquals("indicators/T-LIFE", created.getName());
    assertEquals(IndicatorSource.INDICATOR_SOURCE_LOCAL, created.getSource(), "source defaults to local");
    assertTrue(created.hasCreateTime());
    assertEquals(created, client.getIndicator(GetIndicatorRequest.newBuilder().setName("indicators/T-LIFE").build()));

    Indicator updated = client.updateIndicator(UpdateIndicatorRequest.newBuilder()
        .setIndicator(Indicator.newBuilder().setName("indicators/T-LIFE").setTitle("NEET (16-18)")
            .setUnits("ignored: not in the mask"))
        .setUpdateMask(FieldMask.newBuilder().addPaths("title").addPaths("amber_tolerance")).build());
    assertEquals("NEET (16-18)", updated.getTitle());
    assertEquals("%", updated.getUnits(), "fields outside the mask are kept");
    assertFalse(updated.hasAmberTolerance(), "a masked message field left unset is cleared");

    client.deleteIndicator(DeleteIndicatorRequest.newBuilder().setName("indicators/T-LIFE").build());
    expect(Status.Code.NOT_FOUND,
        () -> client.getIndicator(GetIndicatorRequest.newBuilder().setName("indicators/T-LIFE").build()));
  }

  @Test
  void listingFiltersByBlockAndPagesWithTokens() {
    IntStream.range(0, 5).forEach(i -> create(neet("T-PAGE-" + i)));
    create(neet("T-PAGE-SSC").setBlock(LaaBlock.LAA_BLOCK_SAFER_AND_STRONGER_COMMUNITIES));
    var first = client.listIndicators(ListIndicatorsRequest.newBuilder()
        .setBlock(LaaBlock.LAA_BLOCK_SAFER_AND_STRONGER_COMMUNITIES).build());
    assertTrue(first.getIndicatorsList().stream()
        .allMatch(i -> i.getBlock() == LaaBlock.LAA_BLOCK_SAFER_AND_STRONGER_COMMUNITIES));
    assertTrue(first.getIndicatorsList().stream().anyMatch(i -> i.getId().equals("T-PAGE-SSC")));

    var all = new java.util.ArrayList<String>();
    String token = "";
    do {
      var page = client.listIndicators(ListIndicatorsRequest.newBuilder().setPageSize(2).setPageToken(token)
          .setBlock(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE).build());
      assertTrue(page.getIndicatorsCount() <= 2);
      page.getIndicatorsList().forEach(i -> all.add(i.getId()));
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    assertTrue(all.containsAll(List.of("T-PAGE-0", "T-PAGE-1", "T-PAGE-2", "T-PAGE-3", "T-PAGE-4")));
    assertEquals(all.size(), all.stream().distinct().count(), "no indicator on two pages");

    String cypToken = client.listIndicators(ListIndicatorsRequest.newBuilder().setPageSize(1)
        .setBlock(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE).build()).getNextPageToken();
    expectInvalid(() -> client.listIndicators(ListIndicatorsRequest.newBuilder().setPageToken(cypToken)
        .setBlock(LaaBlock.LAA_BLOCK_SAFER_AND_STRONGER_COMMUNITIES).build()), "page_token");
  }

  @Test
  void badIndicatorsAreRejectedFieldByFieldAndNothingIsWritten() throws Exception {
    long before = db.rows("indicator");
    expectInvalid(() -> create(neet("T-BAD").setBlockValue(99)), "indicator.block");
    expectInvalid(() -> create(neet("T-BAD").setTitle("x".repeat(2_000_000))), "indicator.title");
    expectInvalid(() -> create(neet("T-BAD").setAmberTolerance(dec("NaN"))), "indicator.amber_tolerance");
    expectInvalid(() -> create(neet("T-BAD").setAmberTolerance(dec("Infinity"))), "indicator.amber_tolerance");
    expectInvalid(() -> create(neet("bad code!").setPolarity(Polarity.POLARITY_UNSPECIFIED).setTitle("")),
        "indicator.id", "indicator.polarity", "indicator.title");
    expectInvalid(() -> create(neet("T-BAD").setThemeGroup("Children's partnership")), "indicator.theme_group");
    assertEquals(before, db.rows("indicator"));

    Indicator dup = create(neet("T-DUP"));
    assertEquals(dup, create(neet("T-DUP")), "a retry of the same create answers the indicator");
    var status = expect(Status.Code.ALREADY_EXISTS, () -> create(neet("T-DUP").setUnits("people")));
    assertEquals("INDICATOR_ALREADY_EXISTS", org.laasuite.testkit.GrpcErrors.errorInfo(status).getReason());
    assertEquals("indicators.laasuite.org", org.laasuite.testkit.GrpcErrors.errorInfo(status).getDomain());
  }

  @Test
  void badListingsAndMasksAreRejected() {
    expectInvalid(() -> client.listIndicators(ListIndicatorsRequest.newBuilder().setPageSize(-1).build()),
        "page_size");
    expectInvalid(() -> client.listIndicators(ListIndicatorsRequest.newBuilder().setPageToken("not-a-token!").build()),
        "page_token");
    expectInvalid(() -> client.listIndicators(ListIndicatorsRequest.newBuilder().setBlockValue(42).build()), "block");
    create(neet("T-MASK"));
    expectInvalid(() -> client.updateIndicator(UpdateIndicatorRequest.newBuilder()
        .setIndicator(Indicator.newBuilder().setName("indicators/T-MASK").setTitle("x"))
        .setUpdateMask(FieldMask.newBuilder().addPaths("title").addPaths("colour")).build()), "update_mask");
    expectInvalid(() -> client.updateIndicator(UpdateIndicatorRequest.newBuilder()
        .setIndicator(Indicator.newBuilder().setName("indicators/T-MASK").setBlockValue(7))
        .setUpdateMask(FieldMask.newBuilder().addPaths("block")).build()), "indicator.block");
    assertEquals(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE,
        client.getIndicator(GetIndicatorRequest.newBuilder().setName("indicators/T-MASK").build()).getBlock());
  }

  @Test
  void aPeriodEndingBeforeItStartsIsRejected() throws Exception {
    long before = db.rows("period");
    expectInvalid(() -> client.createPeriod(CreatePeriodRequest.newBuilder().setPeriod(Period.newBuilder()
        .setId("backwards").setType(PeriodType.PERIOD_TYPE_OTHER).setStartDate(Fixtures.date(2007, 4, 1))
        .setEndDate(Fixtures.date(2007, 3, 31))).build()), "period.end_date");
    expectInvalid(() -> client.createPeriod(CreatePeriodRequest.newBuilder().setPeriod(Period.newBuilder()
        .setId("no-dates").setType(PeriodType.PERIOD_TYPE_OTHER).setStartDate(Fixtures.date(2007, 2, 30))).build()),
        "period.start_date", "period.end_date");
    expectInvalid(() -> client.createArea(CreateAreaRequest.newBuilder().setArea(Area.newBuilder()
        .setId("nowhere").setTitle("Nowhere").setTypeValue(55)).build()), "area.type");
    assertEquals(before, db.rows("period"));
  }

  @Test
  void outturnsForUnknownIndicatorsOrPeriodsAreRejected() throws Exception {
    create(neet("T-OUT"));
    long before = db.rows("outturn");
    expect(Status.Code.NOT_FOUND, () -> client.createOutturn(CreateOutturnRequest.newBuilder()
        .setParent("indicators/NOPE").setOutturn(Outturn.newBuilder().setPeriod("periods/fy-2006-07")
            .setFigure(Figure.newBuilder().setValue(dec("9.7")))).build()));
    expectInvalid(() -> client.createOutturn(CreateOutturnRequest.newBuilder().setParent("indicators/T-OUT")
        .setOutturn(Outturn.newBuilder().setPeriod("periods/fy-1999-00").setArea("areas/atlantis")
            .setFigure(Figure.newBuilder().setValue(dec("NaN")))).build()),
        "outturn.period", "outturn.area", "outturn.figure.value");
    assertEquals(before, db.rows("outturn"));
  }

  @Test
  void aCorrectedOutturnNeverErasesTheOneItCorrects() {
    create(neet("T-REV"));
    Outturn first = client.createOutturn(CreateOutturnRequest.newBuilder().setParent("indicators/T-REV")
        .setOutturn(Outturn.newBuilder().setPeriod("periods/fy-2006-07").setStatus(OutturnStatus.OUTTURN_STATUS_PROVISIONAL)
            .setFigure(Figure.newBuilder().setOriginalText("9.70%"))).build());
    assertEquals(1, first.getRevision());
    assertEquals("9.70", first.getFigure().getValue().getValue());
    Outturn second = client.createOutturn(CreateOutturnRequest.newBuilder().setParent("indicators/T-REV")
        .setOutturn(Outturn.newBuilder().setPeriod("periods/fy-2006-07").setStatus(OutturnStatus.OUTTURN_STATUS_FINAL)
            .setFigure(Figure.newBuilder().setValue(dec("9.4")))).build());
    assertEquals(2, second.getRevision());
    assertEquals(first.getName(), second.getSupersedes());

    var current = client.listOutturns(ListOutturnsRequest.newBuilder().setParent("indicators/T-REV")
        .setView(FigureView.FIGURE_VIEW_LATEST).build());
    assertEquals(List.of(second.getName()), current.getOutturnsList().stream().map(Outturn::getName).toList());
    var history = client.listOutturns(ListOutturnsRequest.newBuilder().setParent("indicators/T-REV")
        .setShowSuperseded(true).setView(FigureView.FIGURE_VIEW_LATEST).build());
    assertEquals(2, history.getOutturnsCount());
    Outturn kept = history.getOutturnsList().stream().filter(o -> o.getName().equals(first.getName())).findFirst()
        .orElseThrow();
    assertTrue(kept.getSuperseded());
    assertEquals("9.70%", kept.getFigure().getOriginalText());
  }

  private ImportOutturnsResponse stream(ImportOptions options, List<OutturnRow> rows) throws Exception {
    return OutturnImports.send(asyncClient, options, rows.iterator());
  }

  @Test
  void anOutturnImportIsAllOrNothingAndNamesEveryBadRow() throws Exception {
    create(neet("T-IMP"));
    OutturnRow good = OutturnRow.newBuilder().setRowNumber(2).setIndicator("indicators/T-IMP")
        .setPeriod("periods/fy-2005-06").setValue("8.6").build();
    OutturnRow unknownPeriod = OutturnRow.newBuilder().setRowNumber(3).setIndicator("indicators/T-IMP")
        .setPeriod("periods/fy-1990-91").setValue("9").build();
    OutturnRow unknownIndicator = OutturnRow.newBuilder().setRowNumber(4).setIndicator("indicators/NOPE")
        .setPeriod("periods/fy-2005-06").setValue("9").build();
    long before = db.rows("outturn");

    ImportOutturnsResponse refused = stream(null, List.of(good, unknownPeriod, unknownIndicator));
    assertFalse(refused.getWritten());
    assertEquals(1, refused.getAcceptedCount());
    assertEquals(List.of(3, 4), refused.getRejectedList().stream().map(RejectedRow::getRowNumber).toList());
    assertEquals("period", refused.getRejected(0).getProblems(0).getField());
    assertEquals("indicator", refused.getRejected(1).getProblems(0).getField());
    assertEquals(before, db.rows("outturn"));

    ImportOutturnsResponse partial = stream(ImportOptions.newBuilder().setAllowPartial(true).build(),
        List.of(good, unknownPeriod));
    assertTrue(partial.getWritten());
    assertEquals(before + 1, db.rows("outturn"));

    ImportOutturnsResponse checked = stream(ImportOptions.newBuilder().setValidateOnly(true).build(), List.of(good));
    assertFalse(checked.getWritten());
    assertEquals(1, checked.getAcceptedCount());
    assertEquals(before + 1, db.rows("outturn"));
  }

  @Test
  void narrativesAreCreatedInABatchAllOrNoneWithEveryProblemNamedByItsPlace() throws Exception {
    create(neet("T-NAR1"));
    create(neet("T-NAR2"));
    long before = db.rows("narrative");
    var good = CreateNarrativeRequest.newBuilder().setParent("indicators/T-NAR1").setNarrative(Narrative.newBuilder()
        .setPeriod("periods/fy-2006-07").setNextSteps("A key priority for the group is the NEETS")).build();
    expectInvalid(() -> client.batchCreateNarratives(BatchCreateNarrativesRequest.newBuilder().addRequests(good)
        .addRequests(CreateNarrativeRequest.newBuilder().setParent("indicators/NO-SUCH").setNarrative(
            Narrative.newBuilder().setPeriod("periods/fy-2006-07").setAchieved("x")))
        .addRequests(CreateNarrativeRequest.newBuilder().setParent("indicators/T-NAR2").setNarrative(
            Narrative.newBuilder().setPeriod("periods/fy-1990-91")))
        .addRequests(CreateNarrativeRequest.newBuilder().setParent("T-NAR2")).build()),
        "requests[1].parent", "requests[2].narrative.period", "requests[2].narrative.achieved", "requests[3].parent",
        "requests[3].narrative.period", "requests[3].narrative.achieved");
    assertEquals(before, db.rows("narrative"), "nothing written");
    expectInvalid(() -> client.batchCreateNarratives(BatchCreateNarrativesRequest.getDefaultInstance()), "requests");

    var made = client.batchCreateNarratives(BatchCreateNarrativesRequest.newBuilder().addRequests(good)
        .addRequests(CreateNarrativeRequest.newBuilder().setParent("indicators/T-NAR2").setNarrative(Narrative
            .newBuilder().setPeriod("periods/fy-2005-06").setAchieved("Connexions tracking improved").setAuthor("CYPP")))
        .build());
    assertEquals(2, made.getNarrativesCount());
    assertTrue(made.getNarratives(0).getName().startsWith("indicators/T-NAR1/narratives/"), made.toString());
    assertEquals("periods/fy-2005-06", made.getNarratives(1).getPeriod());
    assertEquals(before + 2, db.rows("narrative"));
    var reports = client.batchGetIndicatorReports(BatchGetIndicatorReportsRequest.newBuilder()
        .addNames("indicators/T-NAR2").setView(FigureView.FIGURE_VIEW_LATEST).build());
    assertEquals("Connexions tracking improved", reports.getReports(0).getNarrative().getAchieved());
  }

  private void withFigures(String code) {
    create(neet(code));
    String parent = "indicators/" + code;
    client.createTarget(CreateTargetRequest.newBuilder().setParent(parent).setTarget(Target.newBuilder()
        .setPeriod("periods/fy-2006-07").setFigure(Figure.newBuilder().setValue(dec("8.8")))).build());
    client.createBaseline(CreateBaselineRequest.newBuilder().setParent(parent).setBaseline(Baseline.newBuilder()
        .setFigure(Figure.newBuilder().setOriginalText("11.9"))).build());
    client.createOutturn(CreateOutturnRequest.newBuilder().setParent(parent).setOutturn(Outturn.newBuilder()
        .setPeriod("periods/fy-2005-06").setFigure(Figure.newBuilder().setValue(dec("8.6")))).build());
    client.createOutturn(CreateOutturnRequest.newBuilder().setParent(parent).setOutturn(Outturn.newBuilder()
        .setPeriod("periods/fy-2006-07").setDataPeriod("periods/fy-2006-07-q1")
        .setFigure(Figure.newBuilder().setOriginalText("9.70%"))).build());
    for (String area : List.of("areas/priority-neighbourhoods", "areas/rest-of-city")) {
      client.createOutturn(CreateOutturnRequest.newBuilder().setParent(parent).setOutturn(Outturn.newBuilder()
          .setPeriod("periods/fy-2005-06").setArea(area)
          .setFigure(Figure.newBuilder().setValue(dec(area.contains("priority") ? "14" : "7")))).build());
      client.createOutturn(CreateOutturnRequest.newBuilder().setParent(parent).setOutturn(Outturn.newBuilder()
          .setPeriod("periods/fy-2006-07").setArea(area)
          .setFigure(Figure.newBuilder().setValue(dec(area.contains("priority") ? "12" : "7")))).build());
    }
    client.createNarrative(CreateNarrativeRequest.newBuilder().setParent(parent).setNarrative(Narrative.newBuilder()
        .setPeriod("periods/fy-2006-07").setAchieved("Connexions tracking improved").setNextSteps("Target Foleshill"))
        .build());
    client.createRecordedJudgement(CreateRecordedJudgementRequest.newBuilder().setParent(parent)
        .setJudgement(RecordedJudgement.newBuilder().setPeriod("periods/fy-2006-07").setRating(Rating.RATING_AMBER)
            .setReason("Q1 figures are seasonal")).build());
    publish(parent, "fy-2005-06", "fy-2006-07");
  }

  /** Takes the indicator's entries for {@code periods} through submission, approval and publication. */
  private void publish(String parent, String... periods) {
    var names = java.util.Arrays.stream(periods).map(p -> parent + "/entries/" + p).toList();
    names.forEach(n -> client.submitEntry(SubmitEntryRequest.newBuilder().setName(n).build()));
    client.approveEntries(ApproveEntriesRequest.newBuilder().setSelection(EntrySelection.newBuilder()
        .addAllNames(names)).build());
    client.publishEntries(PublishEntriesRequest.newBuilder().setSelection(EntrySelection.newBuilder()
        .addAllNames(names)).build());
  }

  @Test
  void theBatchReadGivesEverythingAReportCardNeeds() {
    withFigures("T-CARD");
    IndicatorReport r = client.batchGetIndicatorReports(BatchGetIndicatorReportsRequest.newBuilder()
        .addNames("indicators/T-CARD").build()).getReports(0);
    assertEquals("indicators/T-CARD", r.getIndicator().getName());
    assertEquals(1, r.getBaselinesCount());
    assertEquals(1, r.getTargetsCount());
    assertEquals(6, r.getOutturnsCount());
    assertEquals(Rating.RATING_RED, r.getComputedJudgement().getRating());
    assertEquals("-0.9", r.getComputedJudgement().getVariance().getValue());
    assertEquals(Rating.RATING_AMBER, r.getRecordedJudgement().getRating());
    assertEquals("Q1 figures are seasonal", r.getRecordedJudgement().getReason());
    assertEquals(Direction.DIRECTION_WORSENING, r.getTrend().getDirection());
    assertEquals(GapDirection.GAP_DIRECTION_NARROWING, r.getGap().getDirection());
    assertEquals("areas/rest-of-city", r.getGap().getComparisonArea());
    assertEquals("5", r.getGap().getGap().getValue());
    assertEquals("Target Foleshill", r.getNarrative().getNextSteps());
  }

  @Test
  void theBatchReadTakesTheSameNumberOfStatementsForOneIndicatorOrTwenty() {
    List<String> names = IntStream.range(0, 20).mapToObj(i -> "T-BATCH-" + i).toList();
    names.forEach(this::withFigures);
    statements.reset();
    client.batchGetIndicatorReports(BatchGetIndicatorReportsRequest.newBuilder()
        .addNames("indicators/" + names.get(0)).build());
    long forOne = statements.count();
    statements.reset();
    var all = client.batchGetIndicatorReports(BatchGetIndicatorReportsRequest.newBuilder()
        .addAllNames(names.stream().map(n -> "indicators/" + n).toList()).build());
    long forTwenty = statements.count();
    assertEquals(20, all.getReportsCount());
    assertEquals(forOne, forTwenty, "statements for 1 indicator: " + forOne + ", for 20: " + forTwenty);
    assertTrue(forOne <= 2, "at most 2 statements (the indicators, then their figures), was " + forOne);

    var status = expect(Status.Code.NOT_FOUND, () -> client.batchGetIndicatorReports(
        BatchGetIndicatorReportsRequest.newBuilder().addNames("indicators/T-BATCH-0").addNames("indicators/GHOST")
            .build()));
    assertTrue(status.getMessage().contains("indicators/GHOST"), status.getMessage());
  }

  @Inject
  io.micronaut.runtime.server.EmbeddedServer http;

  @Test
  void prometheusCountsEveryMethodByStatus() throws Exception {
    expectInvalid(() -> client.listAreas(ListAreasRequest.newBuilder().setPageSize(-5).build()), "page_size");
    var response = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(http.getURI().resolve("/prometheus")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertTrue(response.body().lines().anyMatch(l -> l.startsWith("grpc_server_processing_duration_seconds_count")
        && l.contains("method=\"ListAreas\"") && l.contains("statusCode=\"INVALID_ARGUMENT\"")), response.body());
  }

  @Test
  void managementOverHttpIsHealthWithoutDetailsAndMetricsOnly() throws Exception {
    var client = java.net.http.HttpClient.newHttpClient();
    java.util.function.Function<String, java.net.http.HttpResponse<String>> get = path -> {
      try {
        return client.send(java.net.http.HttpRequest.newBuilder(http.getURI().resolve(path)).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
    var health = get.apply("/health");
    assertEquals(200, health.statusCode());
    assertFalse(health.body().contains("jdbc") || health.body().contains("details"), health.body());
    for (String path : List.of("/beans", "/routes", "/threaddump", "/flyway", "/env", "/loggers", "/refresh")) {
      assertEquals(404, get.apply(path).statusCode(), path + " is not exposed");
    }
    var refresh = client.send(java.net.http.HttpRequest.newBuilder(http.getURI().resolve("/refresh"))
        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(404, refresh.statusCode(), "POST /refresh is not exposed");
  }

  @Test
  void reflectionListsTheService() throws Exception {
    CompletableFuture<io.grpc.reflection.v1.ServerReflectionResponse> answer = new CompletableFuture<>();
    var requests = io.grpc.reflection.v1.ServerReflectionGrpc.newStub(channel).serverReflectionInfo(
        new StreamObserver<>() {
          @Override
          public void onNext(io.grpc.reflection.v1.ServerReflectionResponse value) {
            answer.complete(value);
          }

          @Override
          public void onError(Throwable t) {
            answer.completeExceptionally(t);
          }

          @Override
          public void onCompleted() {
          }
        });
    requests.onNext(io.grpc.reflection.v1.ServerReflectionRequest.newBuilder().setListServices("").build());
    var services = answer.get(30, TimeUnit.SECONDS).getListServicesResponse().getServiceList().stream()
        .map(io.grpc.reflection.v1.ServiceResponse::getName).toList();
    requests.onCompleted();
    assertTrue(services.contains("laa.indicators.v1.IndicatorService"), services.toString());
    assertTrue(services.contains("grpc.health.v1.Health"), services.toString());
  }

  @Test
  void theServerAnswersHealthChecks() {
    var health = HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance());
    assertEquals(HealthCheckResponse.ServingStatus.SERVING, health.getStatus());
  }
}
