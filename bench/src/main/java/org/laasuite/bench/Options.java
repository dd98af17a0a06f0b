package org.laasuite.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What bin/laa bench passes: where the throwaway suite listens, and how much to do. {@code --quick} makes every
 * count small (a run of a minute or two); {@code --scale N} sets the scaled indicators (10,000 figures each; 0
 * skips the scale-up), {@code --rows R} the rows of the import scenario.
 */
record Options(String gatewayHttp, String gatewayGrpc, String indicatorsGrpc, String indicatorsDb, String dbUser,
    String dbPassword, Path runDir, Path logDir, Path outDir, boolean quick, int scale, int rows) {

  /** Figures of each scaled indicator: every bench period in every bench area. */
  static final int PERIODS = 1_000;
  static final int AREAS = 10;

  static Options parse(List<String> args) {
    Map<String, String> named = new java.util.HashMap<>();
    boolean quick = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--quick")) {
        quick = true;
      } else if (a.startsWith("--") && i + 1 < args.size()) {
        named.put(a.substring(2), args.get(++i));
      } else {
        throw new IllegalArgumentException("unknown argument: " + a);
      }
    }
    int scale = Integer.parseInt(named.getOrDefault("scale", quick ? "2" : "200"));
    int rows = Integer.parseInt(named.getOrDefault("rows", quick ? "2000" : "200000"));
    if (scale < 0 || scale > 10_000) {
      throw new IllegalArgumentException("--scale must be 0 to 10000 (indicators of 10,000 figures each)");
    }
    if (rows < 1 || rows > 10_000_000) {
      throw new IllegalArgumentException("--rows must be 1 to 10,000,000");
    }
    return new Options(need(named, "gateway-http"), need(named, "gateway-grpc"), need(named, "indicators-grpc"),
        need(named, "indicators-db"), named.getOrDefault("db-user", "postgres"), named.getOrDefault("db-password", ""),
        Path.of(need(named, "run")), Path.of(need(named, "logs")), Path.of(need(named, "out")), quick, scale, rows);
  }

  private static String need(Map<String, String> named, String key) {
    String v = named.get(key);
    if (v == null) {
      throw new IllegalArgumentException("--" + key + " is required");
    }
    return v;
  }

  /** Requests of each closed-loop measurement, after {@link #warmUp()} unmeasured ones. */
  int closedLoop() {
    return quick ? 100 : 500;
  }

  int warmUp() {
    return quick ? 30 : 100;
  }

  /** Seconds of asking every page before anything is measured. */
  int warmUpSeconds() {
    return quick ? 5 : 30;
  }

  /** The most time one closed-loop measurement may take, in seconds. */
  int closedLoopSeconds() {
    return quick ? 6 : 30;
  }

  /** How long the open loop waits for the answers still due at the end of a rate; those missing count as errors. */
  int openLoopDrainSeconds() {
    return quick ? 10 : 30;
  }

  /** Seconds at each offered rate of the open loop. */
  int openLoopSeconds() {
    return quick ? 2 : 5;
  }
}
