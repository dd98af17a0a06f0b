package org.laasuite.indicators.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Iterator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.laasuite.indicators.v1.*;
import org.laasuite.testkit.OwnDatabaseTest;
import org.laasuite.type.v1.LaaBlock;
import org.postgresql.PGConnection;

/**
 * How fast ImportOutturns writes compared with a plain COPY of the same rows into the same table, in one run: not a
 * test (it asserts only that the rows landed), run with {@code -Dlaa.bench=true [-Dlaa.bench.rows=200000]}.
 */
@MicronautTest(transactional = false)
@EnabledIfSystemProperty(named = "laa.bench", matches = "true")
class OutturnImportBench extends OwnDatabaseTest {

  private static final int ROWS = Integer.getInteger("laa.bench.rows", 200_000);
  private static final int PERIODS = 10;
  private static final int AREAS = 100;
  private static final int INDICATORS = (ROWS + PERIODS * AREAS - 1) / (PERIODS * AREAS);

  @Inject
  IndicatorServiceGrpc.IndicatorServiceBlockingStub client;
  @Inject
  IndicatorServiceGrpc.IndicatorServiceStub asyncClient;

  @BeforeAll
  void scale() {
    for (int a = 0; a < AREAS; a++) {
      client.createArea(CreateAreaRequest.newBuilder().setArea(Area.newBuilder().setId("ward-" + a)
          .setTitle("Ward " + a).setType(AreaType.AREA_TYPE_WARD)).build());
    }
    for (int y = 0; y < PERIODS; y++) {
      client.createPeriod(CreatePeriodRequest.newBuilder().setPeriod(Period.newBuilder().setId("p-" + y)
          .setType(PeriodType.PERIOD_TYPE_FINANCIAL_YEAR).setStartDate(Fixtures.date(2000 + y, 4, 1))
          .setEndDate(Fixtures.date(2001 + y, 3, 31)).setLabel("Year " + y)).build());
    }
    for (int i = 0; i < INDICATORS; i++) {
      client.createIndicator(CreateIndicatorRequest.newBuilder().setIndicator(Indicator.newBuilder().setId("B-" + i)
          .setTitle("Bench " + i).setUnits("%").setBlock(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE)
          .setPolarity(Polarity.POLARITY_LOWER_IS_BETTER).setThemeGroup("bodies/bench")).build());
    }
  }

  private static OutturnRow row(int n) {
    return OutturnRow.newBuilder().setIndicator("indicators/B-" + n / AREAS / PERIODS)
        .setPeriod("periods/p-" + n / AREAS % PERIODS).setArea("areas/ward-" + n % AREAS)
        .setValue((n % 1000) / 10.0 + "%").setSource("Bench").build();
  }

  private double importRows(ImportOptions options) throws Exception {
    return importRows(options, 500);
  }

  private double importRows(ImportOptions options, int perMessage) throws Exception {
    Iterator<OutturnRow> rows = IntStream.range(0, ROWS).mapToObj(OutturnImportBench::row).iterator();
    long started = System.nanoTime();
    ImportOutturnsResponse r = OutturnImports.send(asyncClient, options, rows, perMessage);
    double seconds = (System.nanoTime() - started) / 1e9;
    assertEquals(options == null, r.getWritten());
    assertEquals(ROWS, r.getAcceptedCount());
    return ROWS / seconds;
  }

  /** The same rows as the import writes them, sent with COPY (the text built beforehand, not timed). */
  private double copyRows() throws Exception {
    StringBuilder text = new StringBuilder();
    try (Connection c = db.connect()) {
      var ids = new java.util.HashMap<String, Long>();
      try (var rs = c.createStatement().executeQuery("SELECT 'i' || code, id FROM indicator UNION ALL "
          + "SELECT 'p' || code, id FROM period UNION ALL SELECT 'a' || code, id FROM area")) {
        while (rs.next()) {
          ids.put(rs.getString(1), rs.getLong(2));
        }
      }
      for (int n = 0; n < ROWS; n++) {
        text.append(ids.get("iB-" + n / AREAS / PERIODS)).append('\t').append(ids.get("pp-" + n / AREAS % PERIODS))
            .append("\t\\N\t").append(ids.get("award-" + n % AREAS)).append('\t').append((n % 1000) / 10.0)
            .append("\tCOMPARATOR_EQUAL\t0\tf\t\\N\tFIGURE_STATUS_VALUE\t").append((n % 1000) / 10.0)
            .append("%\tOUTTURN_STATUS_FINAL\t\\N\tBench\t\tbench\t2026-01-01 00:00:00+00\t1\t\\N\tt\t")
            .append("PUBLICATION_STATE_DRAFT\t\\N\n");
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      long started = System.nanoTime();
      long copied = c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
          COPY outturn (indicator_id, period_id, data_period_id, area_id, figure_value, figure_comparator,
          figure_due_year, figure_cumulative, figure_secondary_value, figure_status, figure_original_text, status,
          coverage, source, note, submitted_by, create_time, revision, supersedes_id, current, state, publish_time)
          FROM STDIN""", new java.io.ByteArrayInputStream(bytes));
      double seconds = (System.nanoTime() - started) / 1e9;
      assertEquals(ROWS, copied);
      c.createStatement().execute("TRUNCATE outturn");
      return ROWS / seconds;
    }
  }

  @Test
  void importBesideCopy() throws Exception {
    double warm = importRows(null); // the JIT's first pass, and rows that the next imports supersede
    db.execute("TRUNCATE outturn", "TRUNCATE entry CASCADE");
    double copy = copyRows();
    double checked = importRows(ImportOptions.newBuilder().setValidateOnly(true).build());
    double fresh = importRows(null);
    double corrections = importRows(null);
    double single = importRows(null, 1);
    System.out.printf("BENCH %,d rows, 500 a message: COPY %,.0f rows/s; ImportOutturns first %,.0f (cold),"
        + " validate_only %,.0f, into an empty table %,.0f rows/s (%.0f%% of COPY), correcting every row %,.0f rows/s"
        + " (%.0f%% of COPY); one row a message, correcting %,.0f rows/s%n", ROWS, copy, warm, checked, fresh,
        100 * fresh / copy, corrections, 100 * corrections / copy, single);
  }
}
