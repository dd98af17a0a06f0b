package org.laasuite.common.grpc;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every request is checked for before an endpoint sees it (GrpcErrorInterceptor): the fields
 * its proto marks REQUIRED ({@link FieldBehaviors#checkRequiredFields}), and text no service can store:
 * a NUL character, which PostgreSQL refuses in any text.
 */
public final class RequestChecks {

  private RequestChecks() {
  }

  /** The request's problems, each named by its field path; empty when it may go on. */
  public static Violations check(Message request) {
    Violations v = new Violations();
    FieldBehaviors.checkRequiredFields(request, "", v);
    noNul(request, "", v);
    return v;
  }

  /** One message of a client stream (a row of an import): its text only; each row's fields are the import's. */
  public static Violations checkStreamed(Message message) {
    Violations v = new Violations();
    noNul(message, "", v);
    return v;
  }

  /** The string and message fields of each message type, found once (an import checks every row). */
  private static final Map<Descriptor, List<FieldDescriptor>> TEXT_FIELDS = new ConcurrentHashMap<>();

  /** A violation for every string anywhere in {@code m} that holds a NUL character. */
  static void noNul(Message m, String prefix, Violations v) {
    for (FieldDescriptor f : TEXT_FIELDS.computeIfAbsent(m.getDescriptorForType(), RequestChecks::textFields)) {
      if (f.isRepeated()) {
        int n = m.getRepeatedFieldCount(f);
        for (int i = 0; i < n; i++) {
          noNul(m.getRepeatedField(f, i), f, prefix, "[" + i + "]", v);
        }
      } else if (m.hasField(f) || f.getJavaType() == FieldDescriptor.JavaType.STRING && !f.hasPresence()) {
        noNul(m.getField(f), f, prefix, "", v);
      }
    }
  }

  private static List<FieldDescriptor> textFields(Descriptor type) {
    return type.getFields().stream().filter(f -> !f.isMapField()) // the suite's protos have no maps
        .filter(f -> f.getJavaType() == FieldDescriptor.JavaType.STRING
            || f.getJavaType() == FieldDescriptor.JavaType.MESSAGE)
        .toList();
  }

  private static void noNul(Object value, FieldDescriptor f, String prefix, String index, Violations v) {
    if (f.getJavaType() == FieldDescriptor.JavaType.STRING) {
      if (((String) value).indexOf('\u0000') >= 0) {
        v.add(prefix + f.getName() + index, "must not contain the NUL character (U+0000)");
      }
    } else {
      noNul((Message) value, prefix + f.getName() + index + ".", v);
    }
  }
}
