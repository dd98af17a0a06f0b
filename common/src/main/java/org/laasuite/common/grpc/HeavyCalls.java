package org.laasuite.common.grpc;

import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Heavy requests (a whole block's reports, an import, an edition: the methods a service names in
 * {@code laa.grpc.heavy-calls.methods}, as "Service/Method" or just "Method") run at most
 * {@code laa.grpc.heavy-calls.concurrency} at a time (default: two per processor), so that a burst of them queues
 * instead of filling the heap and the connection pool. One waits for its turn no longer than its deadline allows
 * (and never more than {@code laa.grpc.heavy-calls.max-wait}, 5 s); one that cannot get it is refused
 * RESOURCE_EXHAUSTED, reason BUSY, which a client may retry later. Light calls are never held up.
 * The number waiting and running is in the metrics ({@code laa.grpc.heavy.running}, {@code .waiting}).
 */
@Singleton
public class HeavyCalls implements ServerInterceptor, Ordered {

  private final Set<String> methods;
  private final Semaphore permits;
  private final int concurrency;
  private final Duration maxWait;
  private final GrpcErrorInterceptor errors;
  private final AtomicInteger waiting = new AtomicInteger();

  public HeavyCalls(@Value("${laa.grpc.heavy-calls.methods:}") List<String> methods,
      @Value("${laa.grpc.heavy-calls.concurrency:0}") int concurrency,
      @Value("${laa.grpc.heavy-calls.max-wait:5s}") Duration maxWait, GrpcErrorInterceptor errors,
      MeterRegistry registry) {
    this.methods = Set.copyOf(methods.stream().map(String::strip).filter(m -> !m.isEmpty()).toList());
    this.concurrency = concurrency > 0 ? concurrency : 2 * Runtime.getRuntime().availableProcessors();
    this.permits = new Semaphore(this.concurrency, true);
    this.maxWait = maxWait;
    this.errors = errors;
    registry.gauge("laa.grpc.heavy.running", permits, p -> this.concurrency - p.availablePermits());
    registry.gauge("laa.grpc.heavy.waiting", waiting);
  }

  /** Inside authentication (a call that will be refused takes no turn), outside everything that does the work. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 2;
  }

  /** Whether {@code fullMethodName} ("laa.indicators.v1.IndicatorService/ListIndicatorReports") is heavy. */
  boolean heavy(String fullMethodName) {
    return !methods.isEmpty() && (methods.contains(fullMethodName)
        || methods.contains(fullMethodName.substring(fullMethodName.lastIndexOf('/') + 1))
        || methods.contains(fullMethodName.substring(fullMethodName.lastIndexOf('.', fullMethodName.indexOf('/')) + 1)));
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    if (!heavy(call.getMethodDescriptor().getFullMethodName())) {
      return next.startCall(call, headers);
    }
    if (!acquire()) {
      var status = errors.toStatus(new ApiException(Status.Code.RESOURCE_EXHAUSTED, "BUSY",
          "the service is busy with " + concurrency + " requests like this one; retry shortly", List.of()));
      var refusal = StatusProto.toStatusRuntimeException(status);
      call.close(refusal.getStatus(), refusal.getTrailers());
      return new ServerCall.Listener<>() { };
    }
    AtomicBoolean released = new AtomicBoolean();
    Runnable release = () -> {
      if (released.compareAndSet(false, true)) {
        permits.release();
      }
    };
    ServerCall<Q, R> releasing = new SimpleForwardingServerCall<>(call) {
      @Override
      public void close(Status status, Metadata trailers) {
        release.run();
        super.close(status, trailers);
      }
    };
    ServerCall.Listener<Q> listener;
    try {
      listener = next.startCall(releasing, headers);
    } catch (RuntimeException e) {
      release.run();
      throw e;
    }
    return new SimpleForwardingServerCallListener<>(listener) {
      @Override
      public void onCancel() {
        release.run();
        super.onCancel();
      }

      @Override
      public void onComplete() {
        release.run();
        super.onComplete();
      }
    };
  }

  /** A turn, waited for no longer than the call's deadline and the maximum wait allow. */
  private boolean acquire() {
    if (permits.tryAcquire()) {
      return true;
    }
    long wait = maxWait.toNanos();
    Deadline deadline = Context.current().getDeadline();
    if (deadline != null) {
      wait = Math.min(wait, deadline.timeRemaining(TimeUnit.NANOSECONDS));
    }
    if (wait <= 0) {
      return false;
    }
    waiting.incrementAndGet();
    try {
      return permits.tryAcquire(wait, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      waiting.decrementAndGet();
    }
  }
}
