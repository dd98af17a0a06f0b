package org.laasuite.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Calls that race each other: each on its own thread, released together by a barrier (no sleeps). */
public final class Concurrently {

  private Concurrently() {
  }

  /** The answers of {@code calls}, in their order, once all have run at once; throws the first that failed. */
  public static <T> List<T> all(List<Callable<T>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      CyclicBarrier start = new CyclicBarrier(calls.size());
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> call : calls) {
        futures.add(pool.submit(() -> {
          start.await(30, TimeUnit.SECONDS);
          return call.call();
        }));
      }
      List<T> answers = new ArrayList<>();
      for (Future<T> f : futures) {
        answers.add(f.get(60, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The answers of {@code call} made twice at once, in the order the calls were started. */
  public static <T> List<T> twice(Callable<T> call) throws Exception {
    return all(Collections.nCopies(2, call));
  }
}
