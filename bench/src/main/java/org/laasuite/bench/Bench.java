package org.laasuite.bench;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.laasuite.indicators.v1.ImportOutturnsResponse;
import org.laasuite.reporting.v1.GetBlockSummaryRequest;
import org.laasuite.reporting.v1.GetReportCardRequest;
import org.laasuite.reporting.v1.ReportingServiceGrpc;

/**
 * bin/laa bench: every scenario of issue 15 against a running (throwaway) suite, in order — the demo data's report
 * card and block summary, the open loop, the import beside COPY, the scale-up and the same pages again, a deadline
 * given up on, and each service's ready time and memory — then the table, printed and written as JSON.
 */
public final class Bench {

  /** A demo indicator no scenario writes to (the NEET report card). */
  static final String CARD = "CYP-28";
  static final String UNTOUCHED_BLOCK = "children-and-young-people";
  static final String SCALED_BLOCK = "economic-development-and-enterprise";
  static final int[] RATES = {10, 50, 100, 200, 500};
  static final int DEADLINE_CALLS = 6;
  static final int DEADLINE_MS = 100;
  static final double MAX_RSS_MB = 300;

  private final Suite suite;
  private final Options o;
  private final Table table = new Table();
  private final ScaleData data;
  private Latency floor;
  private Load.Closed demoCard;
  private Load.Closed scaledBlock;

