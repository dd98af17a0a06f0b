package org.laasuite.indicators.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laasuite.testkit.GrpcErrors.expect;
import static org.laasuite.testkit.GrpcErrors.expectInvalid;

import io.grpc.Status;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laasuite.indicators.v1.*;
import org.laasuite.common.grpc.Violations;
import org.laasuite.testkit.ClientStreams;
import org.laasuite.testkit.GrpcErrors;
import org.laasuite.testkit.OwnDatabaseTest;
import org.laasuite.type.v1.LaaBlock;

/**
 * ImportOutturns at scale: rows are checked and staged as they come and written together, with the rules of one
 * outturn written at a time (revisions, entries), all or nothing, once per request_id, and nothing on a cancel.
 */
@MicronautTest(transactional = false)
class OutturnImportTest extends OwnDatabaseTest {

  private static final int INDICATORS = 20;
  private static final int PERIODS = 5;
  private static final int AREAS = 200;

  @Inject
  IndicatorServiceGrpc.IndicatorServiceBlockingStub client;
  @Inject
  IndicatorServiceGrpc.IndicatorServiceStub asyncClient;

  /**
   * One import at a time: an import that ends (a cancelled one too) has finished with the database before the next
   * one starts, so a test can tell what an abandoned stream left behind.
   */
  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = super.getProperties();
    p.put("laa.outturn-import.concurrency", "1");
    return p;
  }

  @BeforeAll
  void placesPeriodsAndIndicators() {
    for (int a = 0; a < AREAS; a++) {
      client.createArea(CreateAreaRequest.newBuilder().setArea(Area.newBuilder().setId(area(a))
          .setTitle("Ward " + a).setType(AreaType.AREA_TYPE_WARD)).build());
    }
    for (int y = 0; y < PERIODS; y++) {
      int year = 2004 + y;
      client.createPeriod(CreatePeriodRequest.newBuilder().setPeriod(Period.newBuilder().setId(period(y))
          .setType(PeriodType.PERIOD_TYPE_FINANCIAL_YEAR).setStartDate(Fixtures.date(year, 4, 1))
          .setEndDate(Fixtures.date(year + 1, 3, 31)).setLabel(year + "-" + (year + 1))).build());
    }
    for (int i = 0; i < INDICATORS; i++) {
      indicator("OI-" + i);
    }
    indicator("OI-REV");
    indicator("OI-BAD");
    indicator("OI-CANCEL");
    indicator("OI-ONCE");
    indicator("OI-LOCK");
  }

  private void indicator(String code) {
    client.createIndicator(CreateIndicatorRequest.newBuilder().setIndicator(Indicator.newBuilder().setId(code)
        .setTitle("Young people not in education, employment or training").setUnits("%")
        .setBlock(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE).setPolarity(Polarity.POLARITY_LOWER_IS_BETTER)
        .setThemeGroup("bodies/children-and-young-persons-strategic-partnership")).build());
  }

  private static String area(int a) {
    return "ward-" + a;
  }

  private static String period(int y) {
    return "fy-" + (2004 + y) + "-" + String.format("%02d", (2005 + y) % 100);
  }

  /** Row {@code n} of a grid: every indicator, period and area once. */
  private static OutturnRow gridRow(int n) {
    int a = n % AREAS;
    int y = n / AREAS % PERIODS;
    int i = n / AREAS / PERIODS;
    return OutturnRow.newBuilder().setIndicator("indicators/OI-" + i).setPeriod("periods/" + period(y))
        .setArea("areas/" + area(a)).setValue(value(n)).setSource("DMS\textract").setNote("line one\nline \\two")
        .build();
  }

  private static String value(int n) {
    return (n % 1000) / 10.0 + "%";
  }

  private static OutturnRow row(String indicator, int y, int a, String value) {
    return OutturnRow.newBuilder().setIndicator("indicators/" + indicator).setPeriod("periods/" + period(y))
        .setArea("areas/" + area(a)).setValue(value).build();
  }

  private ImportOutturnsResponse stream(ImportOptions options, List<OutturnRow> rows) throws Exception {
    return OutturnImports.send(asyncClient, options, rows.iterator());
  }

  /** The rows sent {@code perMessage} in each message. */
  private ImportOutturnsResponse stream(ImportOptions options, List<OutturnRow> rows, int perMessage)
      throws Exception {
    return OutturnImports.send(asyncClient, options, rows.iterator(), perMessage);
  }

  private long count(String sql) throws Exception {
    return Long.parseLong(db.queryOne(sql));
  }

  @Test
  void aLargeImportWritesEveryRowAsItsEntrysDraft() throws Exception {
    int rows = INDICATORS * PERIODS * AREAS;
    List<OutturnRow> grid = IntStream.range(0, rows).mapToObj(OutturnImportTest::gridRow).toList();
    long started = System.nanoTime();
    ImportOutturnsResponse response = stream(null, grid, 500);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("ImportOutturns: %,d rows in %.2f s, %,.0f rows/s%n", rows, seconds, rows / seconds);

    assertTrue(response.getWritten());
    assertEquals(rows, response.getAcceptedCount());
    assertEquals(0, response.getRejectedTotal());
    String ours = "FROM outturn o JOIN indicator i ON i.id = o.indicator_id WHERE i.code LIKE 'OI-%' AND i.code ~ '[0-9]$'";
    assertEquals(rows, count("SELECT count(*) " + ours));
    assertEquals(rows, count("SELECT count(*) " + ours + " AND o.current AND o.revision = 1 AND o.supersedes_id IS NULL"
        + " AND o.state = 'PUBLICATION_STATE_DRAFT' AND o.publish_time IS NULL AND o.status = 'OUTTURN_STATUS_FINAL'"));
    assertEquals(rows, count("SELECT count(DISTINCT (o.indicator_id, o.period_id, o.area_id)) " + ours));

    for (int n : new int[] {0, 1, 4_321, rows - 1}) {
      OutturnRow sent = gridRow(n);
      assertEquals(String.join("|", sent.getValue(), "DMS\textract", "line one\nline \\two", "1",
          "PUBLICATION_STATE_DRAFT", "t"), db.queryOne("""
          SELECT concat_ws('|', o.figure_original_text, o.source, o.note, o.revision, o.state, o.submitted_by <> '')
          FROM outturn o JOIN indicator i ON i.id = o.indicator_id JOIN period p ON p.id = o.period_id
          JOIN area a ON a.id = o.area_id WHERE 'indicators/' || i.code = '%s' AND 'periods/' || p.code = '%s'
          AND 'areas/' || a.code = '%s'""".formatted(sent.getIndicator(), sent.getPeriod(), sent.getArea())));
    }
    var shown = client.listOutturns(ListOutturnsRequest.newBuilder().setParent("indicators/OI-7")
        .setView(FigureView.FIGURE_VIEW_LATEST).setPageSize(5).build()).getOutturns(0);
    assertEquals("DMS\textract", shown.getSource());
    assertEquals("line one\nline \\two", shown.getNote());
    assertEquals(PublicationState.PUBLICATION_STATE_DRAFT, shown.getState());
    String entries = "FROM entry e JOIN indicator i ON i.id = e.indicator_id WHERE i.code ~ '^OI-[0-9]+$'";
    assertEquals(INDICATORS * PERIODS, count("SELECT count(*) " + entries + " AND e.state = 'PUBLICATION_STATE_DRAFT'"
        + " AND e.version = " + AREAS));
    assertEquals(INDICATORS * PERIODS, count("SELECT count(*) FROM entry_step s JOIN entry e ON e.id = s.entry_id "
        + "JOIN indicator i ON i.id = e.indicator_id WHERE i.code ~ '^OI-[0-9]+$'"), "each entry opened once");
    assertEquals(1, count("SELECT count(*) FROM audit_event WHERE action = 'import'"), "one event for the import");
  }

  @Test
  void rowsOfOneKeyAreItsNextRevisionsInTheOrderTheyCame() throws Exception {
    Outturn first = client.createOutturn(CreateOutturnRequest.newBuilder().setParent("indicators/OI-REV")
        .setOutturn(Outturn.newBuilder().setPeriod("periods/" + period(0)).setArea("areas/" + area(0))
            .setFigure(Figure.newBuilder().setOriginalText("10"))).build());
    ImportOutturnsResponse response = stream(null, List.of(row("OI-REV", 0, 0, "11"), row("OI-REV", 0, 1, "20"),
        row("OI-REV", 0, 0, "12")));
    assertTrue(response.getWritten());

    var history = client.listOutturns(ListOutturnsRequest.newBuilder().setParent("indicators/OI-REV")
        .setView(FigureView.FIGURE_VIEW_LATEST).setShowSuperseded(true).build()).getOutturnsList().stream()
        .filter(o -> o.getArea().equals("areas/" + area(0))).toList();
    assertEquals(List.of("10", "11", "12"), history.stream().map(o -> o.getFigure().getOriginalText()).toList());
    assertEquals(List.of(1, 2, 3), history.stream().map(Outturn::getRevision).toList());
    assertEquals(List.of("", first.getName(), history.get(1).getName()),
        history.stream().map(Outturn::getSupersedes).toList());
    assertEquals(List.of(true, true, false), history.stream().map(Outturn::getSuperseded).toList());
  }

  @Test
  void oneBadRowInTheMiddleOfALargeStreamWritesNothingAndIsNamed() throws Exception {
    List<OutturnRow> rows = new ArrayList<>();
    for (int n = 0; n < 10_001; n++) {
      rows.add(row("OI-BAD", n % PERIODS, n / PERIODS % AREAS, "5"));
    }
    rows.set(5_000, rows.get(5_000).toBuilder().setPeriod("periods/fy-1990-91").setValue("101").build());
    long before = db.rows("outturn");
    long entries = db.rows("entry");

    ImportOutturnsResponse refused = stream(null, rows, 999);
    assertFalse(refused.getWritten());
    assertEquals(10_000, refused.getAcceptedCount());
    assertEquals(1, refused.getRejectedTotal());
    RejectedRow bad = refused.getRejected(0);
    assertEquals(5_001, bad.getRowNumber(), "numbered by its place in the stream");
    assertEquals(List.of("period", "value"), bad.getProblemsList().stream().map(FieldProblem::getField).toList());
    assertEquals("periods/fy-1990-91 does not exist", bad.getProblems(0).getDescription());
    assertTrue(bad.getProblems(1).getDescription().contains("percentage"), bad.toString());
    assertEquals(List.of(before, entries), List.of(db.rows("outturn"), db.rows("entry")));
  }

  @Test
  void rejectedRowsPastAThousandAreCountedNotListed() throws Exception {
    List<OutturnRow> rows = IntStream.range(0, 1_500).mapToObj(n -> row("OI-BAD", 0, 0, "n/a").toBuilder()
        .setArea("areas/nowhere-" + n).build()).toList();
    ImportOutturnsResponse refused = stream(ImportOptions.newBuilder().setValidateOnly(true).build(), rows);
    assertEquals(1_500, refused.getRejectedTotal());
    assertEquals(1_000, refused.getRejectedCount());
    assertEquals(1_000, refused.getRejected(999).getRowNumber());
    assertEquals("areas/nowhere-999 does not exist", refused.getRejected(999).getProblems(0).getDescription());
  }

  @Test
  void aCancelledImportWritesNothing() throws Exception {
    long before = db.rows("outturn");
    long events = db.rows("audit_event");
    var rows = IntStream.range(0, 5_000).mapToObj(n -> ImportOutturnsRequest.newBuilder()
        .setRow(row("OI-CANCEL", n % PERIODS, n / PERIODS % AREAS, "5")).build()).iterator();
    assertEquals(Status.Code.CANCELLED, ClientStreams.cancel(asyncClient::importOutturns, rows).getCode());

    // One import at a time: this one starts once the cancelled one has let go of the database.
    assertTrue(stream(null, List.of(row("OI-CANCEL", 0, 0, "7"))).getWritten());
    assertEquals(before + 1, db.rows("outturn"));
    assertEquals(1, count("SELECT count(*) FROM outturn o JOIN indicator i ON i.id = o.indicator_id"
        + " WHERE i.code = 'OI-CANCEL'"));
    assertEquals(events + 1, db.rows("audit_event"));
  }

  @Test
  void aRetriedImportWithItsRequestIdWritesOnce() throws Exception {
    var options = ImportOptions.newBuilder().setRequestId(UUID.randomUUID().toString()).build();
    List<OutturnRow> rows = IntStream.range(0, 3_000).mapToObj(n -> row("OI-ONCE", n % PERIODS, n / PERIODS % AREAS,
        String.valueOf(n % 100))).toList();
    long before = db.rows("outturn");
    ImportOutturnsResponse first = stream(options, rows);
    ImportOutturnsResponse retry = stream(options, rows, 250);
    assertEquals(first, retry, "the same rows sent together are the same request");
    assertEquals(3_000, first.getAcceptedCount());
    assertEquals(before + 3_000, db.rows("outturn"));
    List<OutturnRow> other = new ArrayList<>(rows);
    other.set(2_999, rows.get(2_999).toBuilder().setValue("1").build());
    expectInvalid(() -> stream(options, other), "options.request_id");
    assertEquals(before + 3_000, db.rows("outturn"));
  }

  @Test
  void aMessageOfRowsPastItsLimitIsRefusedAndWritesNothing() throws Exception {
    long before = db.rows("outturn");
    String note = "x".repeat(Violations.MAX_TEXT);
    List<OutturnRow> rows = IntStream.range(0, 60).mapToObj(n -> row("OI-BAD", n % PERIODS, n / PERIODS, "5")
        .toBuilder().setNote(note).build()).toList();
    assertEquals(60, stream(ImportOptions.newBuilder().setValidateOnly(true).build(), rows, 50).getAcceptedCount(),
        "50 rows of 20,000 characters make a message of a little less than 1 MiB: accepted");
    var refused = expectInvalid(() -> stream(null, rows, 60), "rows");
    assertTrue(refused.get(0).getDescription().contains("at most 1024 KiB"), refused.toString());
    assertEquals(before, db.rows("outturn"));
  }

  @Test
  void aSubmittedEntryRefusesTheImportAndAReturnedOneKeepsItsState() throws Exception {
    String entry = "indicators/OI-LOCK/entries/" + period(1);
    client.saveEntry(SaveEntryRequest.newBuilder().setName(entry).addOutturns(Outturn.newBuilder()
        .setArea("areas/" + area(0)).setFigure(Figure.newBuilder().setOriginalText("3"))).setSubmit(true).build());
    long before = db.rows("outturn");
    var locked = expect(Status.Code.FAILED_PRECONDITION, () -> stream(null, List.of(row("OI-LOCK", 0, 0, "1"),
        row("OI-LOCK", 1, 1, "2"))));
    assertEquals("ENTRY_LOCKED", GrpcErrors.errorInfo(locked).getReason());
    assertTrue(locked.getMessage().startsWith(entry + " is submitted"), locked.getMessage());
    assertEquals(before, db.rows("outturn"));

    client.returnEntry(ReturnEntryRequest.newBuilder().setName(entry).setReason("Check the wards").build());
    assertTrue(stream(null, List.of(row("OI-LOCK", 1, 1, "2"))).getWritten());
    Entry returned = client.getEntry(GetEntryRequest.newBuilder().setName(entry)
        .setView(FigureView.FIGURE_VIEW_LATEST).build());
    assertEquals(PublicationState.PUBLICATION_STATE_RETURNED, returned.getState());
    assertEquals("Check the wards", returned.getReturnReason());
    var written = client.listOutturns(ListOutturnsRequest.newBuilder().setParent("indicators/OI-LOCK")
        .setView(FigureView.FIGURE_VIEW_LATEST).build()).getOutturnsList().stream()
        .filter(o -> o.getArea().equals("areas/" + area(1))).findFirst().orElseThrow();
    assertEquals(PublicationState.PUBLICATION_STATE_RETURNED, written.getState());
  }
}
