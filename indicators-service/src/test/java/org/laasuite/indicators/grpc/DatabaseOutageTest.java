package org.laasuite.indicators.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.indicators.v1.CreateIndicatorRequest;
import org.laasuite.indicators.v1.GetIndicatorRequest;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.indicators.v1.Polarity;
import org.laasuite.testkit.StoppablePostgres;
import org.laasuite.type.v1.LaaBlock;

/**
 * PostgreSQL stops under load and starts again: while it is down every call is UNAVAILABLE (which
 * clients retry), never INTERNAL or UNKNOWN; the service recovers by itself; and every write it
 * acknowledged, before or during the outage, is still there. Prints its figures.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageTest implements TestPropertyProvider {

  private static final int WRITERS = 4;

  private final StoppablePostgres postgres = new StoppablePostgres();

  @Inject
  IndicatorServiceGrpc.IndicatorServiceBlockingStub client;

  @Override
  public Map<String, String> getProperties() {
    return postgres.serviceProperties();
  }

  @AfterAll
  void stopPostgres() {
    postgres.close();
  }

  @Test
  void anOutageIsUnavailableTheServiceRecoversAndNoAcknowledgedWriteIsLost() throws Exception {
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
    for (int w = 0; w < WRITERS; w++) {
      writers.submit(() -> {
        while (running.get()) {
          String id = "OUT-" + sequence.incrementAndGet();
          try {
            client.withDeadlineAfter(20, TimeUnit.SECONDS).createIndicator(CreateIndicatorRequest.newBuilder()
                .setIndicator(Indicator.newBuilder().setId(id).setTitle("Outage " + id)
                    .setBlock(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE)
                    .setPolarity(Polarity.POLARITY_HIGHER_IS_BETTER)).build());
            acknowledged.add(id);
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
    try {
      assertTrue(warm.await(60, TimeUnit.SECONDS), "writes go through before the outage");
      long stoppedAt = System.nanoTime();
      down.set(true);
      postgres.stop();
      assertTrue(refused.await(120, TimeUnit.SECONDS), "calls during the outage are answered UNAVAILABLE");
      int duringOutage = acknowledged.size();
      postgres.start();
      down.set(false);
      backAt.set(System.nanoTime());
      assertTrue(recovered.await(120, TimeUnit.SECONDS), "the service writes again once the database is back");
      running.set(false);
      writers.shutdown();
      assertTrue(writers.awaitTermination(60, TimeUnit.SECONDS));

      System.out.printf("database outage: %d writes acknowledged (%d before the restart), failures %s; "
              + "outage %.1f s; first write %.2f s after the database was back%n", acknowledged.size(), duringOutage,
          failures, (backAt.get() - stoppedAt) / 1e9, (firstAckAfter.get() - backAt.get()) / 1e9);
      assertEquals(List.of(), failures.keySet().stream()
          .filter(c -> c != Status.Code.UNAVAILABLE).toList(), "a database outage is UNAVAILABLE, nothing else");
      for (String id : acknowledged) {
        assertEquals(id, client.getIndicator(GetIndicatorRequest.newBuilder().setName("indicators/" + id).build())
            .getId(), "an acknowledged write survives the outage");
      }
    } finally {
      running.set(false);
      writers.shutdownNow();
    }
  }
}
