package org.laasuite.common.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what an endpoint throws into a {@code google.rpc.Status}: an {@link ApiException} with its
 * ErrorInfo and BadRequest, anything unexpected into INTERNAL without internals (and a log line),
 * so no stack trace ever reaches a client. Before an endpoint sees a request (of a call that sends
 * one), it is checked ({@link RequestChecks}): a request without its name, parent, resource or
 * update_mask (what its proto marks {@code REQUIRED}), or with a NUL character in any text, is
 * refused with INVALID_ARGUMENT naming each field. The fields inside a resource are checked by the
 * service's mapper with the resource's other rules ({@link FieldBehaviors#checkRequired}). A request
 * whose bytes do not parse (text that is not UTF-8) is refused below this, by {@link RequestParsing},
 * and turned into its status here like any other ApiException.
 */
@Singleton
public class GrpcErrorInterceptor implements ServerInterceptor, Ordered {

  private static final Logger LOG = LoggerFactory.getLogger(GrpcErrorInterceptor.class);

  /** PostgreSQL's admin or crash shutdown, cannot connect now, database does not exist, too many connections. */
  private static final Set<String> DATABASE_GONE = Set.of("57P01", "57P02", "57P03", "3D000",
      "53300");

  private final String domain;
  /** Whether the last call the database failed found it unreachable: logged once per change. */
  private final AtomicBoolean databaseDown = new AtomicBoolean();

  public GrpcErrorInterceptor(@Value("${laa.error-domain:laasuite.org}") String domain) {
    this.domain = domain;
  }

  /** Runs inside the metrics interceptor, so that the status it sets is the one counted. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  public com.google.rpc.Status toStatus(ApiException e) {
    com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
        .setCode(e.code().value())
        .setMessage(e.getMessage())
        .addDetails(Any.pack(ErrorInfo.newBuilder().setReason(e.reason()).setDomain(domain).build()));
    if (!e.violations().isEmpty()) {
      status.addDetails(Any.pack(BadRequest.newBuilder().addAllFieldViolations(e.violations()).build()));
    }
    if (!e.preconditions().isEmpty()) {
      status.addDetails(Any.pack(PreconditionFailure.newBuilder().addAllViolations(e.preconditions()).build()));
    }
    return status.build();
  }

  /** While the database is down: the first call that succeeds says it is back. */
  private <Q, R> ServerCall<Q, R> watchingForTheDatabase(ServerCall<Q, R> call) {
    return new SimpleForwardingServerCall<>(call) {
      @Override
      public void close(Status status, Metadata trailers) {
        if (status.isOk() && databaseDown.compareAndSet(true, false)) {
          LOG.info("the database answers again");
        }
        super.close(status, trailers);
      }
    };
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> original, Metadata headers,
      ServerCallHandler<Q, R> next) {
    ServerCall<Q, R> call = databaseDown.get() ? watchingForTheDatabase(original) : original;
    ServerCall.Listener<Q> delegate;
    try {
      delegate = next.startCall(call, headers);
    } catch (RuntimeException e) {
      close(call, e);
      return new ServerCall.Listener<>() { };
    }
    boolean oneRequest = call.getMethodDescriptor().getType().clientSendsOneMessage();
    return new SimpleForwardingServerCallListener<>(delegate) {
      private boolean closed;

      @Override
      public void onMessage(Q message) {
        guard(() -> {
          if (message instanceof Message request) {
            (oneRequest ? RequestChecks.check(request) : RequestChecks.checkStreamed(request)).throwIfAny();
          }
          super.onMessage(message);
        });
      }

      @Override
      public void onHalfClose() {
        guard(super::onHalfClose);
      }

      @Override
      public void onReady() {
        guard(super::onReady);
      }

      private void guard(Runnable r) {
        if (closed) {
          return; // refused already: the endpoint never sees the rest of the call
        }
        try {
          r.run();
        } catch (RuntimeException e) {
          closed = true;
          close(call, e);
        }
      }
    };
  }

  /**
   * Whether {@code e} says the database cannot be reached (refused or lost connections, a database
   * shut down or gone, the pool out of time): an outage, UNAVAILABLE, which clients retry.
   */
  static boolean databaseUnreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLTransientConnectionException
          || t instanceof java.sql.SQLNonTransientConnectionException || t instanceof java.net.SocketException
          || t instanceof io.micronaut.data.connection.exceptions.ConnectionException) {
        return true;
      }
      // A pooled connection the server dropped: Hikari's "Connection is closed".
      if (t instanceof java.sql.SQLException sql && "Connection is closed".equals(sql.getMessage())) {
        return true;
      }
      if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || DATABASE_GONE.contains(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean uniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private void close(ServerCall<?, ?> call, RuntimeException e) {
    StatusRuntimeException sre;
    Context served = Context.current();
    if (served.isCancelled() && !(e instanceof ApiException)) {
      // The caller gave up (its deadline passed, or it cancelled) and the work was stopped (CallBoundStatements):
      // the call's own status, not a failure of the service's.
      LOG.debug("{} stopped: its caller gave up", call.getMethodDescriptor().getFullMethodName(), e);
      sre = Contexts.statusFromCancelled(served).asRuntimeException();
    } else if (e instanceof ApiException api) {
      sre = StatusProto.toStatusRuntimeException(toStatus(api));
    } else if (e instanceof StatusRuntimeException already) {
      sre = already;
    } else if (databaseUnreachable(e)) {
      if (databaseDown.compareAndSet(false, true)) {
        LOG.warn("the database cannot be reached ({}); calls answer UNAVAILABLE until it can", rootMessage(e));
      }
      sre = StatusProto.toStatusRuntimeException(toStatus(new ApiException(Status.Code.UNAVAILABLE,
          "DATABASE_UNAVAILABLE", "the service's database cannot be reached; retry later", List.of())));
    } else if (uniqueViolation(e)) {
      // two writers raced for the same unique row (two corrections of one outturn): safe to retry
      sre = StatusProto.toStatusRuntimeException(toStatus(new ApiException(Status.Code.ABORTED,
          "CONCURRENT_CHANGE", "a concurrent change to the same resource won; read it again and retry",
          List.of())));
    } else {
      LOG.error("unexpected failure in {}", call.getMethodDescriptor().getFullMethodName(), e);
      sre = StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
          .setCode(Code.INTERNAL_VALUE)
          .setMessage("internal error; the service log has the details")
          .addDetails(Any.pack(ErrorInfo.newBuilder().setReason("INTERNAL").setDomain(domain).build()))
          .build());
    }
    Metadata trailers = sre.getTrailers() == null ? new Metadata() : sre.getTrailers();
    try {
      call.close(sre.getStatus(), trailers);
    } catch (IllegalStateException alreadyClosed) {
      LOG.debug("call already closed", alreadyClosed);
    }
  }
}
