package org.laasuite.reporting.upstream;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.laasuite.common.grpc.ApiException;

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
      // With its trailers: they carry the google.rpc.Status details (the fields a refusal names).
      throw Status.fromThrowable(e.getCause()).asException(Status.trailersFromThrowable(e.getCause()));
    } catch (TimeoutException e) {
      call.cancel(true);
      throw Status.DEADLINE_EXCEEDED.asException();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      call.cancel(true);
      throw Status.CANCELLED.asException();
    }
  }

  /** The answer of a call to {@code service}, or its refusal passed on ({@link #passedOn}). */
  public static <T> T orPassOn(ListenableFuture<T> call, Duration deadline, String service) {
    try {
      return await(call, deadline);
    } catch (StatusException e) {
      throw passedOn(e, service);
    }
  }

  /**
   * A service's refusal of a call the gateway made, passed on as the gateway's own error: its code, its reason
   * (ErrorInfo), its message and the fields it named (BadRequest), so that a page says what the service said. A
   * service that cannot answer now (down, late, failing) is UNAVAILABLE, its internals not repeated.
   */
  public static ApiException passedOn(StatusException e, String service) {
    Status.Code code = e.getStatus().getCode();
    switch (code) {
      case INVALID_ARGUMENT, NOT_FOUND, ALREADY_EXISTS, PERMISSION_DENIED, UNAUTHENTICATED, FAILED_PRECONDITION,
          ABORTED, OUT_OF_RANGE -> {
        String reason = code.name();
        List<BadRequest.FieldViolation> violations = List.of();
        com.google.rpc.Status rich = StatusProto.fromThrowable(e);
        for (Any detail : rich == null ? List.<Any>of() : rich.getDetailsList()) {
          try {
            if (detail.is(ErrorInfo.class)) {
              reason = detail.unpack(ErrorInfo.class).getReason();
            } else if (detail.is(BadRequest.class)) {
              violations = detail.unpack(BadRequest.class).getFieldViolationsList();
            }
          } catch (InvalidProtocolBufferException unreadable) {
            // A detail the gateway cannot read adds nothing to what the message says.
          }
        }
        String message = e.getStatus().getDescription();
        return new ApiException(code, reason, message == null ? service + " refused the call (" + code + ")"
            : message, violations);
      }
      default -> {
        return new ApiException(Status.Code.UNAVAILABLE, service.toUpperCase(Locale.ROOT).replace('-', '_')
            .replace("_SERVICE", "") + "_UNAVAILABLE", service + " cannot answer now (" + code
            + "); try again in a moment", List.of());
      }
    }
  }
}
