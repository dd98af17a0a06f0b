package org.laasuite.indicators.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laasuite.testkit.GrpcErrors.expect;
import static org.laasuite.testkit.GrpcErrors.expectInvalid;

import io.grpc.Status;
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
 * Comparator groups and figures through the gRPC API: created once (a retry answers the stored one), refused with the
 * field named, imported all or nothing; and each report's position of its city figure against every group, read in
 * the report's one statement whatever the number of indicators.
 */
@MicronautTest(transactional = false)
class ComparatorsTest extends OwnDatabaseTest {

  private static final ComparatorGroup ENGLAND = ComparatorGroup.newBuilder().setId("england").setTitle("England")
      .setKind(ComparatorGroupKind.COMPARATOR_GROUP_KIND_ENGLAND).setSource("the papers").build();
  private static final ComparatorGroup NEIGHBOURS = ComparatorGroup.newBuilder().setId("neighbours")
      .setTitle("nearest neighbours").setKind(ComparatorGroupKind.COMPARATOR_GROUP_KIND_NEAREST_NEIGHBOURS).build();

  @Inject
  IndicatorServiceGrpc.IndicatorServiceBlockingStub client;
  @Inject
  SqlStatementCounter statements;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = super.getProperties();
    p.put("laa.test.count-sql", "true");
    return p;
  }

  @BeforeAll
  void cityPeriodsAndGroups() {
    Fixtures.cityAnd2006To07(client);
    client.createArea(CreateAreaRequest.newBuilder().setArea(Area.newBuilder().setId("foleshill")
        .setTitle("Foleshill ward").setType(AreaType.AREA_TYPE_WARD)).build());
    client.createPeriod(CreatePeriodRequest.newBuilder().setPeriod(Period.newBuilder().setId("fy-2005-06")
        .setType(PeriodType.PERIOD_TYPE_FINANCIAL_YEAR).setStartDate(Fixtures.date(2005, 4, 1))
        .setEndDate(Fixtures.date(2006, 3, 31)).setLabel("2005-06")).build());
    client.createComparatorGroup(CreateComparatorGroupRequest.newBuilder().setComparatorGroup(ENGLAND).build());
    client.createComparatorGroup(CreateComparatorGroupRequest.newBuilder().setComparatorGroup(NEIGHBOURS).build());
  }

  private void indicator(String code, Polarity polarity) {
    client.createIndicator(CreateIndicatorRequest.newBuilder().setIndicator(Indicator.newBuilder().setId(code)
        .setTitle("Test " + code).setBlock(LaaBlock.LAA_BLOCK_SAFER_AND_STRONGER_COMMUNITIES).setPolarity(polarity)
        .setFrequency(Frequency.FREQUENCY_ANNUAL)).build());
  }

  private static ComparatorFigure figure(String group, String period, String area, String text) {
    return ComparatorFigure.newBuilder().setGroup("comparatorGroups/" + group).setPeriod("periods/" + period)
        .setArea(area).setFigure(Figure.newBuilder().setOriginalText(text)).build();
  }

  private static CreateComparatorFigureRequest create(String code, ComparatorFigure f) {
    return CreateComparatorFigureRequest.newBuilder().setParent("indicators/" + code).setComparatorFigure(f).build();
  }

  private IndicatorReport report(String code) {
    return client.batchGetIndicatorReports(BatchGetIndicatorReportsRequest.newBuilder().addNames("indicators/" + code)
        .setView(FigureView.FIGURE_VIEW_LATEST).build()).getReports(0);
  }

  private void cityFigure(String code, String period, String outturn, String target) {
    client.createTarget(CreateTargetRequest.newBuilder().setParent("indicators/" + code).setTarget(Target.newBuilder()
        .setPeriod("periods/" + period).setFigure(Figure.newBuilder().setOriginalText(target))).build());
    client.createOutturn(CreateOutturnRequest.newBuilder().setParent("indicators/" + code).setOutturn(Outturn
        .newBuilder().setPeriod("periods/" + period).setFigure(Figure.newBuilder().setOriginalText(outturn))).build());
  }

  @Test
  void aFigureIsCreatedOnceAndListedByIndicator() {
    indicator("C-ONCE", Polarity.POLARITY_LOWER_IS_BETTER);
    ComparatorFigure made = client.createComparatorFigure(create("C-ONCE",
        figure("england", "fy-2005-06", "England", "17.12").toBuilder().setQuote("England 17.12").build()));
    assertTrue(made.getName().startsWith("indicators/C-ONCE/comparatorFigures/"), made.getName());
    assertEquals("17.12", made.getFigure().getValue().getValue());
    assertEquals(made, client.createComparatorFigure(create("C-ONCE",
        figure("england", "fy-2005-06", "England", "17.12").toBuilder().setQuote("England 17.12").build())),
        "the same figure again: the stored one");
    expect(Status.Code.ALREADY_EXISTS, () -> client.createComparatorFigure(create("C-ONCE",
        figure("england", "fy-2005-06", "England", "18"))));

    assertEquals(List.of(made), client.listComparatorFigures(ListComparatorFiguresRequest.newBuilder()
        .setParent("indicators/C-ONCE").build()).getComparatorFiguresList());
    assertTrue(client.listComparatorFigures(ListComparatorFiguresRequest.newBuilder().setParent("indicators/-")
        .setPageSize(500).build()).getComparatorFiguresList().contains(made));
    assertEquals(List.of("comparatorGroups/england", "comparatorGroups/neighbours"), client.listComparatorGroups(
        ListComparatorGroupsRequest.getDefaultInstance()).getComparatorGroupsList().stream()
        .map(ComparatorGroup::getName).toList());
    assertEquals(ENGLAND.getTitle(), client.createComparatorGroup(CreateComparatorGroupRequest.newBuilder()
        .setComparatorGroup(ENGLAND).build()).getTitle(), "a retried group: the stored one");
    expect(Status.Code.ALREADY_EXISTS, () -> client.createComparatorGroup(CreateComparatorGroupRequest.newBuilder()
        .setComparatorGroup(ENGLAND.toBuilder().setTitle("Not England")).build()));
  }

  @Test
  void aCreateRetriedWithItsRequestIdWritesOnceAndAnotherRequestUnderItIsRefused() {
    indicator("C-RETRY", Polarity.POLARITY_LOWER_IS_BETTER);
    String id = java.util.UUID.randomUUID().toString();
    var request = create("C-RETRY", figure("england", "fy-2006-07", "England", "5")).toBuilder().setRequestId(id)
        .build();
    ComparatorFigure first = client.createComparatorFigure(request);
    assertEquals(first, client.createComparatorFigure(request));
    expectInvalid(() -> client.createComparatorFigure(create("C-RETRY", figure("england", "fy-2005-06", "England",
        "6")).toBuilder().setRequestId(id).build()), "request_id");
    assertEquals(List.of(first), client.listComparatorFigures(ListComparatorFiguresRequest.newBuilder()
        .setParent("indicators/C-RETRY").build()).getComparatorFiguresList(), "written once");
  }

  @Test
  void badFiguresAreRefusedNamingEachField() {
    indicator("C-BAD", Polarity.POLARITY_LOWER_IS_BETTER);
    expectInvalid(() -> client.createComparatorFigure(create("C-BAD",
        figure("nowhere", "fy-1990-91", "", "Data available 2008").toBuilder().setLocalArea("areas/atlantis")
            .build())), "comparator_figure.group", "comparator_figure.period", "comparator_figure.area",
        "comparator_figure.figure", "comparator_figure.local_area");
    expectInvalid(() -> client.createComparatorGroup(CreateComparatorGroupRequest.newBuilder().setComparatorGroup(
        ComparatorGroup.newBuilder().setId("Bad Id")).build()), "comparator_group.id", "comparator_group.title",
        "comparator_group.kind");
    expect(Status.Code.NOT_FOUND, () -> client.createComparatorFigure(create("C-NONE",
        figure("england", "fy-2005-06", "England", "1"))));
    assertEquals(0, client.listComparatorFigures(ListComparatorFiguresRequest.newBuilder()
        .setParent("indicators/C-BAD").build()).getComparatorFiguresCount());
  }

  @Test
  void anImportWithOneBadFigureWritesNothingAndAGoodOneWritesAllOnce() {
    indicator("C-FILE", Polarity.POLARITY_HIGHER_IS_BETTER);
    ComparatorGroup region = ComparatorGroup.newBuilder().setId("west-midlands").setTitle("West Midlands")
        .setKind(ComparatorGroupKind.COMPARATOR_GROUP_KIND_REGION).build();
    var good = create("C-FILE", figure("west-midlands", "fy-2006-07", "West Midlands", "40"));
    var bad = ImportComparatorsRequest.newBuilder().addGroups(region).addFigures(good)
        .addFigures(create("C-FILE", figure("england", "fy-1990-91", "England", "41")))
        .addFigures(create("C-NOPE", figure("england", "fy-2006-07", "England", "42"))).build();
    var problems = expectInvalid(() -> client.importComparators(bad), "figures[1].comparator_figure.period",
        "figures[2].parent");
    assertTrue(problems.stream().anyMatch(p -> p.getDescription().contains("periods/fy-1990-91 does not exist")),
        problems.toString());
    assertFalse(client.listComparatorGroups(ListComparatorGroupsRequest.getDefaultInstance())
        .getComparatorGroupsList().stream().anyMatch(g -> g.getId().equals("west-midlands")), "no group written");

    var file = ImportComparatorsRequest.newBuilder().addGroups(region).addGroups(ENGLAND).addFigures(good)
        .addFigures(create("C-FILE", figure("england", "fy-2006-07", "England", "41"))).build();
    var first = client.importComparators(file);
    assertEquals(1, first.getGroupsCreated(), "England was there");
    assertEquals(2, first.getFiguresCreated());
    var again = client.importComparators(file);
    assertEquals(0, again.getGroupsCreated() + again.getFiguresCreated(), "loaded again: nothing new");
    assertEquals(first.getFiguresList(), again.getFiguresList());
    expectInvalid(() -> client.importComparators(ImportComparatorsRequest.newBuilder()
        .addFigures(create("C-FILE", figure("england", "fy-2006-07", "England", "43"))).build()),
        "figures[0].comparator_figure");
  }

  @Test
  void aReportPositionsTheCityFigureInEachGroupAndFlagsGreenInTheBottomQuartile() {
    indicator("C-POS", Polarity.POLARITY_HIGHER_IS_BETTER);
    cityFigure("C-POS", "fy-2006-07", "55", "50");
    client.createComparatorFigure(create("C-POS", figure("england", "fy-2005-06", "England", "61")));
    for (String v : List.of("60", "70", "80", "90")) {
      client.createComparatorFigure(create("C-POS", figure("neighbours", "fy-2006-07", "Place " + v, v)));
    }
    IndicatorReport r = report("C-POS");
    assertEquals(Rating.RATING_GREEN, r.getComputedJudgement().getRating());
    assertEquals(2, r.getComparatorsCount(), r.getComparatorsList().toString());
    ComparatorPosition england = r.getComparators(0);
    assertEquals("comparatorGroups/england", england.getGroup());
    assertEquals("periods/fy-2005-06", england.getPeriod(), "the latest England figure before the city's");
    assertEquals(0, england.getQuartile());
    assertEquals("55", england.getLocalValue().getValue());
    assertEquals("50", england.getLocalTarget().getValue());
    assertTrue(england.getWords().contains("is below England's 61 (2005-06)"), england.getWords());
    assertTrue(r.getPeriodsList().stream().anyMatch(p -> p.getName().equals("periods/fy-2005-06")),
        "the comparator's period is among the report's periods, to label it");
    ComparatorPosition neighbours = r.getComparators(1);
    assertEquals(4, neighbours.getCount());
    assertEquals("60", neighbours.getMin().getValue());
    assertEquals("90", neighbours.getMax().getValue());
    assertEquals("75", neighbours.getMedian().getValue());
    assertEquals(4, neighbours.getQuartile());
    assertTrue(neighbours.getGreenButBottomQuartile());
    assertFalse(england.getGreenButBottomQuartile());

    assertEquals("areas/city", england.getLocalArea());

    client.createComparatorFigure(create("C-POS", figure("england", "fy-2006-07", "England", "61").toBuilder()
        .setLocalArea("areas/foleshill").build()));
    var ward = report("C-POS").getComparatorsList().stream().filter(c -> c.getLocalArea().equals("areas/foleshill"))
        .findFirst().orElseThrow();
    assertEquals("comparatorGroups/england", ward.getGroup());
    assertFalse(ward.hasLocalValue(), "Foleshill has no outturn of its own");
    assertTrue(ward.getWords().startsWith("There is no Foleshill ward figure yet to set against England's 61"),
        ward.getWords());

    indicator("C-EMPTY", Polarity.POLARITY_HIGHER_IS_BETTER);
    assertEquals(0, report("C-EMPTY").getComparatorsCount(), "no group without figures of the indicator");
  }

  @Test
  void reportsWithComparatorsTakeTheSameStatementsForOneIndicatorOrTwenty() {
    for (int i = 0; i < 20; i++) {
      indicator("C-MANY-" + i, Polarity.POLARITY_LOWER_IS_BETTER);
      client.createComparatorFigure(create("C-MANY-" + i, figure("england", "fy-2006-07", "England", "" + i)));
    }
    statements.reset();
    var one = client.batchGetIndicatorReports(BatchGetIndicatorReportsRequest.newBuilder()
        .addNames("indicators/C-MANY-0").build());
    long forOne = statements.count();
    statements.reset();
    var twenty = client.batchGetIndicatorReports(BatchGetIndicatorReportsRequest.newBuilder().addAllNames(
        IntStream.range(0, 20).mapToObj(i -> "indicators/C-MANY-" + i).toList()).build());
    long forTwenty = statements.count();
    assertEquals(1, one.getReports(0).getComparatorsCount());
    assertTrue(twenty.getReportsList().stream().allMatch(r -> r.getComparatorsCount() == 1
        && r.getComparators(0).getWords().startsWith("There is no city figure yet")), "every one's position");
    assertEquals(forOne, forTwenty, "statements for 1 indicator: " + forOne + ", for 20: " + forTwenty);
    assertTrue(forTwenty <= 2, "at most 2 statements, was " + forTwenty);
  }
}
