package org.laasuite.testkit;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.rpc.ErrorInfo;
import io.grpc.CallCredentials;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.laasuite.auth.BearerToken;
import org.laasuite.auth.LocalIssuer;

/**
 * A corpus of malformed requests sent to every unary method of a service over a real channel: the
 * empty request, and requests whose every field (to a depth of three messages) holds one kind of
 * hostile value, text that is not UTF-8 among them. A client's mistake is never INTERNAL or UNKNOWN,
 * and text no service can read is INVALID_ARGUMENT: {@link #probe} answers the calls that were not.
 */
public final class HostileRequests {

  /** One hostile value for each kind of field: what a variant of the corpus sets everywhere. */
  private record Variant(String label, Function<FieldDescriptor, Object> value) {
  }

  private static final List<Variant> VARIANTS = List.of(
      new Variant("empty strings and zeros", f -> switch (f.getJavaType()) {
        case STRING -> "";
        case BYTE_STRING -> ByteString.EMPTY;
        default -> null;
      }),
      new Variant("junk", f -> switch (f.getJavaType()) {
        case STRING -> "x/../../%00;DROP TABLE indicator;--";
        case INT, LONG -> -1;
        case FLOAT, DOUBLE -> Double.NaN;
        case BOOLEAN -> true;
        case ENUM -> f.getEnumType().findValueByNumberCreatingIfUnknown(999);
        case BYTE_STRING -> ByteString.copyFromUtf8("a,b\n\"unclosed");
        default -> null;
      }),
      new Variant("extremes", f -> switch (f.getJavaType()) {
        case STRING -> "9".repeat(5_000);
        case INT -> Integer.MIN_VALUE;
        case LONG -> Long.MAX_VALUE;
        case FLOAT, DOUBLE -> Double.POSITIVE_INFINITY;
        case BOOLEAN -> true;
        case BYTE_STRING -> ByteString.copyFrom(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        default -> null;
      }),
      new Variant("names of other resources", f -> switch (f.getJavaType()) {
        case STRING -> "indicators/CYP-28/outturns/99999999999";
        case INT, LONG -> 2_147_483_647;
        case BOOLEAN -> true;
        default -> null;
      }));

  /**
   * Every string a lone surrogate: sent as bytes ({@link RawRequests}), since no protobuf library
   * sends it, to the methods whose request holds text, each of which must refuse it INVALID_ARGUMENT.
   */
  private static final Variant NOT_UTF8 = new Variant("text that is not UTF-8",
      f -> f.getJavaType() == FieldDescriptor.JavaType.STRING ? RawRequests.NOT_UTF8 : null);
  /** How deep in a request the corpus sets fields. */
  private static final int DEPTH = 3;

  /** A call the corpus made and what it was answered. */
  public record Answer(String method, String variant, Status.Code code, String description) {
    @Override
    public String toString() {
      return method + " [" + variant + "]: " + code + " " + description;
    }
  }

  private HostileRequests() {
  }

  /**
   * The calls answered INTERNAL or UNKNOWN (a client's mistake never is), or, with text that is not
   * UTF-8, anything but INVALID_ARGUMENT; prints how many were made.
   */
  public static List<Answer> probe(Channel channel, ServiceDescriptor service) {
    List<Answer> wrong = new ArrayList<>();
    int calls = 0;
    for (var unary : unaryMethods(service).entrySet()) {
      MethodDescriptor<?, ?> method = unary.getKey();
      Message prototype = unary.getValue();
      List<Message> requests = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      requests.add(prototype);
      labels.add("empty request");
      for (Variant v : VARIANTS) {
        requests.add(fill(prototype.newBuilderForType(), v, DEPTH).build());
        labels.add(v.label());
      }
      for (int i = 0; i < requests.size(); i++) {
        calls++;
        byte[] request = requests.get(i).toByteArray();
        Answer a = call(method, labels.get(i), () -> RawRequests.unary(channel, method, request));
        if (a.code() == Status.Code.INTERNAL || a.code() == Status.Code.UNKNOWN) {
          wrong.add(a);
        }
      }
      Message notUtf8Request = fill(prototype.newBuilderForType(), NOT_UTF8, DEPTH).build();
      if (holdsText(notUtf8Request)) {
        calls++;
        byte[] notUtf8 = RawRequests.encode(notUtf8Request);
        Answer a = call(method, NOT_UTF8.label(), () -> RawRequests.unary(channel, method, notUtf8));
        if (a.code() != Status.Code.INVALID_ARGUMENT) {
          wrong.add(a);
        }
      }
    }
    System.out.println(service.getName() + ": " + calls + " malformed requests, " + wrong.size()
        + " answered INTERNAL or UNKNOWN, or other than INVALID_ARGUMENT to text that is not UTF-8");
    return wrong;
  }

  /** The service's unary methods, each with the prototype of its request. */
  private static Map<MethodDescriptor<?, ?>, Message> unaryMethods(ServiceDescriptor service) {
    Map<MethodDescriptor<?, ?>, Message> out = new LinkedHashMap<>();
    for (MethodDescriptor<?, ?> method : service.getMethods()) {
      if (method.getType() == MethodDescriptor.MethodType.UNARY
          && method.getRequestMarshaller() instanceof MethodDescriptor.PrototypeMarshaller<?> p) {
        out.put(method, (Message) p.getMessagePrototype());
      }
    }
    return out;
  }

  /** The call's answer; its description begins with the reason its ErrorInfo gives, if any ("TOKEN_EXPIRED: ..."). */
  private static Answer call(MethodDescriptor<?, ?> method, String label, Runnable call) {
    try {
      call.run();
      return new Answer(method.getBareMethodName(), label, Status.Code.OK, "");
    } catch (StatusRuntimeException e) {
      var status = StatusProto.fromThrowable(e);
      String reason = status != null && status.getDetailsList().stream().anyMatch(d -> d.is(ErrorInfo.class))
          ? GrpcErrors.errorInfo(status).getReason() + ": " : "";
      return new Answer(method.getBareMethodName(), label, e.getStatus().getCode(),
          reason + e.getStatus().getDescription());
    }
  }

  /**
   * Every unary method called with no token and with each kind of bad one (expired, of an issuer not
   * configured, signed with another key, not a JWT): the calls not answered UNAUTHENTICATED with the reason
   * that says why (TOKEN_MISSING, TOKEN_EXPIRED…); prints how many were made.
   */
  public static List<Answer> probeWithoutIdentity(Channel channel, ServiceDescriptor service) throws IOException {
    Map<String, CallCredentials> bad = new LinkedHashMap<>();
    bad.put("TOKEN_MISSING", null);
    bad.put("TOKEN_EXPIRED", BearerToken.of(TestIssuer.get().mint(TestIssuer.ADMIN, Map.of(),
        Duration.ofMinutes(-10))));
    bad.put("TOKEN_UNKNOWN_ISSUER", BearerToken.of(LocalIssuer.open(Files.createTempDirectory("stranger"),
        "https://stranger.example.org").mint(TestIssuer.ADMIN, Map.of(), Duration.ofMinutes(10))));
    bad.put("TOKEN_BAD_SIGNATURE", BearerToken.of(LocalIssuer.open(Files.createTempDirectory("forger"),
        TestIssuer.ISSUER).mint(TestIssuer.ADMIN, Map.of(), Duration.ofMinutes(10))));
    bad.put("TOKEN_MALFORMED", BearerToken.of("not-a-token"));
    List<Answer> wrong = new ArrayList<>();
    int calls = 0;
    for (var unary : unaryMethods(service).entrySet()) {
      MethodDescriptor<?, ?> method = unary.getKey();
      byte[] request = unary.getValue().toByteArray();
      for (var e : bad.entrySet()) {
        calls++;
        Answer a = call(method, e.getKey(), () -> RawRequests.unary(channel, method, request, e.getValue()));
        if (a.code() != Status.Code.UNAUTHENTICATED || !a.description().startsWith(e.getKey() + ":")) {
          wrong.add(a);
        }
      }
    }
    System.out.println(service.getName() + ": " + calls + " calls without a valid token, " + wrong.size()
        + " not answered UNAUTHENTICATED saying why");
    return wrong;
  }

  /** Whether {@code m} holds a string anywhere. */
  private static boolean holdsText(Message m) {
    return m.getAllFields().entrySet().stream().anyMatch(e -> switch (e.getKey().getJavaType()) {
      case STRING -> true;
      case MESSAGE -> (e.getKey().isRepeated() ? ((List<?>) e.getValue()).stream() : Stream.of(e.getValue()))
          .anyMatch(nested -> holdsText((Message) nested));
      default -> false;
    });
  }

  private static Message.Builder fill(Message.Builder b, Variant v, int depth) {
    for (FieldDescriptor f : b.getDescriptorForType().getFields()) {
      if (f.isMapField()) {
        continue;
      }
      if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        if (depth > 0) {
          Message nested = fill(b.newBuilderForField(f), v, depth - 1).build();
          if (f.isRepeated()) {
            b.addRepeatedField(f, nested);
          } else {
            b.setField(f, nested);
          }
        }
        continue;
      }
      Object value = v.value().apply(f);
      if (value == null) {
        continue;
      }
      if (f.getJavaType() == FieldDescriptor.JavaType.INT && value instanceof Number n) {
        value = n.intValue();
      } else if (f.getJavaType() == FieldDescriptor.JavaType.LONG && value instanceof Number n) {
        value = n.longValue();
      } else if (f.getJavaType() == FieldDescriptor.JavaType.FLOAT && value instanceof Number n) {
        value = n.floatValue();
      }
      if (f.isRepeated()) {
        b.addRepeatedField(f, value);
      } else {
        b.setField(f, value);
      }
    }
    return b;
  }
}
