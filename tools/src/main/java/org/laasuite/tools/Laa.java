package org.laasuite.tools;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import org.laasuite.auth.LocalIssuer;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.laasuite.indicators.v1.ImportSimpleViewEvent;
import org.laasuite.indicators.v1.ImportSimpleViewRequest;
import org.laasuite.indicators.v1.StreamImportSimpleViewRequest;
import org.laasuite.indicators.v1.ImportSimpleViewResponse;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.indicators.v1.ListIndicatorsRequest;

/**
 * The Java half of bin/laa: the steps a shell script cannot do well. Each subcommand prints what it
 * did, or what is wrong and what to do, and exits non-zero on failure.
 */
public final class Laa {

  private Laa() {
  }

  public static void main(String[] args) throws Exception {
    System.exit(run(args));
  }

  /** One subcommand, returning its exit code: what tests call to load the demo data as bin/laa does. */
  public static int run(String... args) throws Exception {
    if (args.length == 0) {
      usage();
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    return switch (args[0]) {
      case "embedded-postgres" -> embeddedPostgres(rest);
      case "create-databases" -> createDatabases(rest);
      case "wait-grpc" -> waitGrpc(rest);
      case "token" -> token(rest);
      case "import-simple-view" -> importSimpleView(rest);
      case "import-narratives" -> Narratives.importNarratives(rest);
      case "import-comparators" -> Comparators.importComparators(rest);
      case "quarters" -> Quarters.make(rest);
      case "indicators" -> Reading.indicators(rest);
      case "report" -> Reading.report(rest);
      case "outturn" -> Reading.outturn(rest);
      case "import-funding" -> Funding.importFunding(rest);
      case "funding-summary" -> Funding.summary(rest);
      case "succession" -> Funding.succession(rest);
      case "import-partnership" -> Partnership.importData(rest);
      case "link-sign-ins" -> Partnership.linkSignIns(rest);
      case "rights" -> Partnership.rights(rest);
      case "meeting" -> Partnership.meeting(rest);
      case "actions" -> Partnership.actions(rest);
      case "plan" -> Partnership.plans(rest);
      case "remind" -> Remind.run(rest);
      default -> usage();
    };
  }

  private static int usage() {
    System.err.println("""
        usage: laa-tools embedded-postgres DATA_DIR PORT
               laa-tools create-databases JDBC_URL USER PASSWORD DB...
               laa-tools wait-grpc HOST:PORT SECONDS
               laa-tools token KEY_DIR ISSUER SUBJECT   a bearer token of the local issuer (its key made if missing)
               laa-tools import-simple-view HOST:PORT FILE [--validate-only] [--allow-partial] [--skip-if-loaded]
                                          [--progress=bar]   FILE: .csv or .xlsx; a progress bar (else lines)
               laa-tools import-narratives HOST:PORT FILE [--skip-if-loaded]   published as loaded
               laa-tools import-comparators HOST:PORT FILE [--skip-if-loaded]   comparator groups and figures
               laa-tools quarters HOST:PORT FIRST LAST   the quarters of financial years FIRST to LAST (2006-07 2008-09)
               laa-tools indicators HOST:PORT [BLOCK]
               laa-tools report HOST:PORT CODE...
               laa-tools outturn HOST:PORT CODE PERIOD VALUE [AREA]   as LAA_TOKEN's caller
               laa-tools import-funding HOST:PORT DIR YEAR [--skip-if-loaded]
               laa-tools funding-summary HOST:PORT YEAR
               laa-tools succession HOST:PORT YYYY-MM-DD
               laa-tools import-partnership HOST:PORT FILE [--skip-if-loaded]
               laa-tools link-sign-ins HOST:PORT ISSUER   every person's local sign-in (subject people/ID)
               laa-tools rights HOST:PORT         who may do what, and why
               laa-tools meeting HOST:PORT ID
               laa-tools actions HOST:PORT OWNER
               laa-tools plan HOST:PORT
               laa-tools remind BASE_URL          the gateway sends the e-mail reminders now (LAA_TOKEN: an admin's)""");
    System.exit(2);
    return 2;
  }

  /**
   * Prints a token for {@code SUBJECT} signed by the local issuer whose key is in {@code KEY_DIR} (made there
   * first if there is none, with its public half in jwks.json for the services), valid for twelve hours.
   */
  private static int token(List<String> args) {
    if (args.size() != 3) {
      usage();
    }
    LocalIssuer issuer = LocalIssuer.open(Path.of(args.get(0)), args.get(1));
    System.out.println(issuer.mint(args.get(2), java.util.Map.of(), java.time.Duration.ofHours(12)));
    return 0;
  }

  /** Runs a real PostgreSQL from Maven Central's binaries until this process is stopped. */
  private static int embeddedPostgres(List<String> args) throws Exception {
    Path data = Path.of(args.get(0)).toAbsolutePath();
    int port = Integer.parseInt(args.get(1));
    Files.createDirectories(data);
    Path work = data.resolveSibling("pg-binaries");
    Files.createDirectories(work);
    var builder = EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setOverrideWorkingDirectory(work.toFile())
        .setPort(port)
        .setPGStartupWait(Duration.ofSeconds(60));
    // The library's defaults are for throwaway test databases (fsync off): an acknowledged write must
    // survive a crash here, unless LAA_EMBEDDED_PG_FAST=1 asks for speed over safety.
    boolean safe = !"1".equals(System.getenv("LAA_EMBEDDED_PG_FAST"));
    for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
      builder.setServerConfig(setting, safe ? "on" : "off");
    }
    EmbeddedPostgres pg = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        pg.close();
      } catch (IOException e) {
        System.err.println("stopping PostgreSQL: " + e.getMessage());
      }
    }));
    System.out.println("PostgreSQL ready on 127.0.0.1:" + port + " (data in " + data + ")"
        + (safe ? "" : "; fsync off (LAA_EMBEDDED_PG_FAST)"));
    // This process lives as long as PostgreSQL does: if the server dies, so does this, so that
    // bin/laa sees it stopped and starts it again.
    while (true) {
      Thread.sleep(2_000);
      String gone = null;
      try (Connection c = pg.getPostgresDatabase().getConnection()) {
        gone = c.isValid(2) ? null : "the connection is not valid";
      } catch (SQLException e) {
        gone = e.getMessage();
      }
      if (gone != null) {
        System.err.println("PostgreSQL on 127.0.0.1:" + port + " no longer answers (" + gone + "); stopping");
        System.exit(1);
      }
    }
  }

  /** Creates each database that does not exist yet. */
  private static int createDatabases(List<String> args) throws SQLException {
    String url = args.get(0);
    try (Connection c = DriverManager.getConnection(url, args.get(1), args.get(2))) {
      for (String db : args.subList(3, args.size())) {
        try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
          exists.setString(1, db);
          try (ResultSet rs = exists.executeQuery()) {
            if (rs.next()) {
              continue;
            }
          }
        }
        try (Statement st = c.createStatement()) {
          st.execute("CREATE DATABASE \"" + db.replace("\"", "") + "\"");
          System.out.println("created database " + db);
        }
      }
    } catch (SQLException e) {
      System.err.println("cannot reach PostgreSQL at " + url + ": " + e.getMessage());
      return 1;
    }
    return 0;
  }

  /** Waits until the gRPC server answers SERVING on grpc.health.v1. */
  private static int waitGrpc(List<String> args) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(Long.parseLong(args.get(1)));
    ManagedChannel channel = ManagedChannelBuilder.forTarget(args.get(0)).usePlaintext().build();
    try {
      while (Instant.now().isBefore(deadline)) {
        try {
          var status = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(2, TimeUnit.SECONDS)
              .check(HealthCheckRequest.getDefaultInstance()).getStatus();
          if (status == HealthCheckResponse.ServingStatus.SERVING) {
            return 0;
          }
        } catch (StatusRuntimeException notYet) {
          // not listening yet
        }
        channel.getState(true);
        TimeUnit.MILLISECONDS.sleep(250);
      }
      System.err.println(args.get(0) + " did not report SERVING within " + args.get(1) + " s");
      return 1;
    } finally {
      channel.shutdownNow();
    }
  }

  /**
   * Imports a Simple View file, a CSV file or an Excel workbook (.xlsx; the service tells them apart by content), with
   * StreamImportSimpleView: its progress drawn as a bar ({@code --progress bar}, what bin/laa asks on a terminal) or
   * printed as plain lines (otherwise), then the problems by sheet, row and column and what was written. A service
   * that does not stream imports (UNIMPLEMENTED) is asked ImportSimpleView instead. Exits 1 when nothing was
   * written (with {@code --validate-only}: when the file has problems).
   */
  private static int importSimpleView(List<String> args) throws Exception {
    Path file = Path.of(args.get(1));
    if (!Calls.readable(file)) {
      return 1;
    }
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (!name.endsWith(".csv") && !name.endsWith(".xlsx")) {
      System.err.println(file + ": neither a CSV file (.csv) nor an Excel workbook (.xlsx)");
      return 1;
    }
    boolean validateOnly = args.contains("--validate-only");
    ProgressBar progress = new ProgressBar(System.out, args.contains("--progress=bar"));
    return Calls.with(args.get(0), channel -> {
      var client = IndicatorServiceGrpc.newBlockingStub(channel).withDeadlineAfter(120, TimeUnit.SECONDS);
      if (args.contains("--skip-if-loaded")
          && client.listIndicators(ListIndicatorsRequest.newBuilder().setPageSize(1).build()).getTotalSize() > 0) {
        System.out.println("indicators: already loaded, import skipped");
        return 0;
      }
      ImportSimpleViewRequest request = ImportSimpleViewRequest.newBuilder()
          .setContent(ByteString.copyFrom(Files.readAllBytes(file)))
          .setFileName(file.getFileName().toString())
          .setValidateOnly(validateOnly)
          .setAllowPartial(args.contains("--allow-partial"))
          .build();
      ImportSimpleViewResponse r = streamed(client, request, progress);
      progress.end();
      Calls.printProblems(file, r.getProblemsList());
      System.out.printf("%s: %d indicators, %d baselines, %d targets, %d outturns, %d judgements, %d periods, "
              + "%d areas %s%n", file.getFileName(), r.getIndicators(), r.getBaselines(), r.getTargets(),
          r.getOutturns(), r.getJudgements(), r.getPeriods(), r.getAreas(),
          r.getWritten() ? "loaded" : validateOnly && r.getProblemsCount() == 0 ? "checked: no problems (nothing "
              + "written: --validate-only)" : "NOT loaded" + (r.getProblemsCount() > 0 ? " (" + r.getProblemsCount()
              + " problems" + (validateOnly ? "" : "; nothing written; --allow-partial loads the good rows") + ")"
              : ""));
      return validateOnly ? (r.getProblemsCount() > 0 ? 1 : 0) : (r.getWritten() ? 0 : 1);
    });
  }

  /** The import's result, its progress shown as it goes; the unary call when the service does not stream. */
  private static ImportSimpleViewResponse streamed(IndicatorServiceGrpc.IndicatorServiceBlockingStub client,
      ImportSimpleViewRequest request, ProgressBar progress) {
    boolean any = false;
    try {
      var events = client.streamImportSimpleView(StreamImportSimpleViewRequest.newBuilder().setRequest(request)
          .build());
      while (events.hasNext()) {
        ImportSimpleViewEvent e = events.next();
        any = true;
        if (e.hasProgress()) {
          progress.show(e.getProgress());
        } else if (e.hasResult()) {
          return e.getResult();
        }
      }
      throw Status.UNKNOWN.withDescription("the import ended without its result").asRuntimeException();
    } catch (StatusRuntimeException e) {
      if (any || e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
        progress.end();
        throw e;
      }
    }
    progress.waiting(request.getFileName());
    return client.importSimpleView(request);
  }
}
