package org.laasuite.common.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.WireFormat;
import io.grpc.Status;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a request's bytes do not parse as their message, in the client's terms ({@link
 * RequestParsing}). Mostly a string that is not UTF-8: a lone UTF-16 surrogate a client wrote as
 * bytes, say, which proto3 refuses in any string. Each such field is named by its path, as every
 * other violation is ({@code indicator.title}, {@code requests[1].narrative.achieved}). Bytes that are
 * no protocol buffer at all (or nest deeper than a parser follows) name no field: MALFORMED_REQUEST.
 */
final class UnreadableRequests {

  /** What each string that is not UTF-8 is told. */
  static final String NOT_UTF8 = "is not valid UTF-8 text";
  /** How deep the fields are looked for: as deep as protobuf's parser follows nested messages. */
  private static final int MAX_DEPTH = 100;

  private UnreadableRequests() {
  }

  /** The refusal of {@code bytes}, which did not parse as a {@code type}. */
  static ApiException refusal(Descriptor type, byte[] bytes) {
    Violations v = new Violations();
    try {
      notUtf8(CodedInputStream.newInstance(bytes), type, "", 0, v);
    } catch (IOException notWireFormat) {
      // the strings up to here are named; what follows is no protocol buffer
    }
    if (!v.isEmpty()) {
      return ApiException.invalid(v.list());
    }
    return new ApiException(Status.Code.INVALID_ARGUMENT, "MALFORMED_REQUEST",
        "the request is not a " + type.getFullName() + " in the protocol buffers wire format", List.of());
  }

  /** Adds a violation for each string in {@code in}, a {@code type} on the wire, that is not UTF-8. */
  private static void notUtf8(CodedInputStream in, Descriptor type, String prefix, int depth, Violations v)
      throws IOException {
    Map<Integer, Integer> seen = new HashMap<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      FieldDescriptor f = type.findFieldByNumber(WireFormat.getTagFieldNumber(tag));
      if (f == null || WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED
          || f.getType() != FieldDescriptor.Type.STRING && f.getType() != FieldDescriptor.Type.MESSAGE) {
        in.skipField(tag);
        continue;
      }
      int index = seen.merge(f.getNumber(), 1, Integer::sum) - 1;
      String path = prefix + f.getName() + (f.isRepeated() ? "[" + index + "]" : "");
      ByteString value = in.readBytes();
      if (f.getType() == FieldDescriptor.Type.STRING) {
        v.check(value.isValidUtf8(), path, NOT_UTF8);
      } else if (depth < MAX_DEPTH) {
        notUtf8(value.newCodedInput(), f.getMessageType(), path + ".", depth + 1, v);
      }
    }
  }
}
