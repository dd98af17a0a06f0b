package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.laasuite.reporting.v1.ReportCard;
import org.laasuite.testkit.Ports;
import org.laasuite.tools.Laa;

/**
 * The launcher as a developer uses it, run after the build has packaged every module (an integration test):
 * {@code bin/laa up} on ports and a state directory of the test's own, then the embedded PostgreSQL and a
 * service die as a crash would end them. {@code bin/laa status} says so, and {@code bin/laa up} brings both back
 * by itself, the service's earlier log kept, the demo data served whole.
 */
class LauncherIT {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  private record Run(int exit, String output) {
  }

  private static Run laa(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(ROOT.resolve("bin/laa").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
    pb.environment().remove("LAA_DATABASE_URL");
    pb.environment().putAll(env);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
    }
    System.out.println("$ bin/laa " + String.join(" ", args) + "\n" + output);
    return new Run(p.exitValue(), output);
  }

  private static long pid(Path file) throws IOException {
    return Long.parseLong(Files.readAllLines(file).getFirst().strip());
  }

  /** Ends the process as a crash or the OOM killer would, and waits until it has gone. */
  private static void kill(long pid) throws Exception {
    ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
    process.destroyForcibly();
    process.onExit().get(60, TimeUnit.SECONDS);
  }

  @Test
  void upBringsBackTheEmbeddedDatabaseAndAServiceThatDiedKeepingTheServicesLog() throws Exception {
    Path state = Files.createTempDirectory("laa-launcher-it");
    Map<String, String> env = new LinkedHashMap<>();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("LAA_STATE_DIR", state.toString());
    env.put("LAA_EMBEDDED_PG_FAST", "1"); // what is tested is the recovery, not the disk
    for (String port : List.of("LAA_EMBEDDED_PG_PORT", "INDICATORS_GRPC_PORT", "INDICATORS_HTTP_PORT",
        "FUNDING_GRPC_PORT", "FUNDING_HTTP_PORT", "PARTNERSHIP_GRPC_PORT", "PARTNERSHIP_HTTP_PORT",
        "GATEWAY_HTTP_PORT", "GATEWAY_GRPC_PORT", "GATEWAY_MANAGEMENT_PORT")) {
      String free;
      do {
        free = String.valueOf(Ports.free()); // each its own: a free port is free until taken, for any asker
      } while (env.containsValue(free));
      env.put(port, free);
    }
    try {
      Run up = laa(env, "up");
      assertEquals(0, up.exit(), up.output());
      assertTrue(up.output().contains("The LAA Suite is up"), up.output());

      // bin/laa import: a Simple View file checked, its problem named by row and column, the exit status 1; its
      // progress as plain lines (the output is no terminal here).
      Path bad = Files.write(state.resolve("simple-view.csv"), SimpleViewFiles.file(SimpleViewFiles.row(2, "UPL-L-1",
          "SIDEWAYS")));
      Run check = laa(env, "import", bad.toString(), "--validate-only");
      assertEquals(1, check.exit(), check.output());
      assertTrue(check.output().contains(bad + ":2 [polarity]: "), check.output());
      assertTrue(check.output().contains("simple-view.csv: sent, waiting for the answer")
          || check.output().contains("checking: "), "its progress: " + check.output());

      Path fundingLog = state.resolve("logs/funding-service.log");
      String earlierLog = Files.readString(fundingLog);
      kill(pid(state.resolve("pgdata/postmaster.pid")));
      // The wrapper that ran the server exits with it, so that the launcher sees it gone.
      ProcessHandle.of(pid(state.resolve("run/postgres.pid"))).ifPresent(h -> h.onExit().join());
      kill(pid(state.resolve("run/funding-service.pid")));
      Run status = laa(env, "status");
      assertTrue(status.output().contains("postgres: stopped"), status.output());
      assertTrue(status.output().contains("funding-service: stopped"), status.output());

      Run again = laa(env, "up");
      assertEquals(0, again.exit(), again.output());
      assertTrue(again.output().contains("PostgreSQL: starting an embedded server"), again.output());
      Run after = laa(env, "status");
      assertTrue(after.output().contains("postgres: running"), after.output());
      assertTrue(after.output().contains("funding-service: running"), after.output());
      assertTrue(Files.readString(fundingLog).startsWith(earlierLog), "the service's earlier log is kept");

      // The services that stayed up find the database again (health SERVING once it answers them).
      for (String service : List.of("INDICATORS", "PARTNERSHIP")) {
        assertEquals(0, Laa.run("wait-grpc", "127.0.0.1:" + env.get(service + "_GRPC_PORT"), "60"), service);
      }
      URI gateway = URI.create("http://127.0.0.1:" + env.get("GATEWAY_HTTP_PORT"));
      var answer = Http.get(gateway, "/api/v1/report-cards/CYP-28");
      assertEquals(200, answer.statusCode(), answer.body());
      ReportCard.Builder card = ReportCard.newBuilder();
      JsonFormat.parser().merge(answer.body(), card);
      assertEquals(List.of(), card.getUnavailableList(), "every section served: the demo data is all there");
      assertTrue(card.hasPerformance() && card.getPerformance().getOutturnsCount() > 0, answer.body());
    } finally {
      laa(env, "down");
      try (Stream<Path> files = Files.walk(state)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
