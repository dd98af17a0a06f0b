package org.laasuite.indicators.importer;

import java.util.Map;
import org.laasuite.type.v1.ImportProblem;

/**
 * One row of a Simple View as read, from a CSV file or a workbook's sheet: its cells by column name, where it is
 * (the sheet, empty for CSV, and the line or sheet row) and how a problem names each column ("code" in a CSV file,
 * "E (code)" in a sheet).
 */
record SheetRow(String sheet, int line, Map<String, String> cells, Map<String, String> labels) {

  /** The cell's text; empty when the column is not there. */
  String get(String column) {
    return cells.getOrDefault(column, "");
  }

  boolean has(String column) {
    return cells.containsKey(column);
  }

  /** A problem of this row in {@code column} (empty: the row as a whole). */
  ImportProblem problem(String column, String description) {
    return problem(sheet, line, column.isEmpty() ? "" : labels.getOrDefault(column, column), description);
  }

  static ImportProblem problem(String sheet, int line, String column, String description) {
    return ImportProblem.newBuilder().setSheet(sheet).setLine(line).setColumn(column).setDescription(description)
        .build();
  }
}
