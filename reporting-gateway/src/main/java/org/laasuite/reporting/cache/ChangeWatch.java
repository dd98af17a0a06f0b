package org.laasuite.reporting.cache;

import io.grpc.stub.StreamObserver;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.laasuite.reporting.upstream.Upstreams;
import org.laasuite.type.v1.WatchChangesResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the gateway knows of the services' writes: it watches each service (WatchChanges, as itself) and counts a
 * generation that moves on with every write told, and whenever a watch starts or ends, since writes may have gone
 * untold then. What was read in one generation may be kept only while the generation is the same and every service
 * is watched ({@link #allWatched}). A stream that ends is watched again after a pause (doubling up to 30 s).
 * {@code laa.reporting.cache.enabled=false} watches nothing, and nothing is kept.
 */
@Singleton
public class ChangeWatch {

  private static final Logger LOG = LoggerFactory.getLogger(ChangeWatch.class);
  private static final List<String> SERVICES = List.of(Upstreams.INDICATORS, Upstreams.FUNDING,
      Upstreams.PARTNERSHIP);
  private static final Duration FIRST_RETRY = Duration.ofMillis(250);
  private static final Duration LAST_RETRY = Duration.ofSeconds(30);

  private final Upstreams upstreams;
  private final boolean enabled;
  private final AtomicLong generation = new AtomicLong();
  private final Map<String, Boolean> watched = new ConcurrentHashMap<>();
  private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "laa-change-watch");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean stopped;

  public ChangeWatch(Upstreams upstreams, @Value("${laa.reporting.cache.enabled:true}") boolean enabled) {
    this.upstreams = upstreams;
    this.enabled = enabled;
  }

  /** Once the gateway serves: watching starts in the background (nothing on the start path waits for it). */
  @EventListener
  void onStartup(ServerStartupEvent event) {
    if (enabled && watched.isEmpty()) {
      SERVICES.forEach(s -> {
        watched.put(s, false);
        watch(s, FIRST_RETRY);
      });
    }
  }

  @PreDestroy
  void stop() {
    stopped = true;
    retries.shutdownNow();
  }

  /** Moves on with every write any service tells, and whenever a watch starts or ends. */
  public long generation() {
    return generation.get();
  }

  /**
   * What the gateway itself just wrote (a form sent, an API write): what was kept is forgotten at once, not when the
   * service's word of it arrives, so that whoever wrote reads what they wrote.
   */
  public void moveOn() {
    advance();
  }

  /** Waits until the generation is past {@code seen} or {@code patience} has passed; whether it is. */
  public boolean awaitBeyond(long seen, Duration patience) throws InterruptedException {
    long until = System.nanoTime() + patience.toNanos();
    synchronized (generation) {
      while (generation.get() <= seen) {
        long left = until - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(generation, left);
      }
      return true;
    }
  }

  private void advance() {
    synchronized (generation) {
      generation.incrementAndGet();
      generation.notifyAll();
    }
  }

  /** Whether every service is being watched now, so that no write can go untold. */
  public boolean allWatched() {
    if (!enabled || watched.size() < SERVICES.size()) {
      return false;
    }
    for (Boolean w : watched.values()) {
      if (!w) {
        return false;
      }
    }
    return true;
  }

  private void watch(String service, Duration nextPause) {
    if (stopped) {
      return;
    }
    try {
      upstreams.watchChanges(service, new StreamObserver<>() {
        @Override
        public void onNext(WatchChangesResponse value) {
          if (value.getChangesCount() == 0) {
            watched.put(service, true); // watching from now on: what was kept before may be out of date
          }
          advance();
        }

        @Override
        public void onError(Throwable t) {
          ended(service, nextPause, t.getMessage());
        }

        @Override
        public void onCompleted() {
          ended(service, nextPause, "the stream ended");
        }
      });
    } catch (RuntimeException e) {
      ended(service, nextPause, e.getMessage());
    }
  }

  private void ended(String service, Duration pause, String why) {
    boolean was = Boolean.TRUE.equals(watched.put(service, false));
    advance();
    if (was) {
      LOG.info("{} is not watched now ({}); pages are assembled afresh until it is again", service, why);
    }
    if (!stopped) {
      // A stream that had started watching is retried at once; one that never did, after a growing pause.
      Duration next = was ? FIRST_RETRY : pause.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY
          : pause.multipliedBy(2);
      try {
        retries.schedule(() -> watch(service, next), was ? 0 : pause.toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException stopping) {
        // the gateway is stopping
      }
    }
  }
}
