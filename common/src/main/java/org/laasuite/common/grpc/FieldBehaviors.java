package org.laasuite.common.grpc;

import com.google.api.FieldBehavior;
import com.google.api.FieldBehaviorProto;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Request checks read from the protos' {@code google.api.field_behavior} annotations (AIP-203), so
 * that what a .proto says is required is what a service refuses without.
 *
 * <p>Paths are the proto field names, dotted, with an index for each element of a repeated message
 * field: {@code meeting.actions[2].owner}, as the services' other violations name fields.
 *
 * <p>A field is unset when a client did not give it: a repeated field with no elements, a message
 * field not set, an enum at its zero (UNSPECIFIED) value, a blank string (as {@link
 * Violations#required} has it), empty bytes, a number at 0 or false; a field with explicit presence
 * ({@code optional}, a oneof member) also when it is not set.
 */
public final class FieldBehaviors {

  /**
   * What the checks need of one message type, found once per descriptor (reading a field's annotations is slow
   * enough to matter for an import's every row): its REQUIRED and OUTPUT_ONLY fields, its message fields, and
   * whether it is an update (has an update_mask).
   */
  private record Plan(List<FieldDescriptor> required, List<FieldDescriptor> outputOnly,
      List<FieldDescriptor> messages, boolean update) {
  }

  private static final Map<Descriptor, Plan> PLANS = new ConcurrentHashMap<>();

  private FieldBehaviors() {
  }

  /**
   * Adds "is required" to {@code v} for every REQUIRED field of {@code m} that is unset, and so on
   * into every set sub-message and every element of repeated message fields. {@code fieldPrefix}
   * names {@code m} in the request ("" for the request itself, "indicator" or "indicator." for the
   * resource of a create). An update request's resource is not descended into: it carries only the
   * fields its update_mask names (AIP-134), and the service checks the resource the update makes.
   */
  public static void checkRequired(Message m, String fieldPrefix, Violations v) {
    walk(m, prefix(fieldPrefix), true, Plan::required, (msg, f, prefix) -> {
      if (isUnset(msg, f)) {
        v.add(prefix + f.getName(), Violations.REQUIRED);
      }
    });
  }

  /**
   * Adds "is required" to {@code v} for every REQUIRED field of {@code m} itself that is unset, not
   * descending into sub-messages: what the request as a whole must carry (a name, a parent, the
   * resource of a create, an update_mask). What a resource must hold is checked with the rest of the
   * resource's rules, so that every problem with it is named at once.
   */
  public static void checkRequiredFields(Message m, String fieldPrefix, Violations v) {
    String prefix = prefix(fieldPrefix);
    for (FieldDescriptor f : plan(m.getDescriptorForType()).required()) {
      if (isUnset(m, f)) {
        v.add(prefix + f.getName(), Violations.REQUIRED);
      }
    }
  }

  /**
   * The paths of OUTPUT_ONLY fields that are set in {@code m} (recursively, as {@link
   * #checkRequired}): what a client sent that the server sets itself, to be ignored or refused.
   * Note that a resource's {@code name} is output only, yet an update request carries it to say which
   * resource it changes: a caller checking an update leaves that path out.
   */
  public static List<String> outputOnly(Message m) {
    return outputOnly(m, "");
  }

  /** {@link #outputOnly(Message)} with every path under {@code fieldPrefix}. */
  public static List<String> outputOnly(Message m, String fieldPrefix) {
    List<String> paths = new ArrayList<>();
    walk(m, prefix(fieldPrefix), false, Plan::outputOnly, (msg, f, prefix) -> {
      if (!isUnset(msg, f)) {
        paths.add(prefix + f.getName());
      }
    });
    return paths;
  }

  /** {@code m} with every OUTPUT_ONLY field cleared, recursively: what a client can ask for. */
  @SuppressWarnings("unchecked")
  public static <M extends Message> M withoutOutputOnly(M m) {
    Message.Builder b = m.toBuilder();
    for (var e : m.getAllFields().entrySet()) {
      FieldDescriptor f = e.getKey();
      if (has(f, FieldBehavior.OUTPUT_ONLY)) {
        b.clearField(f);
      } else if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && f.isRepeated()) {
        b.clearField(f);
        for (Object item : (List<?>) e.getValue()) {
          b.addRepeatedField(f, withoutOutputOnly((Message) item));
        }
      } else if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        b.setField(f, withoutOutputOnly((Message) e.getValue()));
      }
    }
    return (M) b.build();
  }

  /**
   * Whether a stored resource is what a create asks for (as protos, OUTPUT_ONLY fields aside): a
   * retried create whose id the client chooses answers the stored one rather than ALREADY_EXISTS.
   */
  public static <R, P extends Message> Predicate<R> sameInput(Function<R, P> toProto, R candidate) {
    P asked = asInput(toProto.apply(candidate));
    return existing -> asInput(toProto.apply(existing)).equals(asked);
  }

  /**
   * What a client could have sent of a resource: OUTPUT_ONLY fields and every etag (the server's,
   * AIP-154), in it and in the messages it holds, cleared.
   */
  @SuppressWarnings("unchecked")
  private static <P extends Message> P asInput(P resource) {
    Message.Builder b = withoutOutputOnly(resource).toBuilder();
    clearEtags(b);
    return (P) b.build();
  }

  private static void clearEtags(Message.Builder b) {
    FieldDescriptor etag = b.getDescriptorForType().findFieldByName("etag");
    if (etag != null) {
      b.clearField(etag);
    }
    for (FieldDescriptor f : b.getDescriptorForType().getFields()) {
      if (f.getJavaType() != FieldDescriptor.JavaType.MESSAGE || f.isMapField()) {
        continue;
      }
      if (f.isRepeated()) {
        for (int i = 0; i < b.getRepeatedFieldCount(f); i++) {
          Message.Builder item = ((Message) b.getRepeatedField(f, i)).toBuilder();
          clearEtags(item);
          b.setRepeatedField(f, i, item.build());
        }
      } else if (b.hasField(f)) {
        Message.Builder nested = ((Message) b.getField(f)).toBuilder();
        clearEtags(nested);
        b.setField(f, nested.build());
      }
    }
  }

  /** The field's behaviors as annotated (empty when it has none). */
  public static List<FieldBehavior> behaviors(FieldDescriptor f) {
    return f.getOptions().getExtension(FieldBehaviorProto.fieldBehavior);
  }

  /** Whether {@code f} is annotated with {@code behavior}. */
  public static boolean has(FieldDescriptor f, FieldBehavior behavior) {
    return behaviors(f).contains(behavior);
  }

  /** Whether a client left {@code f} of {@code m} unset (see the class comment). */
  public static boolean isUnset(Message m, FieldDescriptor f) {
    if (f.isRepeated()) {
      return m.getRepeatedFieldCount(f) == 0;
    }
    if (f.hasPresence() && !m.hasField(f)) {
      return true;
    }
    Object value = m.getField(f);
    return switch (f.getJavaType()) {
      case MESSAGE -> !m.hasField(f);
      case STRING -> ((String) value).isBlank();
      case BYTE_STRING -> ((ByteString) value).isEmpty();
      case ENUM -> ((EnumValueDescriptor) value).getNumber() == 0;
      case INT, LONG -> ((Number) value).longValue() == 0;
      case FLOAT, DOUBLE -> ((Number) value).doubleValue() == 0;
      case BOOLEAN -> !((Boolean) value);
    };
  }

  private interface Visitor {
    /** Field {@code f} of {@code m}, named {@code prefix + f.getName()} in the request. */
    void field(Message m, FieldDescriptor f, String prefix);
  }

  /**
   * Visits the fields {@code which} picks of {@code m}, then descends into its set message fields (not, with
   * {@code stopAtUpdates}, into those of a message that has an update_mask).
   */
  private static void walk(Message m, String prefix, boolean stopAtUpdates,
      Function<Plan, List<FieldDescriptor>> which, Visitor visitor) {
    Plan plan = plan(m.getDescriptorForType());
    for (FieldDescriptor f : which.apply(plan)) {
      visitor.field(m, f, prefix);
    }
    if (stopAtUpdates && plan.update()) {
      return;
    }
    for (FieldDescriptor f : plan.messages()) {
      if (f.isRepeated()) {
        for (int i = 0; i < m.getRepeatedFieldCount(f); i++) {
          walk((Message) m.getRepeatedField(f, i), prefix + f.getName() + "[" + i + "].", stopAtUpdates, which,
              visitor);
        }
      } else if (m.hasField(f)) {
        walk((Message) m.getField(f), prefix + f.getName() + ".", stopAtUpdates, which, visitor);
      }
    }
  }

  private static Plan plan(Descriptor type) {
    return PLANS.computeIfAbsent(type, t -> {
      List<FieldDescriptor> required = new ArrayList<>();
      List<FieldDescriptor> outputOnly = new ArrayList<>();
      List<FieldDescriptor> messages = new ArrayList<>();
      for (FieldDescriptor f : t.getFields()) {
        if (has(f, FieldBehavior.REQUIRED)) {
          required.add(f);
        }
        if (has(f, FieldBehavior.OUTPUT_ONLY)) {
          outputOnly.add(f);
        }
        if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !f.isMapField()) {
          messages.add(f);
        }
      }
      return new Plan(List.copyOf(required), List.copyOf(outputOnly), List.copyOf(messages),
          t.findFieldByName("update_mask") != null);
    });
  }

  private static String prefix(String fieldPrefix) {
    if (fieldPrefix == null || fieldPrefix.isEmpty()) {
      return "";
    }
    return fieldPrefix.endsWith(".") ? fieldPrefix : fieldPrefix + ".";
  }
}
