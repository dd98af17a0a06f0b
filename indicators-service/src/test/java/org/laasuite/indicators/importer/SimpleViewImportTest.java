package org.laasuite.indicators.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.indicators.v1.*;
import org.laasuite.testkit.TestDatabase;
import org.laasuite.type.v1.ImportProblem;
import org.laasuite.type.v1.LaaBlock;

/** The demo data: the seed's LAA Simple View, every indicator row of the four blocks. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimpleViewImportTest implements TestPropertyProvider {

  static final Path DEMO = Path.of("..", "data", "coventry-2007-08", "laa-simple-view.csv");

  private final TestDatabase db = TestDatabase.forClass(SimpleViewImportTest.class);

  @Inject
  IndicatorServiceGrpc.IndicatorServiceBlockingStub client;

  private ImportSimpleViewResponse firstImport;
  private final Map<LaaBlock, Integer> loaded = new HashMap<>();
  private final List<String> codes = new ArrayList<>();

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = db.serviceProperties();
    return p;
  }

  private ImportSimpleViewRequest.Builder file(byte[] content) {
    return ImportSimpleViewRequest.newBuilder().setContent(ByteString.copyFrom(content))
        .setFileName("laa-simple-view.csv");
  }

  @BeforeAll
  void importTheDemoData() throws Exception {
    ImportSimpleViewResponse checked = client.importSimpleView(file(Files.readAllBytes(DEMO)).setValidateOnly(true)
        .build());
    assertEquals(List.of(), checked.getProblemsList());
    assertFalse(checked.getWritten());
    firstImport = client.importSimpleView(file(Files.readAllBytes(DEMO)).build());
    for (LaaBlock block : List.of(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE, LaaBlock.LAA_BLOCK_SAFER_AND_STRONGER_COMMUNITIES,
        LaaBlock.LAA_BLOCK_HEALTHIER_COMMUNITIES_AND_OLDER_PEOPLE, LaaBlock.LAA_BLOCK_ECONOMIC_DEVELOPMENT_AND_ENTERPRISE)) {
      loaded.put(block, count(block));
    }
    String token = "";
    do {
      var page = client.listIndicators(ListIndicatorsRequest.newBuilder().setPageSize(100).setPageToken(token)
          .build());
      page.getIndicatorsList().forEach(i -> codes.add(i.getId()));
      token = page.getNextPageToken();
    } while (!token.isEmpty());
  }

  private int count(LaaBlock block) {
    return client.listIndicators(ListIndicatorsRequest.newBuilder().setBlock(block).setPageSize(1).build())
        .getTotalSize();
  }

  @Test
  void everyIndicatorRowOfTheFourBlocksIsLoaded() {
    assertTrue(firstImport.getWritten());
    assertEquals(155, firstImport.getIndicators());
    assertEquals(Map.of(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE, 41, LaaBlock.LAA_BLOCK_SAFER_AND_STRONGER_COMMUNITIES, 67,
        LaaBlock.LAA_BLOCK_HEALTHIER_COMMUNITIES_AND_OLDER_PEOPLE, 28, LaaBlock.LAA_BLOCK_ECONOMIC_DEVELOPMENT_AND_ENTERPRISE, 19), loaded);
    assertEquals(155, codes.size());
    assertEquals(155, codes.stream().distinct().count());
    assertEquals(List.of("CYP-1", "CYP-2", "CYP-3"), codes.subList(0, 3), "the spreadsheet's order, not the alphabet's");
  }

  private IndicatorReport report(String code) {
    return client.batchGetIndicatorReports(BatchGetIndicatorReportsRequest.newBuilder()
        .addNames("indicators/" + code).build()).getReports(0);
  }

  @Test
  void row27IsAmberWithVarianceMinusHalfAsTheSpreadsheetSays() {
    IndicatorReport r = report("CYP-27");
    assertEquals(Polarity.POLARITY_HIGHER_IS_BETTER, r.getIndicator().getPolarity());
    assertEquals("bodies/children-and-young-peoples-partnership", r.getIndicator().getThemeGroup());
    assertEquals("89.9", r.getBaselines(0).getFigure().getValue().getValue());
    assertEquals("periods/m-2003-11", r.getBaselines(0).getPeriod());
    assertEquals(List.of("periods/fy-2006-07", "periods/fy-2007-08", "periods/fy-2008-09"),
        r.getTargetsList().stream().map(Target::getPeriod).toList());
    assertEquals("92.2", r.getTargets(0).getFigure().getValue().getValue());
    assertEquals(3, r.getOutturnsCount());
    Outturn latest = r.getOutturns(2);
    assertEquals("periods/fy-2006-07", latest.getPeriod());
    assertEquals("periods/m-2005-11", latest.getDataPeriod());
    assertEquals(Rating.RATING_AMBER, r.getComputedJudgement().getRating());
    assertEquals("-0.5", r.getComputedJudgement().getVariance().getValue());
    assertEquals(Rating.RATING_AMBER, r.getRecordedJudgement().getRating());
    assertEquals("An annual count - next update Nov 06", r.getRecordedJudgement().getReason());
    assertEquals(Direction.DIRECTION_WORSENING, r.getTrend().getDirection());
  }

  @Test
  void row28NeetIsRed() {
    IndicatorReport r = report("CYP-28");
    assertEquals(Polarity.POLARITY_LOWER_IS_BETTER, r.getIndicator().getPolarity());
    assertEquals("11.9", r.getBaselines(0).getFigure().getValue().getValue());
    assertEquals("8.8", r.getTargets(0).getFigure().getValue().getValue());
    Outturn q1 = r.getOutturnsList().stream().filter(o -> o.getPeriod().equals("periods/fy-2006-07")).findFirst()
        .orElseThrow();
    assertEquals("9.70%", q1.getFigure().getOriginalText());
    assertEquals("periods/fy-2006-07-q1", q1.getDataPeriod());
    Outturn notAvailable = r.getOutturnsList().stream().filter(o -> o.getPeriod().equals("periods/fy-2005-06"))
        .findFirst().orElseThrow();
    assertFalse(notAvailable.getFigure().hasValue(), "'N/A' is kept as text, never a number");
    assertEquals(FigureStatus.FIGURE_STATUS_NOT_AVAILABLE, notAvailable.getFigure().getStatus());
    assertEquals(Rating.RATING_RED, r.getComputedJudgement().getRating());
    assertEquals("-0.9", r.getComputedJudgement().getVariance().getValue());
    assertEquals(Rating.RATING_RED, r.getRecordedJudgement().getRating());
  }

  @Test
  void aReportCarriesEveryPeriodItNamesEarliestFirst() {
    IndicatorReport r = report("CYP-28");
    var names = r.getPeriodsList().stream().map(p -> p.getName()).toList();
    java.util.Set<String> named = new java.util.HashSet<>();
    r.getBaselinesList().forEach(b -> named.add(b.getPeriod()));
    r.getTargetsList().forEach(t -> named.add(t.getPeriod()));
    r.getOutturnsList().forEach(o -> {
      named.add(o.getPeriod());
      named.add(o.getDataPeriod());
    });
    named.add(r.getRecordedJudgement().getPeriod());
    named.remove("");
    assertEquals(named, new java.util.HashSet<>(names));
    assertEquals(names.size(), named.size(), "each period once: " + names);
    assertEquals(r.getBaselines(0).getPeriod(), names.getFirst(),
        "the baseline (Nov 2002) is the earliest");
    for (int i = 1; i < r.getPeriodsCount(); i++) {
      var a = r.getPeriods(i - 1).getStartDate();
      var b = r.getPeriods(i).getStartDate();
      assertTrue(a.getYear() * 10000 + a.getMonth() * 100 + a.getDay() <= b.getYear() * 10000 + b.getMonth() * 100
          + b.getDay(), names.toString());
    }
  }

  @Test
  void aBlocksReportsComeInOneCallWithTheirJudgements() {
    var page = client.listIndicatorReports(ListIndicatorReportsRequest.newBuilder()
        .setBlock(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE).setPageSize(500).build());
    assertEquals(41, page.getReportsCount());
    assertEquals(41, page.getTotalSize());
    assertEquals("", page.getNextPageToken());
    assertTrue(page.getReportsList().stream().allMatch(r -> r.getIndicator().getBlock()
        == LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE && r.getComputedJudgement().getRating() != Rating.RATING_UNSPECIFIED));
    assertEquals(Rating.RATING_RED, page.getReportsList().stream().filter(r -> r.getIndicator().getId().equals("CYP-28"))
        .findFirst().orElseThrow().getComputedJudgement().getRating());
  }

  @Test
  void messyFiguresKeepTheirNumberQualifierAndText() {
    IndicatorReport offending = report("CYP-39");
    assertEquals("3", offending.getBaselines(0).getFigure().getValue().getValue());
    assertEquals("1021", offending.getBaselines(0).getFigure().getSecondaryValue().getValue());
    assertEquals("3% (1021)", offending.getBaselines(0).getFigure().getOriginalText());
    IndicatorReport exclusions = report("CYP-25");
    assertEquals(Comparator.COMPARATOR_LESS_THAN, exclusions.getTargets(0).getFigure().getComparator());
    IndicatorReport satisfaction = report("SSC-NBH-12");
    assertEquals(FigureStatus.FIGURE_STATUS_MONITOR_ONLY, satisfaction.getTargets(0).getFigure().getStatus());
  }

  /** Row HW-4's 2008-09 target cell reads "City 15%: PN 17.3%": a target for each area, the cell's text on both. */
  @Test
  void aTargetCellGivingTheCityAndThePriorityNeighbourhoodsIsATargetForEach() {
    IndicatorReport smoking = report("HCOP-HW-4");
    var for2008 = smoking.getTargetsList().stream().filter(t -> t.getPeriod().equals("periods/fy-2008-09")).toList();
    assertEquals(List.of("areas/city", "areas/priority-neighbourhoods"), for2008.stream().map(t -> t.getArea()).toList());
    assertEquals(List.of("15", "17.3"), for2008.stream().map(t -> t.getFigure().getValue().getValue()).toList());
    assertTrue(for2008.stream().allMatch(t -> t.getFigure().getOriginalText().equals("City 15%: PN 17.3%")));
    assertEquals(Rating.RATING_RED, smoking.getComputedJudgement().getRating(), "still judged against the city's targets");
    assertEquals(List.of("City", "PN"), SimpleViewImporter.placedAll("City 122; PN 137").stream()
        .map(p -> p.area().equals("city") ? "City" : "PN").toList());
    assertEquals(1, SimpleViewImporter.placedAll("Citywide 5%").size(), "one figure stays one");
  }

  @Test
  void aFileWithBadRowsNamesEveryOneAndWritesNothing() throws Exception {
    List<String> lines = Files.readAllLines(DEMO);
    String header = lines.get(0);
    String good = lines.stream().filter(l -> l.contains(",CYP-27,")).findFirst().orElseThrow();
    String bad = String.join("\n", header,
        good.replace(",CYP-27,", ",NEW-1,"),
        good.replace(",CYP-27,", ",NEW-2,").replace("CHILDREN_AND_YOUNG_PEOPLE", "CHILDRENS_SERVICES"),
        good.replace(",CYP-27,", ",NEW-3,").replace("HIGHER_IS_BETTER", "UP"),
        good.replace(",CYP-27,", ",NEW-1,"),
        good.replace(",CYP-27,", ",CYP-28,")) + "\n";
    int before = client.listIndicators(ListIndicatorsRequest.getDefaultInstance()).getTotalSize();
    ImportSimpleViewResponse r = client.importSimpleView(file(bad.getBytes()).build());
    assertFalse(r.getWritten());
    assertEquals(List.of(3, 4, 5, 6), r.getProblemsList().stream().map(ImportProblem::getLine).toList());
    assertEquals(List.of("block", "polarity", "code", "code"),
        r.getProblemsList().stream().map(ImportProblem::getColumn).toList());
    assertTrue(r.getProblems(3).getDescription().contains("already exists"));
    assertEquals(before, client.listIndicators(ListIndicatorsRequest.getDefaultInstance()).getTotalSize());

    ImportSimpleViewResponse partial = client.importSimpleView(file(bad.getBytes()).setAllowPartial(true).build());
    assertTrue(partial.getWritten());
    assertEquals(1, partial.getIndicators());
    assertEquals(before + 1, client.listIndicators(ListIndicatorsRequest.getDefaultInstance()).getTotalSize());
  }

  @Test
  void aFileThatIsNotTheLayoutIsRefusedWithItsReason() {
    ImportSimpleViewResponse r = client.importSimpleView(file("a,b\n1,2\n".getBytes()).build());
    assertFalse(r.getWritten());
    assertEquals(1, r.getProblems(0).getLine());
    assertTrue(r.getProblems(0).getDescription().startsWith("missing columns"));
    assertFalse(client.importSimpleView(file(new byte[] {(byte) 0xff, (byte) 0xfe, 0}).build()).getWritten());
  }

  @Test
  void aFigureTooLargeToStoreIsAProblemOnItsLineAndColumn() throws Exception {
    List<String> lines = Files.readAllLines(DEMO);
    String good = lines.stream().filter(l -> l.contains(",CYP-27,")).findFirst().orElseThrow();
    String[] cells = good.split(",", -1);
    int column = List.of(lines.get(0).split(",", -1)).indexOf("baseline_value");
    cells[column] = "9".repeat(901);
    String file = lines.get(0) + "\n" + String.join(",", cells).replace(",CYP-27,", ",HUGE-1,") + "\n";
    ImportSimpleViewResponse r = client.importSimpleView(file(file.getBytes()).build());
    assertFalse(r.getWritten());
    assertEquals(List.of(2), r.getProblemsList().stream().map(ImportProblem::getLine).toList());
    assertEquals("baseline_value", r.getProblems(0).getColumn());
  }

  @Test
  void aMalformedFileIsAProblemOnItsLineNeverAnError() throws Exception {
    List<String> lines = Files.readAllLines(DEMO);
    String good = lines.stream().filter(l -> l.contains(",CYP-27,")).findFirst().orElseThrow();
    String unclosed = String.join("\n", lines.get(0), good.replace(",CYP-27,", ",QUOTE-1,"),
        good.replace(",CYP-27,", ",QUOTE-2,\"unclosed"), good.replace(",CYP-27,", ",QUOTE-3,")) + "\n";
    ImportSimpleViewResponse r = client.importSimpleView(file(unclosed.getBytes()).build());
    assertFalse(r.getWritten());
    assertEquals(List.of(3), r.getProblemsList().stream().map(ImportProblem::getLine).toList(), r.toString());
    assertTrue(r.getProblems(0).getDescription().contains("not valid CSV"), r.toString());

    String nul = String.join("\n", lines.get(0), good.replace(",CYP-27,", ",NUL-1,"),
        good.replace(",CYP-27,", ",NUL-2,").replace("Amber", "Am\0ber")) + "\n";
    ImportSimpleViewResponse n = client.importSimpleView(file(nul.getBytes()).build());
    assertFalse(n.getWritten());
    assertEquals(List.of(3), n.getProblemsList().stream().map(ImportProblem::getLine).toList(), n.toString());

    ImportSimpleViewResponse big = client.importSimpleView(file(new byte[8 * 1024 * 1024 + 1]).build());
    assertFalse(big.getWritten());
    assertTrue(big.getProblems(0).getDescription().contains("the limit is 8388608 bytes"), big.toString());
  }
}
