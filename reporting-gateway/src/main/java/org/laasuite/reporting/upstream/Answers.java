package org.laasuite.reporting.upstream;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.Status;
import io.grpc.StatusException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for the answer of a call to a service, already on its way with its deadline. */
public final class Answers {

  private Answers() {
  }

  /** The answer, or the call's failure as its status (DEADLINE_EXCEEDED, UNAVAILABLE, NOT_FOUND…). */
  public static <T> T await(ListenableFuture<T> call, Duration deadline) throws StatusException {
    try {
      // The call's own deadline ends it; the extra second only guards against a lost cancellation.
      return call.get(deadline.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw Status.fromThrowable(e.getCause()).asException();
    } catch (TimeoutException e) {
      call.cancel(true);
      throw Status.DEADLINE_EXCEEDED.asException();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      call.cancel(true);
      throw Status.CANCELLED.asException();
    }
  }
}
