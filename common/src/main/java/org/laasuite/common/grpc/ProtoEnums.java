package org.laasuite.common.grpc;

import com.google.protobuf.ProtocolMessageEnum;
import java.util.Locale;
import java.util.Optional;

/**
 * Proto enum values carry their enum's name as a prefix (buf's ENUM_VALUE_PREFIX: {@code
 * LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE}). People do not: data files may write the value without it
 * ({@code CHILDREN_AND_YOUNG_PEOPLE}), and text shown to them drops it ("children and young people").
 */
public final class ProtoEnums {

  private ProtoEnums() {
  }

  /** The prefix every value of {@code e}'s enum carries: its zero value's name less "UNSPECIFIED". */
  public static String prefix(ProtocolMessageEnum e) {
    String zero = e.getDescriptorForType().findValueByNumber(0).getName();
    return zero.endsWith("UNSPECIFIED") ? zero.substring(0, zero.length() - "UNSPECIFIED".length()) : "";
  }

  /** The value's name without its enum's prefix: {@code CHILDREN_AND_YOUNG_PEOPLE}. */
  public static <E extends Enum<E> & ProtocolMessageEnum> String shortName(E e) {
    String prefix = prefix(e);
    return e.name().startsWith(prefix) ? e.name().substring(prefix.length()) : e.name();
  }

  /** The value as words: "children and young people". */
  public static <E extends Enum<E> & ProtocolMessageEnum> String words(E e) {
    return shortName(e).toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** The value as a URL slug: "children-and-young-people". */
  public static <E extends Enum<E> & ProtocolMessageEnum> String slug(E e) {
    return shortName(e).toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The value named by {@code text}, with or without its prefix; empty for blank text, an unknown
   * name, the UNSPECIFIED value and UNRECOGNIZED.
   */
  public static <E extends Enum<E> & ProtocolMessageEnum> Optional<E> parse(Class<E> type, String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String name = text.strip();
    for (E e : type.getEnumConstants()) {
      if (e.name().equals("UNRECOGNIZED") || e.getNumber() == 0) {
        continue;
      }
      if (e.name().equals(name) || shortName(e).equals(name)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The names a client may send for {@code type}, for error messages: "CITY, WARD, ...". */
  public static <E extends Enum<E> & ProtocolMessageEnum> String choices(Class<E> type) {
    StringBuilder out = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      if (!e.name().equals("UNRECOGNIZED") && e.getNumber() != 0) {
        out.append(out.isEmpty() ? "" : ", ").append(e.name());
      }
    }
    return out.toString();
  }

  /** Whether {@code value} is a value the enum names (not UNSPECIFIED, not UNRECOGNIZED); else a violation. */
  public static <E extends Enum<E> & ProtocolMessageEnum> boolean required(E value, String field, Violations v) {
    boolean ok = !value.name().equals("UNRECOGNIZED") && value.getNumber() != 0;
    return v.check(ok, field, "must be one of " + choices(value.getDeclaringClass()));
  }

  /** Whether {@code value} is unset or a value the enum names (not UNRECOGNIZED); else a violation. */
  public static <E extends Enum<E> & ProtocolMessageEnum> boolean known(E value, String field, Violations v) {
    return v.check(!value.name().equals("UNRECOGNIZED"), field,
        "must be one of " + choices(value.getDeclaringClass()) + ", or left unset");
  }
}
