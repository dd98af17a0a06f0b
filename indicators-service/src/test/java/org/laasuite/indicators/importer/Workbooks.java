package org.laasuite.indicators.importer;

import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Small workbooks for the tests, made of the demo Simple View's rows (written whole: they are small). */
final class Workbooks {

  static final Path DEMO = Path.of("..", "data", "coventry-2007-08", "laa-simple-view.csv");
  static final String SHEET = "Children & Young People";

  private Workbooks() {
  }

  /** The demo file's header. */
  static List<String> header() throws IOException {
    return List.of(Files.readAllLines(DEMO).getFirst().split(",", -1));
  }

  /** The demo row of {@code code}, its code changed to {@code newCode}. */
  static List<String> row(String code, String newCode) throws IOException {
    try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(Files.newBufferedReader(DEMO))) {
      for (CSVRecord r : parser) {
        if (r.get("code").equals(code)) {
          List<String> cells = new ArrayList<>(r.toList());
          cells.set(header().indexOf("code"), newCode);
          return cells;
        }
      }
    }
    throw new IllegalArgumentException(code);
  }

  /** A workbook of one sheet with the header and these rows, every cell text. */
  @SafeVarargs
  static XSSFWorkbook book(List<String>... rows) throws IOException {
    XSSFWorkbook book = new XSSFWorkbook();
    XSSFSheet sheet = book.createSheet(SHEET);
    put(sheet, 0, header());
    for (int i = 0; i < rows.length; i++) {
      put(sheet, i + 1, rows[i]);
    }
    return book;
  }

  static void put(XSSFSheet sheet, int r, List<String> cells) {
    var row = sheet.createRow(r);
    for (int c = 0; c < cells.size(); c++) {
      if (!cells.get(c).isEmpty()) {
        row.createCell(c).setCellValue(cells.get(c));
      }
    }
  }

  static ByteString bytes(XSSFWorkbook book) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    book.write(out);
    book.close();
    return ByteString.copyFrom(out.toByteArray());
  }
}
