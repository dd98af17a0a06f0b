package org.laasuite.common.grpc;

import com.google.protobuf.ProtocolMessageEnum;
import java.util.Arrays;
import java.util.List;
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
    return values(type).stream().filter(e -> e.name().equals(name) || shortName(e).equals(name)).findFirst();
  }

  /** The value's name for a filter: null when {@code e} is unset (UNSPECIFIED) or UNRECOGNIZED. */
  public static <E extends Enum<E> & ProtocolMessageEnum> String nameOrNull(E e) {
    return e.name().equals("UNRECOGNIZED") || e.getNumber() == 0 ? null : e.name();
  }

  /** Every value the enum names, without UNSPECIFIED and UNRECOGNIZED. */
  public static <E extends Enum<E> & ProtocolMessageEnum> List<E> values(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> !e.name().equals("UNRECOGNIZED") && e.getNumber() != 0).toList();
  }

  /** The names a client may send for {@code type}, for error messages: "CITY, WARD, ...". */
  public static <E extends Enum<E> & ProtocolMessageEnum> String choices(Class<E> type) {
    return String.join(", ", values(type).stream().map(Enum::name).toList());
  }

  /** Whether {@code value} is a value the enum names (not UNSPECIFIED, not UNRECOGNIZED); else a violation. */
  public static <E extends Enum<E> & ProtocolMessageEnum> boolean required(E value, String field, Violations v) {
    boolean ok = !value.name().equals("UNRECOGNIZED") && value.getNumber() != 0;
    if (!ok) {
      v.add(field, "must be one of " + choices(value.getDeclaringClass()));
    }
    return ok;
  }

  /** Whether {@code value} is unset or a value the enum names (not UNRECOGNIZED); else a violation. */
  public static <E extends Enum<E> & ProtocolMessageEnum> boolean known(E value, String field, Violations v) {
    boolean ok = !value.name().equals("UNRECOGNIZED");
    if (!ok) {
      v.add(field, "must be one of " + choices(value.getDeclaringClass()) + ", or left unset");
    }
    return ok;
  }
}
