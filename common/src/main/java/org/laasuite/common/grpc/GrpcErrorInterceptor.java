package org.laasuite.common.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what an endpoint throws into a {@code google.rpc.Status}: an {@link ApiException} with its
 * ErrorInfo and BadRequest, anything unexpected into INTERNAL without internals (and a log line),
 * so no stack trace ever reaches a client. Before an endpoint sees a request (of a call that sends
 * one), the request's own fields its proto marks {@code REQUIRED} are checked ({@link
 * FieldBehaviors#checkRequiredFields}): a request without its name, parent, resource or update_mask
 * is refused with INVALID_ARGUMENT naming each. The fields inside a resource are checked by the
 * service's mapper with the resource's other rules ({@link FieldBehaviors#checkRequired}).
 */
@Singleton
public class GrpcErrorInterceptor implements ServerInterceptor, Ordered {

  private static final Logger LOG = LoggerFactory.getLogger(GrpcErrorInterceptor.class);

  private final String domain;

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
    return status.build();
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
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
          if (oneRequest && message instanceof Message request) {
            Violations v = new Violations();
            FieldBehaviors.checkRequiredFields(request, "", v);
            v.throwIfAny();
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
    if (e instanceof ApiException api) {
      sre = StatusProto.toStatusRuntimeException(toStatus(api));
    } else if (e instanceof StatusRuntimeException already) {
      sre = already;
    } else if (uniqueViolation(e)) {
      // two writers raced for the same unique row (two corrections of one outturn): safe to retry
      sre = StatusProto.toStatusRuntimeException(toStatus(new ApiException(Status.Code.ABORTED,
          "CONCURRENT_CHANGE", "a concurrent change to the same resource won; read it again and retry",
          java.util.List.of())));
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
