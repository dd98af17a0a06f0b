package org.laasuite.testkit;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Calls made at the same moment from threads of their own, released together by a barrier (no sleeps). */
public final class Concurrently {

  private Concurrently() {
  }

  /** The answers of {@code call} made twice at once, in the order the calls were started. */
  public static <T> List<T> twice(Callable<T> call) throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<T> released = () -> {
        barrier.await(30, TimeUnit.SECONDS);
        return call.call();
      };
      List<Future<T>> futures = List.of(pool.submit(released), pool.submit(released));
      return List.of(futures.get(0).get(30, TimeUnit.SECONDS), futures.get(1).get(30, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
  }
}
