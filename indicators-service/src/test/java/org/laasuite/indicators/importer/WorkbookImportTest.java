package org.laasuite.indicators.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laasuite.indicators.importer.Workbooks.book;
import static org.laasuite.indicators.importer.Workbooks.bytes;
import static org.laasuite.indicators.importer.Workbooks.row;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.indicators.v1.*;
import org.laasuite.testkit.TestDatabase;
import org.laasuite.type.v1.ImportProblem;

/** Simple Views as Excel workbooks: read as the CSV file is, and every workbook the import cannot read faithfully. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkbookImportTest implements TestPropertyProvider {

  private final TestDatabase db = TestDatabase.forClass(WorkbookImportTest.class);

  @Inject
  IndicatorServiceGrpc.IndicatorServiceBlockingStub client;

  @Override
  public Map<String, String> getProperties() {
    return db.serviceProperties();
  }

  private ImportSimpleViewResponse importing(ByteString content) {
    return client.importSimpleView(ImportSimpleViewRequest.newBuilder().setContent(content)
        .setFileName("simple-view.xlsx").build());
  }

  private int indicators() {
    return client.listIndicators(ListIndicatorsRequest.getDefaultInstance()).getTotalSize();
  }

  /** The import of {@code content} refused with one problem, described by {@code words}, and nothing written. */
  private ImportProblem refused(ByteString content, String words) {
    int before = indicators();
    ImportSimpleViewResponse r = importing(content);
    assertFalse(r.getWritten());
    assertEquals(before, indicators());
    assertEquals(1, r.getProblemsCount(), r.toString());
    assertTrue(r.getProblems(0).getDescription().contains(words), r.toString());
    return r.getProblems(0);
  }

  @Test
  void aWorkbookIsImportedAsTheCsvFileIsWithItsProgressReported() throws Exception {
    XSSFWorkbook book = book(row("CYP-27", "WB-1"), row("CYP-28", "WB-2"));
    // A second sheet, of another block (its tab name is the workbook's own affair).
    var other = book.createSheet("Safer Stronger Communities");
    Workbooks.put(other, 0, Workbooks.header());
    for (int i = 0; i < 120; i++) {
      Workbooks.put(other, i + 1, row("SSC-CSP-1", "WB-SSC-" + i));
    }
    ByteString content = bytes(book);
    List<ImportSimpleViewEvent> events = new ArrayList<>();
    client.streamImportSimpleView(StreamImportSimpleViewRequest.newBuilder().setRequest(ImportSimpleViewRequest
        .newBuilder().setContent(content).setFileName("simple-view.xlsx")).build()).forEachRemaining(events::add);

    ImportSimpleViewResponse result = events.getLast().getResult();
    assertEquals(List.of(), result.getProblemsList());
    assertTrue(result.getWritten());
    assertEquals(122, result.getIndicators());
    var report = client.batchGetIndicatorReports(BatchGetIndicatorReportsRequest.newBuilder()
        .addNames("indicators/WB-2").build()).getReports(0);
    assertEquals(RecordedRating(report), Rating.RATING_RED);
    List<ImportProgress> progress = events.subList(0, events.size() - 1).stream()
        .map(ImportSimpleViewEvent::getProgress).toList();
    assertTrue(progress.contains(ImportProgress.newBuilder().setStage("reading").setDone(100).setTotal(121)
        .setSheet("Safer Stronger Communities").build()), progress.toString());
    assertTrue(progress.contains(ImportProgress.newBuilder().setStage("reading").setDone(2).setTotal(2)
        .setSheet(Workbooks.SHEET).build()), progress.toString());
    assertEquals(List.of("reading", "checking", "writing"), progress.stream().map(ImportProgress::getStage).distinct()
        .toList());
    assertEquals(ImportProgress.newBuilder().setStage("writing").setDone(122).setTotal(122).build(),
        progress.getLast());
  }

  private static Rating RecordedRating(IndicatorReport report) {
    return report.getRecordedJudgement().getRating();
  }

  @Test
  void aBadRowIsNamedBySheetRowAndColumnAndNothingIsWritten() throws Exception {
    List<String> bad = row("CYP-27", "WB-BAD-2");
    bad.set(Workbooks.header().indexOf("polarity"), "UP");
    ImportProblem p = refused(bytes(book(row("CYP-27", "WB-BAD-1"), bad)), "must be HIGHER_IS_BETTER");
    assertEquals(Workbooks.SHEET, p.getSheet());
    assertEquals(3, p.getLine());
    assertEquals("K (polarity)", p.getColumn());
  }

  @Test
  void aFormulaIsRefusedRatherThanItsSavedResultTrusted() throws Exception {
    XSSFWorkbook book = book(row("CYP-27", "WB-F-1"));
    book.getSheetAt(0).getRow(1).getCell(15).setCellFormula("O2+1");
    ImportProblem p = refused(bytes(book), "holds a formula");
    assertEquals(2, p.getLine());
    assertEquals("P (target_2007_08)", p.getColumn());
  }

  @Test
  void mergedCellsAreRefused() throws Exception {
    XSSFWorkbook book = book(row("CYP-27", "WB-M-1"), row("CYP-28", "WB-M-2"));
    book.getSheetAt(0).addMergedRegion(CellRangeAddress.valueOf("H2:H3"));
    ImportProblem p = refused(bytes(book), "cells H2:H3 are merged");
    assertEquals(2, p.getLine());
    assertEquals("H (outcome)", p.getColumn());
  }

  @Test
  void aDateStoredAsANumberIsRefused() throws Exception {
    XSSFWorkbook book = book(row("CYP-27", "WB-D-1"));
    var date = book.createCellStyle();
    date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
    var cell = book.getSheetAt(0).getRow(1).getCell(11);
    cell.setCellValue(38443); // 1 April 2005, as Excel keeps it
    cell.setCellStyle(date);
    ImportProblem p = refused(bytes(book), "holds a date (01/04/2005)");
    assertEquals("L (baseline_date)", p.getColumn());
  }

  @Test
  void aNumberIsReadAsExcelShowsIt() throws Exception {
    XSSFWorkbook book = book(row("CYP-27", "WB-N-1"));
    book.getSheetAt(0).getRow(1).getCell(12).setCellValue(45.5);
    ImportSimpleViewResponse r = importing(bytes(book));
    assertEquals(List.of(), r.getProblemsList());
    var baseline = client.listBaselines(ListBaselinesRequest.newBuilder().setParent("indicators/WB-N-1").build())
        .getBaselines(0);
    assertEquals("45.5", baseline.getFigure().getOriginalText());
  }

  @Test
  void aHiddenSheetIsRefused() throws Exception {
    XSSFWorkbook book = book(row("CYP-27", "WB-H-1"));
    var hidden = book.createSheet("Old figures");
    Workbooks.put(hidden, 0, Workbooks.header());
    Workbooks.put(hidden, 1, row("CYP-28", "WB-H-2"));
    book.setSheetHidden(1, true);
    ImportProblem p = refused(bytes(book), "the sheet is hidden");
    assertEquals("Old figures", p.getSheet());
  }

  @Test
  void anExtraColumnAndAMissingOneAreRefused() throws Exception {
    XSSFWorkbook extra = book(row("CYP-27", "WB-X-1"));
    extra.getSheetAt(0).getRow(0).createCell(28).setCellValue("budget");
    extra.getSheetAt(0).getRow(1).createCell(28).setCellValue("1000");
    ImportProblem p = refused(bytes(extra), "is not a column of the Simple View");
    assertEquals("AC (budget)", p.getColumn());
    assertEquals(1, p.getLine());

    XSSFWorkbook missing = book(row("CYP-27", "WB-X-2"));
    missing.getSheetAt(0).getRow(0).getCell(10).setCellValue("direction");
    ImportSimpleViewResponse r = importing(bytes(missing));
    assertFalse(r.getWritten());
    assertTrue(r.getProblemsList().stream().anyMatch(q -> q.getDescription().startsWith("missing columns: polarity")),
        r.toString());
  }

  @Test
  void aWorkbookOverTheLimitIsRefusedUnread() throws Exception {
    byte[] big = new byte[9 * 1024 * 1024];
    big[0] = 'P';
    big[1] = 'K';
    big[2] = 3;
    big[3] = 4;
    refused(ByteString.copyFrom(big), "the limit is 8388608 bytes");
    // Beyond one gRPC message (16 MiB) the transport refuses it before the service sees it.
    var tooLarge = ByteString.copyFrom(new byte[17 * 1024 * 1024]);
    StatusRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
        () -> importing(tooLarge));
    assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode());
  }

  @Test
  void anOldOrEncryptedWorkbookAndAZipThatIsNoWorkbookAreRefused() throws Exception {
    byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
    refused(ByteString.copyFrom(ole2), "Excel 97-2003 workbook (.xls) or a password-protected one");
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("readme.txt"));
      out.write("not a workbook".getBytes());
    }
    refused(ByteString.copyFrom(zip.toByteArray()), "not an Excel workbook (XLSX)");
  }

  @Test
  void aZipBombIsRefusedUnread() throws Exception {
    ByteString bomb = withSheetPadding(bytes(book(row("CYP-27", "WB-Z-1"))), 200 * 1024 * 1024);
    assertTrue(bomb.size() < 1024 * 1024, "the bomb is " + bomb.size() + " bytes");
    refused(bomb, "expands to more than 100 times its compressed size");
  }

  /**
   * {@code workbook} with {@code bytes} of spaces (which XML ignores) in its first sheet's XML before the rows: a part
   * expanding to hundreds of times its compressed size.
   */
  static ByteString withSheetPadding(ByteString workbook, long bytes) throws IOException {
    ByteArrayOutputStream result = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(workbook.newInput());
        ZipOutputStream out = new ZipOutputStream(result)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.putNextEntry(new ZipEntry(e.getName()));
        byte[] content = in.readAllBytes();
        if (e.getName().equals("xl/worksheets/sheet1.xml")) {
          String xml = new String(content, java.nio.charset.StandardCharsets.UTF_8);
          int at = xml.indexOf("<sheetData>");
          out.write(xml.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
          byte[] spaces = new byte[1024 * 1024];
          java.util.Arrays.fill(spaces, (byte) ' ');
          for (long n = 0; n < bytes; n += spaces.length) {
            out.write(spaces);
          }
          out.write(xml.substring(at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else {
          out.write(content);
        }
        out.closeEntry();
      }
    }
    return ByteString.copyFrom(result.toByteArray());
  }

  @Test
  void aWorkbookOfMoreRowsThanAnImportTakesIsRefused() throws Exception {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i <= SimpleViewWorkbook.MAX_ROWS; i++) {
      rows.add(List.of("", "CHILDREN_AND_YOUNG_PEOPLE", "x", "", "R-" + i));
    }
    @SuppressWarnings("unchecked")
    XSSFWorkbook book = book(rows.toArray(new List[0]));
    ImportProblem p = refused(bytes(book), "more than 10000 rows");
    assertEquals(SimpleViewWorkbook.MAX_ROWS + 2, p.getLine());
  }
}
