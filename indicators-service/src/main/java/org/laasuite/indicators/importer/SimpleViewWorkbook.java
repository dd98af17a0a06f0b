package org.laasuite.indicators.importer;

import com.google.protobuf.ByteString;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.laasuite.common.grpc.ImportFiles;
import org.laasuite.indicators.v1.ImportProgress;
import org.laasuite.type.v1.ImportProblem;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a Simple View saved as an Excel workbook (XLSX) into rows, streaming: each sheet's XML is read by SAX
 * (POI's {@code XSSFReader} and {@code XSSFSheetXMLHandler}), never as a whole workbook in memory, and what is
 * kept is bounded ({@link #MAX_ROWS} rows, {@link #MAX_TEXT_CHARS} characters of cells, the shared strings at most
 * {@link #MAX_SHARED_STRINGS_BYTES}, a part expanding at most {@link #MAX_PART_BYTES} or 100 times its compressed size).
 * Every sheet is a part of the Simple View with the CSV file's columns in its first row, whatever its tab is called;
 * the block is each row's {@code block} column. What the import cannot read faithfully is a problem, never a guess:
 * a formula (its cached value may be stale or missing: paste values), a date (Excel turned typed text into a number),
 * a merged range (its value is in its first cell only), a hidden sheet (its rows would be imported unseen), a column
 * the layout does not have, or a missing one. A number is read as Excel shows it (its cell format applied).
 */
final class SimpleViewWorkbook {

  /** Rows of all sheets together: a partnership's Simple View has a few hundred. */
  static final int MAX_ROWS = 10_000;
  /** Characters kept of all cells: as much as the largest CSV file ({@link ImportFiles#MAX_BYTES}). */
  static final long MAX_TEXT_CHARS = ImportFiles.MAX_BYTES;
  /** Excel's own limit of a cell's text. */
  static final int MAX_CELL_CHARS = 32_767;
  /** The shared strings, which a reader must hold in memory: well above a Simple View's (some 100 KB). */
  static final long MAX_SHARED_STRINGS_BYTES = 16L * 1024 * 1024;
  /** The most a part of the workbook may expand to (POI's ZipSecureFile); its ratio limit, 1:100, stays POI's. */
  static final long MAX_PART_BYTES = 256L * 1024 * 1024;

  static {
    ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
  }

  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

  private SimpleViewWorkbook() {
  }

  /** Whether {@code content} is a ZIP file (as every XLSX workbook is). */
  static boolean isWorkbook(ByteString content) {
    return startsWith(content, ZIP);
  }

  /** Whether {@code content} is an OLE2 file: an old .xls workbook, or a password-protected XLSX. */
  static boolean isOle2(ByteString content) {
    return startsWith(content, OLE2);
  }

  private static boolean startsWith(ByteString content, byte[] magic) {
    if (content.size() < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (content.byteAt(i) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /** The rows of every sheet, in order; what cannot be read faithfully goes to {@code problems}. */
  static List<SheetRow> read(ByteString content, List<ImportProblem> problems, Consumer<ImportProgress> progress) {
    if (content.size() > ImportFiles.MAX_BYTES) {
      problems.add(SheetRow.problem("", 0, "", "the workbook is " + content.size() + " bytes; the limit is "
          + ImportFiles.MAX_BYTES + " bytes (" + ImportFiles.MAX_BYTES / (1024 * 1024) + " MiB)"));
      return List.of();
    }
    Path file = null;
    try {
      // From a file, POI reads each part as it is asked for (a ZIP file's directory), not every part into memory.
      file = Files.createTempFile("laa-simple-view-", ".xlsx");
      try (var out = Files.newOutputStream(file)) {
        content.writeTo(out);
      }
      return read(file, problems, progress);
    } catch (IOException e) {
      problems.add(SheetRow.problem("", 0, "", "the workbook could not be read: " + e.getMessage()));
      return List.of();
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // A temporary file left behind is the operating system's to clean.
        }
      }
    }
  }

  /** As {@link #read(ByteString, List, Consumer)}, of a file. */
  static List<SheetRow> read(Path file, List<ImportProblem> problems, Consumer<ImportProgress> progress) {
    List<SheetRow> rows = new ArrayList<>();
    Budget budget = new Budget();
    String sheet = "";
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      StylesTable styles = reader.getStylesTable();
      SharedStrings strings = sharedStrings(pkg);
      Map<String, String> states = sheetStates(reader);
      var sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (sheets.hasNext()) {
        try (InputStream xml = sheets.next()) {
          sheet = sheets.getSheetName();
          String state = states.getOrDefault(sheet, "visible");
          if (!state.equals("visible")) {
            problems.add(SheetRow.problem(sheet, 0, "", "the sheet is hidden; its rows would be imported unseen: "
                + "unhide it to import it, or delete it"));
            continue;
          }
          SheetReader one = new SheetReader(sheet, styles, strings, rows, problems, budget, progress);
          XMLReader parser = XMLHelper.newXMLReader();
          parser.setContentHandler(one.handler());
          parser.parse(new InputSource(xml));
          one.finish();
        }
      }
      if (rows.isEmpty() && problems.isEmpty()) {
        problems.add(SheetRow.problem("", 0, "", "the workbook holds no rows of the Simple View"));
      }
    } catch (IOException | SAXException | OpenXML4JException | POIXMLException | OpenXML4JRuntimeException
        | javax.xml.parsers.ParserConfigurationException | IllegalArgumentException | IllegalStateException
        | ClassCastException e) {
      Limit limit = limitOf(e);
      problems.add(limit != null
          ? SheetRow.problem(limit.sheet == null ? sheet : limit.sheet, limit.line, "", limit.getMessage())
          : SheetRow.problem(sheet, 0, "", described(e)));
    }
    return problems.isEmpty() ? rows : List.of();
  }

  /** The limit {@code e} was thrown for, or null. */
  private static Limit limitOf(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Limit limit) {
        return limit;
      }
    }
    return null;
  }

  /** What a failure of POI or the XML parser means to the person who sent the file. */
  private static String described(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage() == null ? "" : t.getMessage();
      if (m.contains("Zip bomb detected") && m.contains("ratio")) {
        return "a part of the workbook expands to more than 100 times its compressed size, as a zip bomb does; "
            + "the workbook is not read";
      }
      if (m.contains("Zip bomb detected") || m.contains("max size")) {
        return "a part of the workbook expands to more than " + MAX_PART_BYTES / (1024 * 1024)
            + " MiB; the workbook is not read";
      }
    }
    if (e instanceof InvalidFormatException || e instanceof POIXMLException || e instanceof OpenXML4JRuntimeException
        || e instanceof org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException) {
      return "the file is a ZIP file but not an Excel workbook (XLSX) that can be read: " + e.getMessage();
    }
    return "the workbook could not be read: " + e.getMessage();
  }

  /** The shared strings, read from a stream cut off at {@link #MAX_SHARED_STRINGS_BYTES}. */
  private static SharedStrings sharedStrings(OPCPackage pkg) throws IOException, SAXException {
    List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
    if (parts.isEmpty()) {
      return new ReadOnlySharedStringsTable(InputStream.nullInputStream(), false);
    }
    try (InputStream in = new Bounded(parts.getFirst().getInputStream(), MAX_SHARED_STRINGS_BYTES,
        "the workbook's shared strings are more than " + MAX_SHARED_STRINGS_BYTES / (1024 * 1024) + " MiB")) {
      return new ReadOnlySharedStringsTable(in, false);
    }
  }

  /** Each sheet's state, by its name: "visible", "hidden" or "veryHidden" (workbook.xml). */
  private static Map<String, String> sheetStates(XSSFReader reader) throws IOException, SAXException,
      OpenXML4JException {
    Map<String, String> states = new HashMap<>();
    try (InputStream in = new Bounded(reader.getWorkbookData(), MAX_SHARED_STRINGS_BYTES,
        "the workbook's list of sheets is more than " + MAX_SHARED_STRINGS_BYTES / (1024 * 1024) + " MiB")) {
      XMLReader parser = XMLHelper.newXMLReader();
      parser.setContentHandler(new DefaultHandler() {
        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
          if (localName.equals("sheet")) {
            String state = atts.getValue("state");
            states.put(atts.getValue("name"), state == null ? "visible" : state);
          }
        }
      });
      parser.parse(new InputSource(in));
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
    return states;
  }

  /** What all sheets together may keep. */
  private static final class Budget {
    long rows;
    long chars;
  }

  /** A limit reached: the workbook is refused with it, whatever was read so far. */
  static final class Limit extends SAXException {
    final String sheet;
    final int line;

    Limit(String sheet, int line, String message) {
      super(message);
      this.sheet = sheet;
      this.line = line;
    }
  }

  /** A stream that fails once more than {@code limit} bytes are read from it. */
  private static final class Bounded extends FilterInputStream {
    private final long limit;
    private final String message;
    private long read;

    Bounded(InputStream in, long limit, String message) {
      super(in);
      this.limit = limit;
      this.message = message;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > limit) {
        throw new IOException(new Limit(null, 0, message));
      }
    }
  }

  /**
   * One sheet: POI's handler turns its XML into cells (shared strings resolved, numbers formatted as Excel shows
   * them); this one watches the XML as it passes for what that handler does not say (formulas, date formats, merged
   * ranges, the sheet's size) and keeps the rows.
   */
  private static final class SheetReader extends DefaultHandler implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final String sheet;
    private final StylesTable styles;
    private final List<SheetRow> rows;
    private final List<ImportProblem> problems;
    private final Budget budget;
    private final Consumer<ImportProgress> progress;
    private final XSSFSheetXMLHandler cells;

    /** Column index to name, from the first row. */
    private final Map<Integer, String> headings = new TreeMap<>();
    private final Map<String, String> labels = new HashMap<>();
    private boolean headed;
    private boolean unreadable;
    private final Set<Integer> extraColumns = new HashSet<>();
    private final List<String> merged = new ArrayList<>();
    private Map<String, String> row = new LinkedHashMap<>();
    private int rowNum = -1;
    private long total;
    private long done;
    private boolean inCell;
    private String cellRef;
    private boolean cellIsDate;
    private boolean cellHasFormula;
    private long cellChars;

    SheetReader(String sheet, StylesTable styles, SharedStrings strings, List<SheetRow> rows,
        List<ImportProblem> problems, Budget budget, Consumer<ImportProgress> progress) {
      this.sheet = sheet;
      this.styles = styles;
      this.rows = rows;
      this.problems = problems;
      this.budget = budget;
      this.progress = progress;
      DataFormatter formatter = new DataFormatter(Locale.UK);
      this.cells = new XSSFSheetXMLHandler(styles, strings, this, formatter, false);
    }

    DefaultHandler handler() {
      return this;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
      switch (localName) {
        case "dimension" -> total = rowsOf(atts.getValue("ref"));
        case "c" -> {
          inCell = true;
          cellRef = atts.getValue("r");
          String type = atts.getValue("t");
          cellIsDate = (type == null || type.equals("n")) && isDateStyle(atts.getValue("s"));
          cellHasFormula = false;
          cellChars = 0;
        }
        case "f" -> cellHasFormula = true;
        case "mergeCell" -> merged.add(atts.getValue("ref"));
        default -> {
        }
      }
      cells.startElement(uri, localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      cells.endElement(uri, localName, qName);
      if (localName.equals("c")) {
        inCell = false;
      }
      if (localName.equals("c") && cellHasFormula && cellRef != null && !unreadable) {
        cellHasFormula = false;
        problems.add(SheetRow.problem(sheet, rowNum + 1, label(new CellReference(cellRef).getCol()), "holds a "
            + "formula; the Simple View is read as values (a formula's saved result may be stale or missing): copy "
            + "the cells and paste them as values"));
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      if (!inCell) {
        return; // whitespace between elements: nothing POI's handler keeps either
      }
      cellChars += length;
      if (cellChars > MAX_CELL_CHARS) {
        throw new Limit(sheet, rowNum + 1, "cell " + cellRef + " holds more than " + MAX_CELL_CHARS
            + " characters, Excel's own limit; the workbook is not read further");
      }
      cells.characters(ch, start, length);
    }

    private boolean isDateStyle(String s) {
      if (s == null || s.isEmpty()) {
        return false;
      }
      try {
        XSSFCellStyle style = styles.getStyleAt(Integer.parseInt(s));
        return style != null && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
      } catch (RuntimeException e) {
        return false;
      }
    }

    private static long rowsOf(String ref) {
      if (ref == null || !ref.contains(":")) {
        return 0;
      }
      try {
        return new CellReference(ref.substring(ref.indexOf(':') + 1)).getRow() + 1L;
      } catch (RuntimeException e) {
        return 0;
      }
    }

    @Override
    public void startRow(int r) {
      rowNum = r;
      row = new LinkedHashMap<>();
    }

    @Override
    public void cell(String ref, String value, XSSFComment comment) {
      if (value == null || value.isBlank() || cellHasFormula) {
        return;
      }
      int column = new CellReference(ref).getCol();
      if (cellIsDate) {
        problems.add(SheetRow.problem(sheet, rowNum + 1, label(column), "holds a date (" + value + "): Excel keeps "
            + "dates as numbers, but the Simple View's periods and figures are text such as 'Academic Year 02/03' or "
            + "'2005/06'; format the cells as Text and type them again"));
        return;
      }
      row.put(ref.replaceAll("\\d", ""), value);
    }

    private String label(int column) {
      String letter = CellReference.convertNumToColString(column);
      String heading = headings.get(column);
      return heading == null ? letter : letter + " (" + heading + ")";
    }

    @Override
    public void endRow(int r) {
      if (unreadable || row.isEmpty()) {
        return;
      }
      if (!headed) {
        head();
        return;
      }
      Map<String, String> byName = new LinkedHashMap<>();
      long chars = 0;
      for (var cell : row.entrySet()) {
        int column = CellReference.convertColStringToIndex(cell.getKey());
        String name = headings.get(column);
        if (name == null) {
          if (extraColumns.add(column)) {
            problems.add(SheetRow.problem(sheet, r + 1, label(column), "is not a column of the Simple View (its "
                + "columns: " + String.join(", ", SimpleViewLayout.COLUMNS) + "); delete it or give it its heading"));
          }
          continue;
        }
        byName.put(name, cell.getValue());
        chars += cell.getValue().length();
      }
      budget.rows++;
      budget.chars += chars;
      if (budget.rows > MAX_ROWS) {
        throw new IllegalStateException(new Limit(sheet, r + 1, "the workbook has more than " + MAX_ROWS
            + " rows, the most an import takes; split it"));
      }
      if (budget.chars > MAX_TEXT_CHARS) {
        throw new IllegalStateException(new Limit(sheet, r + 1, "the workbook's cells hold more than "
            + MAX_TEXT_CHARS + " characters, the most an import takes; split it"));
      }
      rows.add(new SheetRow(sheet, r + 1, byName, labels));
      done++;
      if (done % 100 == 0) {
        progress.accept(ImportProgress.newBuilder().setStage("reading").setDone(done).setTotal(Math.max(total, done))
            .setSheet(sheet).build());
      }
    }

    /** The first row: the columns' headings, the CSV file's column names. */
    private void head() {
      headed = true;
      Set<String> seen = new HashSet<>();
      for (var cell : row.entrySet()) {
        int column = CellReference.convertColStringToIndex(cell.getKey());
        String name = cell.getValue().strip().toLowerCase(Locale.ROOT);
        String letter = cell.getKey();
        if (!SimpleViewLayout.COLUMNS.contains(name)) {
          problems.add(SheetRow.problem(sheet, rowNum + 1, letter + " (" + cell.getValue() + ")",
              "is not a column of the Simple View: its columns are " + String.join(", ", SimpleViewLayout.COLUMNS)));
        } else if (!seen.add(name)) {
          problems.add(SheetRow.problem(sheet, rowNum + 1, letter + " (" + name + ")", "appears twice"));
        } else {
          headings.put(column, name);
          labels.put(name, letter + " (" + name + ")");
        }
      }
      List<String> missing = SimpleViewImporter.REQUIRED_COLUMNS.stream().filter(c -> !seen.contains(c)).toList();
      if (!missing.isEmpty()) {
        problems.add(SheetRow.problem(sheet, rowNum + 1, "", "missing columns: " + String.join(", ", missing)
            + " (the first row of each sheet names the columns, as the CSV file's header does)"));
        unreadable = true;
      }
      // Columns whose heading was refused are reported once, not again in every row.
      for (var cell : row.entrySet()) {
        int column = CellReference.convertColStringToIndex(cell.getKey());
        if (!headings.containsKey(column)) {
          extraColumns.add(column);
        }
      }
    }

    @Override
    public void endSheet() {
      // Merged ranges are listed after the rows; finish() reports them.
    }

    void finish() {
      for (String range : merged) {
        String first = range.contains(":") ? range.substring(0, range.indexOf(':')) : range;
        CellReference at = new CellReference(first);
        problems.add(SheetRow.problem(sheet, at.getRow() + 1, label(at.getCol()), "cells " + range + " are merged: "
            + "a merged range's value is in its first cell only, so the other rows or columns would read empty; "
            + "unmerge them and fill each cell"));
      }
      progress.accept(ImportProgress.newBuilder().setStage("reading").setDone(done).setTotal(done).setSheet(sheet)
          .build());
    }
  }
}
