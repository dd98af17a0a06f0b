package org.laasuite.testkit;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import io.grpc.CallCredentials;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Requests sent as bytes, the way a client that writes its own wire format can send them: text that
 * is not UTF-8 (which no protobuf library lets a client set), bytes that are no protocol buffer at
 * all, a message larger than a server takes. A refused call throws the StatusRuntimeException it
 * ended with, for {@link GrpcErrors}.
 */
public final class RawRequests {

  /**
   * Stands for a lone UTF-16 surrogate in the text of a request given to {@link #encode}: its bytes
   * carry U+D800 encoded as UTF-8 encodes any other code point (ED A0 80), which is not UTF-8 and
   * which no proto3 string may hold. (A protobuf library sends a lone surrogate in a Java string as
   * "?", so the test cannot just set one.)
   */
  public static final String NOT_UTF8 = "\uFFFF";

  private static final byte[] PLACEHOLDER = NOT_UTF8.getBytes(StandardCharsets.UTF_8);
  private static final byte[] LONE_SURROGATE = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
  private static final long DEADLINE_SECONDS = 60;

  private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  private RawRequests() {
  }

  /** The wire bytes of {@code request}, each {@link #NOT_UTF8} in the text of its string fields a lone surrogate. */
  public static byte[] encode(Message request) {
    try {
      return encode(request.toByteString(), request.getDescriptorForType()).toByteArray();
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a message's own bytes always parse", e);
    }
  }

  /** Calls {@code method} as the tests' admin with {@code request} as its bytes; answers the response's bytes. */
  public static byte[] unary(Channel channel, MethodDescriptor<?, ?> method, byte[] request) {
    return unary(channel, method, request, TestIssuer.admin());
  }

  /** The same with {@code credentials}, none when null. */
  public static byte[] unary(Channel channel, MethodDescriptor<?, ?> method, byte[] request,
      CallCredentials credentials) {
    return ClientCalls.blockingUnaryCall(channel, asBytes(method), options(credentials), request);
  }

  private static CallOptions options(CallCredentials credentials) {
    CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
    return credentials == null ? options : options.withCallCredentials(credentials);
  }

  /**
   * A client stream of {@code method} that sends each of {@code messages} as its bytes (stopping
   * early once the server has answered, as a client that is refused does); answers the response's bytes.
   */
  public static byte[] clientStream(Channel channel, MethodDescriptor<?, ?> method, List<byte[]> messages)
      throws Exception {
    CompletableFuture<byte[]> response = new CompletableFuture<>();
    StreamObserver<byte[]> requests = ClientCalls.asyncClientStreamingCall(
        channel.newCall(asBytes(method), options(TestIssuer.admin())),
        new StreamObserver<>() {
          @Override
          public void onNext(byte[] value) {
            response.complete(value);
          }

          @Override
          public void onError(Throwable t) {
            response.completeExceptionally(t);
          }

          @Override
          public void onCompleted() {
          }
        });
    for (int i = 0; i < messages.size() && !response.isDone(); i++) {
      requests.onNext(messages.get(i));
    }
    requests.onCompleted();
    try {
      return response.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static MethodDescriptor<byte[], byte[]> asBytes(MethodDescriptor<?, ?> method) {
    return method.toBuilder(BYTES, BYTES).build();
  }

  /** {@code bytes}, a {@code type} on the wire, with the placeholder in each string turned into a lone surrogate. */
  private static ByteString encode(ByteString bytes, Descriptor type) throws InvalidProtocolBufferException {
    UnknownFieldSet.Builder encoded = UnknownFieldSet.newBuilder();
    for (var e : UnknownFieldSet.parseFrom(bytes).asMap().entrySet()) {
      UnknownFieldSet.Field field = e.getValue();
      UnknownFieldSet.Field.Builder copy = UnknownFieldSet.Field.newBuilder();
      field.getVarintList().forEach(copy::addVarint);
      field.getFixed32List().forEach(copy::addFixed32);
      field.getFixed64List().forEach(copy::addFixed64);
      field.getGroupList().forEach(copy::addGroup);
      FieldDescriptor f = type.findFieldByNumber(e.getKey());
      for (ByteString value : field.getLengthDelimitedList()) {
        if (f != null && f.getType() == FieldDescriptor.Type.STRING) {
          value = ByteString.copyFrom(withLoneSurrogates(value.toByteArray()));
        } else if (f != null && f.getType() == FieldDescriptor.Type.MESSAGE) {
          value = encode(value, f.getMessageType());
        }
        copy.addLengthDelimited(value);
      }
      encoded.addField(e.getKey(), copy.build());
    }
    return encoded.build().toByteString();
  }

  private static byte[] withLoneSurrogates(byte[] text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length);
    int i = 0;
    while (i < text.length) {
      if (Arrays.equals(text, i, Math.min(i + PLACEHOLDER.length, text.length), PLACEHOLDER, 0, PLACEHOLDER.length)) {
        out.writeBytes(LONE_SURROGATE);
        i += PLACEHOLDER.length;
      } else {
        out.write(text[i++]);
      }
    }
    return out.toByteArray();
  }
}
