package org.laasuite.tools;

import com.google.protobuf.ProtocolMessageEnum;
import java.util.Locale;

/** How the command line writes what the services answer. */
final class Text {

  private Text() {
  }

  /** An enum value as words, without its enum's prefix: "Automatically pooled", "Chair". */
  static String words(ProtocolMessageEnum value) {
    String zero = value.getDescriptorForType().findValueByNumber(0).getName();
    String prefix = zero.substring(0, zero.length() - "UNSPECIFIED".length());
    String name = ((Enum<?>) value).name();
    String s = (name.startsWith(prefix) ? name.substring(prefix.length()) : name).toLowerCase(Locale.ROOT)
        .replace('_', ' ');
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** {@code s} on one line, cut to {@code n} characters with an ellipsis. */
  static String clip(String s, int n) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= n ? one : one.substring(0, n - 1) + "…";
  }
}
