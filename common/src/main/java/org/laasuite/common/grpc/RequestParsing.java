package org.laasuite.common.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.KnownLength;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each request of a service itself, so that bytes a client sent that are not the method's
 * message (text that is not UTF-8, which proto3 strings refuse, or no protocol buffer at all) are
 * the client's mistake, INVALID_ARGUMENT naming each such field ({@link UnreadableRequests}).
 * Left to grpc-java, a message is parsed with the method's marshaller before any interceptor sees
 * it, and one that does not parse closes the call UNKNOWN, "Application error processing RPC".
 *
 * <p>A method of a service registered through {@link #of} takes its request's bytes and hands on
 * either the message or, when they do not parse, its refusal. The server's interceptors (metrics,
 * {@link GrpcErrorInterceptor}) run outside this, so they see the refusal as any other call
 * refused: it is thrown where the endpoint's listener would receive the message, turned into a
 * {@code google.rpc.Status} by the GrpcErrorInterceptor and counted by the metrics; a valid message
 * goes on to {@link RequestChecks} there as before. The endpoint sees only messages that parsed.
 * Each message of a client stream is read the same way.
 */
public final class RequestParsing {

  private static final Logger LOG = LoggerFactory.getLogger(RequestParsing.class);

  private RequestParsing() {
  }

  /** What a request's bytes hold when they are not the method's message: why they are refused. */
  private record Unreadable(ApiException refusal) {
  }

  /**
   * {@code service} with each method whose request is a protobuf message reading its requests as
   * above; the service's schema stays, for server reflection.
   */
  public static ServerServiceDefinition of(ServerServiceDefinition service) {
    ServiceDescriptor original = service.getServiceDescriptor();
    ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(original.getName())
        .setSchemaDescriptor(original.getSchemaDescriptor());
    var methods = original.getMethods().stream()
        .map(m -> parsing(service.getMethod(m.getFullMethodName())))
        .toList();
    methods.forEach(m -> descriptor.addMethod(m.getMethodDescriptor()));
    ServerServiceDefinition.Builder parsing = ServerServiceDefinition.builder(descriptor.build());
    methods.forEach(parsing::addMethod);
    return parsing.build();
  }

  private static <Q, R> ServerMethodDefinition<?, R> parsing(ServerMethodDefinition<Q, R> definition) {
    MethodDescriptor<Q, R> method = definition.getMethodDescriptor();
    if (!(method.getRequestMarshaller() instanceof MethodDescriptor.PrototypeMarshaller<Q> marshaller)
        || !(marshaller.getMessagePrototype() instanceof Message prototype)) {
      return definition;
    }
    MethodDescriptor<Object, R> readingBytes = method
        .toBuilder(new Reading<>(marshaller, prototype), method.getResponseMarshaller())
        .build();
    return ServerMethodDefinition.create(readingBytes, new Handing<>(definition.getServerCallHandler(), method));
  }

  /** Parses a request's bytes as {@code prototype}'s message, or answers their refusal. */
  private record Reading<Q>(MethodDescriptor.Marshaller<Q> original, Message prototype)
      implements MethodDescriptor.Marshaller<Object> {

    @Override
    @SuppressWarnings("unchecked")
    public InputStream stream(Object message) {
      return original.stream((Q) message); // only a server's own requests are streamed: each one parsed
    }

    @Override
    public Object parse(InputStream stream) {
      byte[] bytes = bytesOf(stream);
      try {
        return prototype.getParserForType().parseFrom(bytes);
      } catch (InvalidProtocolBufferException e) {
        ApiException refusal = UnreadableRequests.refusal(prototype.getDescriptorForType(), bytes);
        LOG.debug("refused a request that does not parse as {} ({}): {}", prototype.getDescriptorForType().getFullName(),
            e.getMessage(), refusal.getMessage());
        return new Unreadable(refusal);
      }
    }
  }

  /** The request's bytes: read into one array of their length when the stream knows it, as gRPC's own do. */
  private static byte[] bytesOf(InputStream stream) {
    try {
      if (stream instanceof KnownLength) {
        byte[] bytes = new byte[stream.available()];
        int read = stream.readNBytes(bytes, 0, bytes.length);
        if (read == bytes.length && stream.read() < 0) {
          return bytes;
        }
        throw new IOException("the request's stream did not hold the " + bytes.length + " bytes it said");
      }
      return stream.readAllBytes();
    } catch (IOException e) {
      throw Status.INTERNAL.withDescription("could not read a request").withCause(e).asRuntimeException();
    }
  }

  /**
   * Starts the original handler on the call as its method, and hands each message on to it, or
   * throws its refusal to the interceptors outside.
   */
  private record Handing<Q, R>(ServerCallHandler<Q, R> next, MethodDescriptor<Q, R> method)
      implements ServerCallHandler<Object, R> {

    @Override
    @SuppressWarnings("unchecked")
    public ServerCall.Listener<Object> startCall(ServerCall<Object, R> call, Metadata headers) {
      // The request type shows only in getMethodDescriptor, answered here with the original.
      ServerCall<Q, R> asMethod = new SimpleForwardingServerCall<>((ServerCall<Q, R>) (ServerCall<?, R>) call) {
        @Override
        public MethodDescriptor<Q, R> getMethodDescriptor() {
          return method;
        }
      };
      ServerCall.Listener<Q> listener = next.startCall(asMethod, headers);
      return new ServerCall.Listener<>() {
        @Override
        public void onMessage(Object message) {
          if (message instanceof Unreadable unreadable) {
            throw unreadable.refusal();
          }
          listener.onMessage((Q) message);
        }

        @Override
        public void onHalfClose() {
          listener.onHalfClose();
        }

        @Override
        public void onCancel() {
          listener.onCancel();
        }

        @Override
        public void onComplete() {
          listener.onComplete();
        }

        @Override
        public void onReady() {
          listener.onReady();
        }
      };
    }
  }
}
