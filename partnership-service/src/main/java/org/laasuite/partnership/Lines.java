package org.laasuite.partnership;

import java.util.Arrays;
import java.util.List;

/** Lists stored as text, one entry per line (each entry's own line breaks folded to spaces). */
public final class Lines {

  private Lines() {
  }

  public static String join(List<String> entries) {
    return String.join("\n", entries.stream().map(e -> e.strip().replaceAll("\\s*\\R\\s*", " "))
        .filter(e -> !e.isEmpty()).toList());
  }

  public static List<String> split(String text) {
    return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
  }
}
