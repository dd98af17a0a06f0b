package org.laasuite.testkit;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** A client-streaming call (ImportOutturns) made as a client makes it, and waited for like a blocking stub's. */
public final class ClientStreams {

  private ClientStreams() {
  }

  /**
   * Opens the stream with {@code call} (a stub's method, e.g. {@code stub::importOutturns}), sends {@code messages}
   * (stopping early once the service has answered, as a client that is refused does), and answers the one
   * response, at most 60 s later; a refusal is thrown as the StatusRuntimeException it is.
   */
  public static <Q, R> R send(Function<StreamObserver<R>, StreamObserver<Q>> call, Iterator<Q> messages)
      throws Exception {
    CompletableFuture<R> result = new CompletableFuture<>();
    StreamObserver<Q> requests = call.apply(answer(result));
    while (messages.hasNext() && !result.isDone()) {
      requests.onNext(messages.next());
    }
    requests.onCompleted();
    try {
      return result.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /**
   * Opens the stream, sends {@code messages}, then gives up on it as a client that fails half-way does (the call is
   * cancelled); answers how the call ended for the client (CANCELLED, unless the service answered first).
   */
  public static <Q, R> Status cancel(Function<StreamObserver<R>, StreamObserver<Q>> call, Iterator<Q> messages)
      throws Exception {
    CompletableFuture<R> result = new CompletableFuture<>();
    StreamObserver<Q> requests = call.apply(answer(result));
    messages.forEachRemaining(requests::onNext);
    requests.onError(new IllegalStateException("the client gave up"));
    try {
      result.get(60, TimeUnit.SECONDS);
      return Status.OK;
    } catch (ExecutionException e) {
      return Status.fromThrowable(e.getCause());
    }
  }

  /** What receives the call's one response, or its error, into {@code result}. */
  private static <R> StreamObserver<R> answer(CompletableFuture<R> result) {
    return new StreamObserver<>() {
      @Override
      public void onNext(R value) {
        result.complete(value);
      }

      @Override
      public void onError(Throwable t) {
        result.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {
      }
    };
  }
}
