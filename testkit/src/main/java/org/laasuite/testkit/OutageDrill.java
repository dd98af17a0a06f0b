package org.laasuite.testkit;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A database outage under load: writers call a service without pause while its PostgreSQL is stopped
 * and started again. What the clients saw comes back as a {@link Result} (and is printed): the writes
 * acknowledged, the failures by status code, how long the outage and the recovery took.
 */
public final class OutageDrill {

  private static final int WRITERS = 4;

  /** What the clients saw. {@code acknowledged} are the names the service answered OK for. */
  public record Result(List<String> acknowledged, Map<Status.Code, Integer> failures, double outageSeconds,
      double recoverySeconds) {
  }

  private OutageDrill() {
  }

  /**
   * Runs the drill: {@code write} makes the n-th write and answers its resource name (throwing the
   * call's StatusRuntimeException when it fails).
   */
  public static Result run(String label, StoppablePostgres postgres, IntFunction<String> write) throws Exception {
    List<String> acknowledged = new CopyOnWriteArrayList<>();
    Map<Status.Code, AtomicInteger> failures = new ConcurrentHashMap<>();
    AtomicInteger sequence = new AtomicInteger();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicBoolean down = new AtomicBoolean();
    AtomicLong backAt = new AtomicLong();
    AtomicLong firstAckAfter = new AtomicLong();
    CountDownLatch warm = new CountDownLatch(20);
    CountDownLatch refused = new CountDownLatch(WRITERS * 2);
    CountDownLatch recovered = new CountDownLatch(WRITERS * 2);
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    try {
      for (int w = 0; w < WRITERS; w++) {
        writers.submit(() -> {
          while (running.get()) {
            try {
              acknowledged.add(write.apply(sequence.incrementAndGet()));
              warm.countDown();
              if (backAt.get() != 0) {
                firstAckAfter.compareAndSet(0, System.nanoTime());
                recovered.countDown();
              }
            } catch (StatusRuntimeException e) {
              failures.computeIfAbsent(e.getStatus().getCode(), c -> new AtomicInteger()).incrementAndGet();
              if (down.get() && e.getStatus().getCode() == Status.Code.UNAVAILABLE) {
                refused.countDown();
              }
            }
          }
          return null;
        });
      }
      await(warm, "writes go through before the outage");
      long stoppedAt = System.nanoTime();
      down.set(true);
      postgres.stop();
      await(refused, "calls during the outage are answered UNAVAILABLE");
      int beforeRestart = acknowledged.size();
      postgres.start();
      down.set(false);
      backAt.set(System.nanoTime());
      await(recovered, "the service writes again once the database is back");
      running.set(false);
      writers.shutdown();
      if (!writers.awaitTermination(60, TimeUnit.SECONDS)) {
        throw new AssertionError("the writers did not finish");
      }
      Map<Status.Code, Integer> counts = new java.util.TreeMap<>();
      failures.forEach((code, n) -> counts.put(code, n.get()));
      Result r = new Result(List.copyOf(acknowledged), counts, (backAt.get() - stoppedAt) / 1e9,
          (firstAckAfter.get() - backAt.get()) / 1e9);
      System.out.printf("%s database outage: %d writes acknowledged (%d before the restart), failures %s; "
              + "outage %.1f s; first write %.2f s after the database was back%n", label, acknowledged.size(),
          beforeRestart, counts, r.outageSeconds(), r.recoverySeconds());
      return r;
    } finally {
      running.set(false);
      writers.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch, String what) throws InterruptedException {
    if (!latch.await(120, TimeUnit.SECONDS)) {
      throw new AssertionError("in two minutes, not so: " + what);
    }
  }
}
