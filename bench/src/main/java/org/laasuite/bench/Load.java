package org.laasuite.bench;

import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/** The load the bench offers: a closed loop of one client, and an open loop at a fixed rate. */
final class Load {

  /** A card or summary that came back without a section ("unavailable" lists it). */
  private static final Pattern DEGRADED = Pattern.compile("\"unavailable\":\\s*\\[\\s*\\{");

  private Load() {
  }

  interface Call {
    /** One request, answering the size of what came back (bytes); throws when it failed. */
    int run() throws Exception;
  }

  record Closed(Latency latency, int errors, int bytes, String firstError) {
  }

  /**
   * One client asking again as soon as it has its answer: {@code warmUp} unmeasured calls, then {@code n} measured,
   * or fewer when they take longer than {@code budgetSeconds} in all (a page taking seconds is measured in a minute,
   * not an hour; at least five are). A failed call is counted, its time not recorded.
   */
  static Closed closed(int warmUp, int n, int budgetSeconds, Call call) {
    Latency latency = new Latency();
    int errors = 0;
    int bytes = 0;
    String firstError = null;
    long begin = System.nanoTime();
    long budget = budgetSeconds * 1_000_000_000L;
    for (int i = 0; i < warmUp + n; i++) {
      long start = System.nanoTime();
      if (i < warmUp && start - begin > budget / 4) {
        i = warmUp;
        begin = start;
      } else if (i >= warmUp + 5 && start - begin > budget) {
        break;
      }
      try {
        bytes = call.run();
        if (i >= warmUp) {
          latency.record(System.nanoTime() - start);
        }
      } catch (Exception e) {
        errors += i >= warmUp ? 1 : 0;
        firstError = firstError == null ? String.valueOf(e.getMessage()) : firstError;
      }
    }
    return new Closed(latency, errors, bytes, firstError);
  }

  record Open(int rate, int sent, Latency latency, int errors, int degraded, int unfinished, double generatorCpu) {
  }

  /**
   * {@code rate} requests a second for {@code seconds}, each sent at its intended time whatever the answers before
   * it, and timed from that intended time: a server that stalls is charged for the requests it delayed (coordinated
   * omission corrected). Answers still missing {@code drainSeconds} after the last send count as errors. The
   * generator's own CPU is its process CPU time over the wall time, in cores.
   */
  static Open open(Suite suite, HttpRequest request, int rate, int seconds, int drainSeconds)
      throws InterruptedException {
    int n = rate * seconds;
    long interval = 1_000_000_000L / rate;
    Latency latency = new Latency();
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger degraded = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(n);
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long wall0 = System.nanoTime();
    long start = wall0 + 10_000_000L;
    for (int i = 0; i < n; i++) {
      long intended = start + i * interval;
      long wait;
      while ((wait = intended - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      suite.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
        latency.record(System.nanoTime() - intended);
        if (e != null || r.statusCode() != 200) {
          errors.incrementAndGet();
        } else if (DEGRADED.matcher(r.body()).find()) {
          degraded.incrementAndGet();
        }
        done.countDown();
      });
    }
    done.await(drainSeconds, TimeUnit.SECONDS);
    double cpu = (os.getProcessCpuTime() - cpu0) / (double) (System.nanoTime() - wall0);
    int unfinished = (int) done.getCount();
    return new Open(rate, n, latency, errors.get() + unfinished, degraded.get(), unfinished, cpu);
  }
}
