package org.laasuite.common.grpc;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.List;
import java.util.Map;

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

  /** A violation for every string anywhere in {@code m} that holds a NUL character. */
  static void noNul(Message m, String prefix, Violations v) {
    for (Map.Entry<FieldDescriptor, Object> e : m.getAllFields().entrySet()) {
      FieldDescriptor f = e.getKey();
      String path = prefix + f.getName();
      if (f.isMapField()) {
        continue; // the suite's protos have no maps
      }
      if (f.isRepeated()) {
        List<?> values = (List<?>) e.getValue();
        for (int i = 0; i < values.size(); i++) {
          noNul(values.get(i), f, path + "[" + i + "]", v);
        }
      } else {
        noNul(e.getValue(), f, path, v);
      }
    }
  }

  private static void noNul(Object value, FieldDescriptor f, String path, Violations v) {
    if (f.getJavaType() == FieldDescriptor.JavaType.STRING) {
      v.check(((String) value).indexOf('\u0000') < 0, path, "must not contain the NUL character (U+0000)");
    } else if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      noNul((Message) value, path + ".", v);
    }
  }
}
