package org.laasuite.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suite's processes as bin/laa left them in its run directory ({@code NAME.pid}, and {@code NAME.started} /
 * {@code NAME.ready}: the launcher's clock when it started the process and when wait-grpc saw SERVING, with the
 * RSS then), read through /proc.
 */
final class Processes {

  static final List<String> SERVICES = List.of("indicators-service", "funding-service", "partnership-service",
      "reporting-gateway");
  private static final Pattern STARTUP = Pattern.compile("Startup completed in (\\d+)ms");
  /** USER_HZ, the unit of /proc/PID/stat's CPU times: 100 on every Linux this runs on. */
  private static final double TICKS_PER_SECOND = 100;

  private final Path run;
  private final Path logs;

  Processes(Path run, Path logs) {
    this.run = run;
    this.logs = logs;
  }

  OptionalLong pid(String name) {
    try {
      return OptionalLong.of(Long.parseLong(Files.readString(run.resolve(name + ".pid")).strip()));
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** The resident set of {@code name} now, in MB (VmRSS). */
  Optional<Double> rssMb(String name) {
    return proc(name, "status").flatMap(status -> status.lines().filter(l -> l.startsWith("VmRSS:")).findFirst())
        .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
  }

  /** CPU time {@code name} has used so far (user + system), in seconds. */
  Optional<Double> cpuSeconds(String name) {
    // Fields after the command's closing parenthesis (the command may hold spaces); utime and stime are the 14th
    // and 15th fields, the 12th and 13th after it.
    return proc(name, "stat").map(stat -> stat.substring(stat.lastIndexOf(')') + 2).split(" "))
        .map(f -> (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND);
  }

  /** /proc/PID/{@code file} of {@code name}, when it runs. */
  private Optional<String> proc(String name, String file) {
    OptionalLong pid = pid(name);
    try {
      return pid.isEmpty() ? Optional.empty()
          : Optional.of(Files.readString(Path.of("/proc", Long.toString(pid.getAsLong()), file)));
    } catch (IOException gone) {
      return Optional.empty();
    }
  }

  /** Seconds from the launcher starting {@code name} to wait-grpc seeing it SERVING (polled every 250 ms). */
  Optional<Double> readySeconds(String name) {
    Optional<String[]> started = fields(name + ".started");
    Optional<String[]> ready = fields(name + ".ready");
    if (started.isEmpty() || ready.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of((Long.parseLong(ready.get()[0]) - Long.parseLong(started.get()[0])) / 1e9);
  }

  /** The RSS bin/laa read when {@code name} became ready, in MB. */
  Optional<Double> readyRssMb(String name) {
    return fields(name + ".ready").filter(f -> f.length > 1 && f[1].matches("\\d+"))
        .map(f -> Long.parseLong(f[1]) / 1024.0);
  }

  /** Micronaut's own "Startup completed in N ms", the last in the service's log, in seconds. */
  Optional<Double> micronautStartupSeconds(String name) {
    try {
      Matcher m = STARTUP.matcher(Files.readString(logs.resolve(name + ".log")));
      Double last = null;
      while (m.find()) {
        last = Long.parseLong(m.group(1)) / 1000.0;
      }
      return Optional.ofNullable(last);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private Optional<String[]> fields(String file) {
    try {
      return Optional.of(Files.readString(run.resolve(file)).strip().split("\\s+"));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
