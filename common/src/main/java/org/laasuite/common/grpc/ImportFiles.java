package org.laasuite.common.grpc;

import com.google.protobuf.ByteString;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laasuite.type.v1.ImportProblem;

/**
 * The one way every import reads a file's bytes into text, and reports a file it cannot read. A
 * file must be non-empty, at most {@link #MAX_BYTES}, UTF-8 exactly (no malformed bytes), and hold
 * no NUL character; a leading byte-order mark is dropped. Each import request as a whole is also
 * bounded by the gRPC servers' {@link #MAX_MESSAGE_BYTES} (grpc.server.max-inbound-message-size),
 * which the transport enforces before any service code runs (docs/data-formats.md).
 */
public final class ImportFiles {

  /** The largest file an import reads: 8 MiB. */
  public static final int MAX_BYTES = 8 * 1024 * 1024;
  /** The largest request a service accepts: 16 MiB, set in each service's application.yml. */
  public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  private static final Pattern CSV_LINE = Pattern.compile("\\((?:start)?line (\\d+)\\)");

  private ImportFiles() {
  }

  /**
   * The text of {@code content}, or null with a problem of {@code file} (line 0, or the line of a
   * NUL character) when it is empty, too large, not UTF-8 or holds a NUL.
   */
  public static String text(String file, ByteString content, List<ImportProblem> problems) {
    if (content.isEmpty()) {
      problems.add(problem(file, 0, "the file is empty"));
      return null;
    }
    if (content.size() > MAX_BYTES) {
      problems.add(problem(file, 0, "the file is " + content.size() + " bytes; the limit is " + MAX_BYTES + " bytes ("
          + MAX_BYTES / (1024 * 1024) + " MiB)"));
      return null;
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(content.asReadOnlyByteBuffer()).toString();
    } catch (CharacterCodingException e) {
      problems.add(problem(file, 0, "the file is not UTF-8 text"));
      return null;
    }
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      problems.add(problem(file, lineOf(text, nul), "holds a NUL character, which no text may hold"));
      return null;
    }
    if (text.isBlank()) {
      problems.add(problem(file, 0, "the file is empty"));
      return null;
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * The problem a CSV parser's failure is (an unclosed quote, say), on the line the parser names
   * (commons-csv writes "(startline 3)"), else on {@code atLine}.
   */
  public static ImportProblem csvFailure(String file, Exception e, long atLine) {
    long line = atLine;
    String message = "";
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage() == null ? "" : t.getMessage();
      Matcher matcher = CSV_LINE.matcher(m);
      if (matcher.find()) {
        line = Long.parseLong(matcher.group(1));
        message = m.substring(matcher.end()).strip();
        break;
      }
      message = m;
    }
    return problem(file, (int) Math.min(line, Integer.MAX_VALUE), "is not valid CSV from this line on"
        + (message.isEmpty() ? "" : ": " + Protos.clip(message.replaceFirst("^[\\w.]+Exception: ", ""))));
  }

  /** The 1-based line of the character at {@code index}. */
  static int lineOf(String text, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static ImportProblem problem(String file, int line, String description) {
    return ImportProblem.newBuilder().setFile(file).setLine(line).setDescription(description).build();
  }
}
