package org.laasuite.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/** Assertions on the google.rpc.Status every service of the suite returns for an error. */
public final class GrpcErrors {

  private GrpcErrors() {
  }

  /** Runs {@code call}, expects it to fail with {@code code}, and answers the rich status. */
  public static com.google.rpc.Status expect(Status.Code code, Executable call) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
    assertEquals(code, e.getStatus().getCode(), () -> "status was " + e.getStatus());
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    assertTrue(status != null, "the error carries a google.rpc.Status");
    assertTrue(errorInfo(status).getReason().matches("[A-Z][A-Z0-9_]+"), "ErrorInfo.reason is UPPER_SNAKE");
    return status;
  }

  /** Expects INVALID_ARGUMENT naming exactly these fields (in any order, each at least once). */
  public static List<BadRequest.FieldViolation> expectInvalid(Executable call, String... fields) {
    com.google.rpc.Status status = expect(Status.Code.INVALID_ARGUMENT, call);
    List<BadRequest.FieldViolation> violations = badRequest(status).getFieldViolationsList();
    List<String> named = violations.stream().map(BadRequest.FieldViolation::getField).distinct().sorted().toList();
    assertEquals(List.of(fields).stream().distinct().sorted().toList(), named, () -> "violations: " + violations);
    return violations;
  }

  public static ErrorInfo errorInfo(com.google.rpc.Status status) {
    return unpack(status, ErrorInfo.class);
  }

  public static BadRequest badRequest(com.google.rpc.Status status) {
    return unpack(status, BadRequest.class);
  }

  public static PreconditionFailure preconditionFailure(com.google.rpc.Status status) {
    return unpack(status, PreconditionFailure.class);
  }

  private static <T extends com.google.protobuf.Message> T unpack(com.google.rpc.Status status, Class<T> type) {
    for (Any detail : status.getDetailsList()) {
      if (detail.is(type)) {
        try {
          return detail.unpack(type);
        } catch (InvalidProtocolBufferException e) {
          throw new AssertionError(e);
        }
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in " + status);
  }
}
