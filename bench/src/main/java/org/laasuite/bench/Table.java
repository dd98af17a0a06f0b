package org.laasuite.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The bench's table, printed for people (Markdown, so that docs/performance.md can keep it) and written as JSON. */
final class Table {

  private static final String[] HEADINGS = {"#", "what", "measured", "floor (same run)", "ratio", "goal", "verdict"};

  private final List<Row> rows = new ArrayList<>();

  /** Said of a missed goal whose row gives no reason of its own: the reasons are kept with the latest table. */
  static final String WHY = "why: docs/performance.md, Latest figures";

  void add(Row given) {
    Row row = Boolean.FALSE.equals(given.met()) && given.note().isEmpty() ? given.withNote(WHY) : given;
    rows.add(row);
    System.out.println("  " + row.scenario() + " " + row.what() + ": " + row.measured()
        + (row.floor().isEmpty() ? "" : " | floor " + row.floor()) + (row.ratio() == null ? "" : " | " + ratio(row.ratio()))
        + (row.goal() == null ? "" : " | " + row.verdict()) + (row.note().isEmpty() ? "" : " (" + row.note() + ")"));
  }

  List<Row> rows() {
    return List.copyOf(rows);
  }

  /** The table in Markdown, columns padded so that it also reads well in a terminal. */
  String markdown() {
    List<String[]> cells = new ArrayList<>();
    cells.add(HEADINGS);
    for (Row r : rows) {
      String verdict = r.verdict() + (r.note().isEmpty() ? "" : (r.verdict().isEmpty() ? "" : ": ") + r.note());
      cells.add(new String[] {r.scenario(), r.what(), r.measured(), r.floor(),
          r.ratio() == null ? "" : ratio(r.ratio()), r.goal() == null ? "" : r.goal().text(), verdict});
    }
    int[] width = new int[HEADINGS.length];
    for (String[] line : cells) {
      for (int i = 0; i < line.length; i++) {
        width[i] = Math.max(Math.max(3, width[i]), line[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int n = 0; n < cells.size(); n++) {
      out.append(line(cells.get(n), width));
      if (n == 0) {
        String[] rule = new String[width.length];
        for (int i = 0; i < width.length; i++) {
          rule[i] = "-".repeat(width[i]);
        }
        out.append(line(rule, width));
      }
    }
    return out.toString();
  }

  private static String line(String[] cells, int[] width) {
    StringBuilder out = new StringBuilder("|");
    for (int i = 0; i < cells.length; i++) {
      out.append(' ').append(cells[i]).append(" ".repeat(width[i] - cells[i].length())).append(" |");
    }
    return out.append('\n').toString();
  }

  /** The rows as JSON, numbers as numbers, with {@code about} (when, options, machine) first. */
  String json(Map<String, Object> about) {
    StringBuilder out = new StringBuilder("{\n  \"about\": {");
    String sep = "";
    for (var e : about.entrySet()) {
      out.append(sep).append("\n    ").append(quote(e.getKey())).append(": ").append(value(e.getValue()));
      sep = ",";
    }
    out.append("\n  },\n  \"rows\": [");
    sep = "";
    for (Row r : rows) {
      out.append(sep).append("\n    {\"scenario\": ").append(quote(r.scenario()))
          .append(", \"what\": ").append(quote(r.what()))
          .append(", \"measured\": ").append(quote(r.measured()))
          .append(", \"floor\": ").append(quote(r.floor()))
          .append(", \"ratio\": ").append(value(r.ratio()))
          .append(", \"goal\": ").append(r.goal() == null ? "null" : quote(r.goal().text()))
          .append(", \"goalLimit\": ").append(r.goal() == null ? "null" : value(r.goal().limit()))
          .append(", \"goalAtMost\": ").append(r.goal() == null ? "null" : r.goal().atMost())
          .append(", \"value\": ").append(value(r.value()))
          .append(", \"met\": ").append(r.met())
          .append(", \"verdict\": ").append(quote(r.verdict()))
          .append(", \"note\": ").append(quote(r.note())).append('}');
      sep = ",";
    }
    return out.append("\n  ]\n}\n").toString();
  }

  void write(Path json, Path markdown, Map<String, Object> about) throws IOException {
    Files.createDirectories(json.toAbsolutePath().getParent());
    Files.writeString(json, json(about));
    Files.writeString(markdown, markdown());
  }

  static String ms(double ms) {
    return ms < 1 ? String.format(Locale.ROOT, "%.3f ms", ms) : String.format(Locale.ROOT, "%.1f ms", ms);
  }

  static String ratio(double r) {
    return r < 10 ? String.format(Locale.ROOT, "%.2fx", r) : String.format(Locale.ROOT, "%,.0fx", r);
  }

  static String count(double n) {
    return String.format(Locale.ROOT, "%,.0f", n);
  }

  private static String value(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? "null" : String.format(Locale.ROOT, "%.6g", d);
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    return quote(v.toString());
  }

  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