  private Bench(Suite suite) {
    this.suite = suite;
    this.o = suite.options;
    this.data = new ScaleData(suite);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    Options options;
    try {
      options = Options.parse(Arrays.asList(args));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println("""
          usage: Bench --gateway-http URL --gateway-grpc HOST:PORT --indicators-grpc HOST:PORT --indicators-db JDBC_URL
                       --run DIR --logs DIR --out DIR [--db-user U] [--db-password P] [--quick] [--scale N] [--rows R]""");
      return 2;
    }
    long start = System.nanoTime();
    Instant began = Instant.now();
    Bench bench;
    try (Suite suite = new Suite(options)) {
      bench = new Bench(suite);
      bench.all();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Object> about = new LinkedHashMap<>();
    about.put("started", began.toString());
    about.put("seconds", seconds);
    about.put("quick", options.quick());
    about.put("scaleIndicators", options.scale());
    about.put("scaleOutturns", (long) options.scale() * Options.PERIODS * Options.AREAS);
    about.put("importRows", options.rows());
    about.put("cpus", Runtime.getRuntime().availableProcessors());
    about.put("java", Runtime.version().toString());
    System.out.println();
    System.out.print(bench.table.markdown());
    try {
      Path json = options.outDir().resolve("latest.json");
      bench.table.write(json, options.outDir().resolve("latest.md"), about);
      System.out.printf(Locale.ROOT, "%nbench: %.0f s; the table is also in %s (and latest.md beside it)%n", seconds,
          json);
    } catch (java.io.IOException e) {
      System.err.println("cannot write the table: " + e.getMessage());
      return 1;
    }
    return bench.table.rows().stream().anyMatch(r -> r.measured().equals("failed")) ? 1 : 0;
  }

  private void all() {
    section("0", "warm-up", this::warmUp);
    section("1", "report card", this::cards);
    section("2", "open loop", this::openLoop);
    section("3", "block summary", this::blocks);
    section("4", "outturn import", this::imports);
    if (o.scale() > 0) {
      section("5", "scale-up", this::scale);
    } else {
      table.add(Row.info("5", "scale-up", "skipped (--scale 0)"));
    }
    section("6", "deadlines", this::deadlines);
    section("7", "ready and memory", this::readiness);
  }

  interface Step {
    void run() throws Exception;
  }

  /** Runs one scenario; one that fails leaves a failed line and the others still run. */
  private void section(String id, String what, Step step) {
    System.out.println("bench " + id + ": " + what);
    long start = System.nanoTime();
    try {
      step.run();
      System.out.println("  (" + seconds(start) + ")");
    } catch (Exception | AssertionError e) {
      String why = e instanceof io.grpc.StatusRuntimeException s ? s.getStatus().getCode() + ": "
          + s.getStatus().getDescription() : e.getClass().getSimpleName() + ": " + e.getMessage();
      table.add(Row.failed(id, what, null, why));
    }
  }

  private Load.Closed closed(Load.Call call) {
    return Load.closed(o.warmUp(), o.closedLoop(), o.closedLoopSeconds(), call);
  }

  private Load.Closed page(String path) {
    return closed(() -> suite.fetch(path));
  }

  private static String measured(Load.Closed c) {
    return c.latency().summaryWithCount() + (c.errors() > 0 ? ", " + c.errors() + " errors (" + c.firstError() + ")" : "");
  }

  private String floorText() {
    return "PK select p50 " + Table.ms(floor.p50());
  }

  /**
   * Asks every page measured below in turn for a while, unmeasured: the demo figures are the baseline the scale-up
   * is judged against, so they must not be those of JVMs still compiling their first calls.
   */
  private void warmUp() {
    List<String> pages = List.of("/api/v1/report-cards/" + CARD, "/report-cards/" + CARD,
        "/report-cards/" + CARD + ".pdf", "/api/v1/blocks/" + UNTOUCHED_BLOCK, "/api/v1/blocks/" + SCALED_BLOCK);
    // The gateway's gRPC card too, one request in every six, so that its path is as warm as the pages' (row 1d).
    var grpc = ReportingServiceGrpc.newBlockingStub(suite.gateway);
    GetReportCardRequest card = GetReportCardRequest.newBuilder().setName("reportCards/" + CARD).build();
    long end = System.nanoTime() + o.warmUpSeconds() * 1_000_000_000L;
    int errors = 0;
    for (int i = 0; System.nanoTime() < end; i++) {
      try {
        if (i % (pages.size() + 1) == pages.size()) {
          grpc.withDeadlineAfter(30, TimeUnit.SECONDS).getReportCard(card);
        } else {
          suite.fetch(pages.get(i % (pages.size() + 1)));
        }
      } catch (Exception e) {
        errors++;
      }
    }
    if (errors > 0) {
      System.out.println("  " + errors + " warm-up requests failed");
    }
  }

  private void cards() throws Exception {
    floor = Floors.indicatorSelect(suite, CARD, 5 * o.warmUp(), 4 * o.closedLoop());
    table.add(Row.info("1", "floor: SELECT * FROM indicator WHERE code = ? (JDBC, prepared)", floor.summary()));
    demoCard = page("/api/v1/report-cards/" + CARD);
    cardRow("1a", "card JSON /api/v1/report-cards/" + CARD, demoCard, Goal.atMost("p50 <= 5x floor", 5));
    cardRow("1b", "card HTML /report-cards/" + CARD, page("/report-cards/" + CARD), null);
    cardRow("1c", "card PDF /report-cards/" + CARD + ".pdf", page("/report-cards/" + CARD + ".pdf"), null);
    var stub = ReportingServiceGrpc.newBlockingStub(suite.gateway);
    GetReportCardRequest request = GetReportCardRequest.newBuilder().setName("reportCards/" + CARD).build();
    cardRow("1d", "card gRPC GetReportCard (gateway)",
        closed(() -> stub.withDeadlineAfter(30, TimeUnit.SECONDS).getReportCard(request).getSerializedSize()), null);
  }

  private void cardRow(String id, String what, Load.Closed c, Goal goal) {
    double ratio = c.latency().p50() / floor.p50();
    Row row = new Row(id, what + " (closed loop)", measured(c), floorText(), ratio, null, null, "");
    table.add(goal == null ? row : row.judged(goal, ratio));
  }

  private void openLoop() throws Exception {
    var request = suite.get("/api/v1/report-cards/" + CARD);
    for (int rate : RATES) {
      Load.Open r = Load.open(suite, request, rate, o.openLoopSeconds(), o.openLoopDrainSeconds());
      String measured = String.format(Locale.ROOT, "%s, errors %d/%d%s, degraded %d, generator CPU %.2f cores",
          r.latency().summary(), r.errors(), r.sent(), r.unfinished() > 0 ? " (" + r.unfinished() + " unanswered)" : "",
          r.degraded(), r.generatorCpu());
      Row row = new Row("2", String.format(Locale.ROOT, "card JSON at %d/s offered for %d s (open loop)", rate,
          o.openLoopSeconds()), measured, "", null, null, null, "");
      table.add(rate == 500 ? row.judged(Goal.atMost("p99 <= 10 ms at 500/s", 10), r.latency().p99()) : row);
    }
  }

  private void blocks() {
    Load.Closed untouchedBlock = page("/api/v1/blocks/" + UNTOUCHED_BLOCK);
    double ratio = untouchedBlock.latency().p99() / demoCard.latency().p99();
    table.add(new Row("3", "block summary JSON /api/v1/blocks/" + UNTOUCHED_BLOCK + " (closed loop)",
        measured(untouchedBlock), "card JSON p99 " + Table.ms(demoCard.latency().p99()), ratio, null, null, "")
        .judged(Goal.atMost("p99 <= 3x card p99", 3), ratio));
    scaledBlock = page("/api/v1/blocks/" + SCALED_BLOCK);
    table.add(new Row("3", "block summary JSON /api/v1/blocks/" + SCALED_BLOCK + " (closed loop; scaled in 5)",
        measured(scaledBlock), "card JSON p99 " + Table.ms(demoCard.latency().p99()),
        scaledBlock.latency().p99() / demoCard.latency().p99(), null, null, ""));
  }

  private void imports() throws Exception {
    long start = System.nanoTime();
    data.makeAreasAndPeriods();
    int perIndicator = Options.PERIODS * Options.AREAS;
    List<String> indicators = data.makeIndicators("BENCH-IMP", (o.rows() + perIndicator - 1) / perIndicator);
    table.add(Row.info("4", "setup: " + Options.AREAS + " areas, " + Options.PERIODS + " periods (CreateArea, "
        + "CreatePeriod), " + indicators.size() + " indicators (CreateIndicator)", seconds(start)));
    Goal rate = Goal.atLeast(">= 250,000 rows/s", 250_000);
    Goal share = Goal.atLeast(">= 1/3 of COPY", 1 / 3.0);
    String what = "ImportOutturns, one stream of " + Table.count(o.rows()) + " rows, " + ScaleData.ROWS_PER_MESSAGE
        + " a message (published)";
    String floor = "floor: COPY of the same rows into outturn (rolled back)";
    Double copy = null;
    String copyFailed = "";
    try { // the floor first: its rows, rolled back, are not yet current
      copy = Floors.copy(suite, data.figures(indicators, o.rows()));
    } catch (java.sql.SQLException e) {
      copyFailed = e.getMessage();
    }
    Double imported = null;
    String why = "";
    start = System.nanoTime();
    try {
      ImportOutturnsResponse r = data.importFigures(data.figures(indicators, o.rows()));
      imported = r.getAcceptedCount() / ((System.nanoTime() - start) / 1e9);
    } catch (Exception e) {
      why = e instanceof io.grpc.StatusRuntimeException s ? s.getStatus().getCode() + ": "
          + s.getStatus().getDescription() : e.toString();
    }
    if (copy == null) {
      table.add(imported == null ? Row.failed("4a", what, rate, why) : new Row("4a", what, Table.count(imported)
          + " rows/s", "", null, null, null, "").judged(rate, imported));
      table.add(Row.failed("4b", floor, share, copyFailed));
      return;
    }
    String copyText = "COPY " + Table.count(copy) + " rows/s";
    if (imported == null) {
      table.add(Row.failed("4a", what, rate, why));
      table.add(Row.failed("4b", "import vs COPY of the same rows", share, why));
      table.add(Row.info("4b", floor, copyText));
      return;
    }
    String measured = Table.count(imported) + " rows/s (" + seconds(start) + ")";
    Row absolute = new Row("4a", what, measured, copyText, imported / copy, null, null, "").judged(rate, imported);
    table.add(copy < rate.limit() ? absolute.withNote("the goal is above the floor itself: COPY into outturn does "
        + Table.count(copy) + " rows/s on this machine") : absolute);
    table.add(new Row("4b", "import vs COPY of the same rows into the same table", measured, copyText,
        imported / copy, null, null, "").judged(share, imported / copy));
  }

  private static String seconds(long startNanos) {
    return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
  }

  private void scale() throws Exception {
    // The untouched pages once more just before the scale-up: on a shared machine the figures drift over minutes,
    // and the comparison is of the data, not of the minute.
    Load.Closed cardBefore = page("/api/v1/report-cards/" + CARD);
    Load.Closed blockBefore = page("/api/v1/blocks/" + UNTOUCHED_BLOCK);
    table.add(Row.info("5", "before: card JSON " + CARD + "; block summary " + UNTOUCHED_BLOCK,
        measured(cardBefore) + "; " + measured(blockBefore)));
    long start = System.nanoTime();
    List<String> indicators = data.makeIndicators("BENCH-S", o.scale());
    long rows = 0;
    for (String code : indicators) {
      rows += data.importFigures(data.figures(List.of(code), Long.MAX_VALUE)).getAcceptedCount();
    }
    double took = (System.nanoTime() - start) / 1e9;
    table.add(Row.info("5", "scale data: " + o.scale() + " indicators x " + Table.count(Options.PERIODS
        * Options.AREAS) + " figures (one ImportOutturns stream each)", String.format(Locale.ROOT,
        "%s outturns in %.1f s (%s rows/s)", Table.count(rows), took, Table.count(rows / took))));
    Goal slower = Goal.atMost("<= 1.2x demo", 1.2);
    Load.Closed card = page("/api/v1/report-cards/" + CARD);
    againstDemo("5a", "untouched card JSON " + CARD + " at scale", card, cardBefore, slower);
    String scaled = indicators.getFirst();
    Load.Closed big = page("/api/v1/report-cards/" + scaled);
    againstDemo("5b", "scaled card JSON " + scaled + " (" + Table.count(Options.PERIODS * Options.AREAS)
        + " figures)", big, cardBefore, slower);
    double bytes = (double) big.bytes() / demoCard.bytes();
    table.add(new Row("5c", "scaled card JSON size", Table.count(big.bytes()) + " bytes",
        "demo card " + Table.count(demoCard.bytes()) + " bytes", bytes, null, null, "")
        .judged(Goal.atMost("<= 2x the demo card's", 2), bytes));
    againstDemo("5d", "untouched block summary " + UNTOUCHED_BLOCK + " at scale",
        page("/api/v1/blocks/" + UNTOUCHED_BLOCK), blockBefore, slower);
    againstDemo("5e", "scaled block summary " + SCALED_BLOCK + " at scale",
        page("/api/v1/blocks/" + SCALED_BLOCK), scaledBlock, slower);
  }

  private void againstDemo(String id, String what, Load.Closed now, Load.Closed demo, Goal goal) {
    double ratio = now.latency().p50() / demo.latency().p50();
    table.add(new Row(id, what + " (closed loop)", measured(now), "before p50 " + Table.ms(demo.latency().p50()),
        ratio, null, null, "").judged(goal, ratio));
  }

  private void deadlines() throws Exception {
    String block = o.scale() > 0 ? SCALED_BLOCK : UNTOUCHED_BLOCK;
    var stub = ReportingServiceGrpc.newFutureStub(suite.gateway);
    GetBlockSummaryRequest request = GetBlockSummaryRequest.newBuilder()
        .setBlock(org.laasuite.type.v1.LaaBlock.valueOf("LAA_BLOCK_" + block.toUpperCase(Locale.ROOT).replace('-', '_')))
        .build();
    List<ListenableFuture<?>> calls = new ArrayList<>();
    for (int i = 0; i < DEADLINE_CALLS; i++) {
      calls.add(stub.withDeadlineAfter(DEADLINE_MS, TimeUnit.MILLISECONDS).getBlockSummary(request));
    }
    Map<String, Integer> outcomes = new TreeMap<>();
    for (var call : calls) {
      String outcome;
      try {
        call.get();
        outcome = "OK";
      } catch (ExecutionException e) {
        outcome = Status.fromThrowable(e.getCause()).getCode().toString();
      }
      outcomes.merge(outcome, 1, Integer::sum);
    }
    // The callers have all given up: whatever the indicators service still spends now is work nobody waits for.
    double cpu0 = suite.processes.cpuSeconds("indicators-service").orElse(Double.NaN);
    Thread.sleep(2_000);
    double cpu = suite.processes.cpuSeconds("indicators-service").orElse(Double.NaN) - cpu0;
    table.add(Row.info("6", DEADLINE_CALLS + " block summaries of " + block + " (gRPC) with a " + DEADLINE_MS
        + " ms deadline, at once", outcomes.toString()));
    table.add(new Row("6a", "indicators service CPU in the 2 s after they gave up",
        String.format(Locale.ROOT, "%.2f s", cpu), "", null, null, null, "")
        .judged(Goal.atMost("<= 0.2 s (the work stops)", 0.2), cpu));
    long t = System.nanoTime();
    String health;
    try {
      health = HealthGrpc.newBlockingStub(suite.indicators).withDeadlineAfter(2, TimeUnit.SECONDS)
          .check(HealthCheckRequest.getDefaultInstance()).getStatus().toString();
    } catch (io.grpc.StatusRuntimeException e) {
      health = e.getStatus().getCode().toString();
    }
    boolean serving = health.equals(HealthCheckResponse.ServingStatus.SERVING.toString());
    table.add(new Row("6b", "indicators service health after", health + " in " + Table.ms((System.nanoTime() - t) / 1e6),
        "", null, null, null, "").judged(Goal.atLeast("SERVING", 1), serving ? 1 : 0));
    StringBuilder rss = new StringBuilder();
    double max = 0;
    for (String name : Processes.SERVICES) {
      Optional<Double> mb = suite.processes.rssMb(name);
      rss.append(rss.isEmpty() ? "" : ", ").append(name.replace("-service", "")).append(' ')
          .append(mb.map(Table::count).orElse("?")).append(" MB");
      max = Math.max(max, mb.orElse(0.0));
    }
    table.add(new Row("6c", "RSS of each service after", rss.toString(), "", null, null, null, "")
        .judged(Goal.atMost("<= 300 MB each", MAX_RSS_MB), max));
  }

  private void readiness() {
    for (String name : Processes.SERVICES) {
      Optional<Double> ready = suite.processes.readySeconds(name);
      String micronaut = suite.processes.micronautStartupSeconds(name)
          .map(s -> String.format(Locale.ROOT, " (Micronaut's start line %.2f s)", s)).orElse("");
      Goal fast = Goal.atMost("< 2 s", 2);
      table.add(ready.map(s -> new Row("7", name + " ready: process start to gRPC SERVING",
          String.format(Locale.ROOT, "%.2f s%s", s, micronaut), "", null, null, null, "").judged(fast, s))
          .orElseGet(() -> Row.failed("7", name + " ready", fast, "bin/laa recorded no start/ready times")));
      Optional<Double> atReady = suite.processes.readyRssMb(name);
      Optional<Double> now = suite.processes.rssMb(name);
      double worst = Math.max(atReady.orElse(0.0), now.orElse(0.0));
      table.add(new Row("7", name + " RSS at ready / after the load", atReady.map(Table::count).orElse("?") + " / "
          + now.map(Table::count).orElse("?") + " MB", "", null, null, null, "")
          .judged(Goal.atMost("<= 300 MB", MAX_RSS_MB), worst));
    }
  }
}
