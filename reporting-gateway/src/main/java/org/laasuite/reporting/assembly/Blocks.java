package org.laasuite.reporting.assembly;

import java.util.List;
import java.util.Optional;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.type.v1.LaaBlock;

/** The four LAA blocks as people read them: titles, and the URL segments pages use. */
public final class Blocks {

  public static final List<LaaBlock> ALL = ProtoEnums.values(LaaBlock.class);

  private Blocks() {
  }

  /** "Children and Young People". */
  public static String title(LaaBlock block) {
    String words = ProtoEnums.words(block);
    StringBuilder out = new StringBuilder();
    for (String w : words.split(" ")) {
      out.append(out.isEmpty() ? "" : " ").append(w.equals("and") ? w : Character.toUpperCase(w.charAt(0))
          + w.substring(1));
    }
    return out.toString();
  }

  /** "children-and-young-people". */
  public static String slug(LaaBlock block) {
    return ProtoEnums.slug(block);
  }

  public static Optional<LaaBlock> fromSlug(String slug) {
    return ALL.stream().filter(b -> slug(b).equals(slug)).findFirst();
  }

  public static String slugs() {
    return String.join(", ", ALL.stream().map(Blocks::slug).toList());
  }
}
