package org.laasuite.indicators.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.indicators.v1.*;
import org.laasuite.testkit.TestDatabase;

/**
 * The whole demo Simple View, imported, exported as CSV and as a workbook, and each export imported into an empty
 * instance of the service (a context of its own on a database of its own): both hold what the first holds.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimpleViewRoundTripTest implements TestPropertyProvider {

  static final Path DEMO = Path.of("..", "data", "coventry-2007-08", "laa-simple-view.csv");

  private final TestDatabase db = TestDatabase.forClass(SimpleViewRoundTripTest.class);

  @Inject
  IndicatorServiceGrpc.IndicatorServiceBlockingStub client;

  private ExportSimpleViewResponse csv;
  private ExportSimpleViewResponse xlsx;
  private final List<ApplicationContext> copies = new ArrayList<>();

  @Override
  public Map<String, String> getProperties() {
    return db.serviceProperties();
  }

  @BeforeAll
  void importAndExport() throws Exception {
    var imported = client.importSimpleView(ImportSimpleViewRequest.newBuilder()
        .setContent(ByteString.copyFrom(Files.readAllBytes(DEMO))).setFileName("laa-simple-view").build());
    assertTrue(imported.getWritten(), imported.getProblemsList().toString());
    csv = export(client, SimpleViewFormat.SIMPLE_VIEW_FORMAT_CSV);
    xlsx = export(client, SimpleViewFormat.SIMPLE_VIEW_FORMAT_XLSX);
  }

  @AfterAll
  void stopCopies() {
    copies.forEach(ApplicationContext::close);
  }

  static ExportSimpleViewResponse export(IndicatorServiceGrpc.IndicatorServiceBlockingStub on, SimpleViewFormat f) {
    return on.exportSimpleView(ExportSimpleViewRequest.newBuilder().setFormat(f).build());
  }

  /** An empty instance of the service, on a database of its own. */
  private IndicatorServiceGrpc.IndicatorServiceBlockingStub emptyInstance(String label) {
    ApplicationContext copy = ApplicationContext.run(new java.util.HashMap<String, Object>(
        TestDatabase.named(label).serviceProperties()), "test");
    copies.add(copy);
    return copy.getBean(IndicatorServiceGrpc.IndicatorServiceBlockingStub.class);
  }

  @Test
  void theCsvExportHasTheSimpleViewsColumnsAndOriginalWording() throws Exception {
    assertEquals("laa-simple-view.csv", csv.getFileName());
    assertEquals("text/csv; charset=UTF-8", csv.getContentType());
    assertEquals(155, csv.getIndicators());
    String demoHeader = Files.readAllLines(DEMO).getFirst();
    String text = csv.getContent().toString(StandardCharsets.UTF_8);
    assertEquals(demoHeader, text.substring(0, text.indexOf('\n')));
    Map<String, CSVRecord> byCode = new java.util.HashMap<>();
    CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
        .forEach(r -> byCode.put(r.get("code"), r));
    assertEquals(155, byCode.size());
    assertEquals("Awaiting GO targets, expected Summer 2007", byCode.get("CYP-1").get("target_2007_08"));
    assertEquals("Academic Year 02/03", byCode.get("CYP-1").get("baseline_date"));
    assertEquals("N/A", byCode.get("CYP-16").get("target_2005_06"));
    assertEquals("N/A", byCode.get("CYP-28").get("update_2005_06_value"));
    assertEquals("N/A", byCode.get("CYP-28").get("update_2005_06_date"));
    assertEquals("78.0", byCode.get("CYP-2").get("target_2005_06"));
    assertEquals("Too early to assess", byCode.get("CYP-1").get("traffic_light"));
    assertEquals("children-and-young-peoples-partnership", byCode.get("CYP-1").get("theme_group_body"));
    assertEquals("Children and Young Person's Strategic Partnership", byCode.get("CYP-1").get("theme_group"));
  }

  @Test
  void theWorkbookHasASheetPerBlockWithTheSameColumnsAndEveryCellAsText() throws Exception {
    assertEquals("laa-simple-view.xlsx", xlsx.getFileName());
    try (XSSFWorkbook book = new XSSFWorkbook(xlsx.getContent().newInput())) {
      List<String> tabs = new ArrayList<>();
      book.forEach(s -> tabs.add(s.getSheetName()));
      assertEquals(List.of("Children & Young People", "Economic Dev & Enterprise", "Healthier Comms & Older People",
          "Safer Stronger Communities"), tabs);
      var cyp = book.getSheet("Children & Young People");
      List<String> headings = new ArrayList<>();
      cyp.getRow(0).forEach(c -> headings.add(c.getStringCellValue()));
      assertEquals(org.laasuite.indicators.importer.SimpleViewLayout.COLUMNS, headings);
      var cyp2 = cyp.getRow(2);
      assertEquals("CYP-2", cyp2.getCell(4).getStringCellValue());
      assertEquals(CellType.STRING, cyp2.getCell(13).getCellType());
      assertEquals("78.0", cyp2.getCell(13).getStringCellValue());
      int rows = 0;
      for (var sheet : book) {
        rows += sheet.getLastRowNum();
      }
      assertEquals(155, rows);
    }
  }

  @Test
  void theCsvExportImportedIntoAnEmptyInstanceHoldsTheSame() throws Exception {
    roundTrip(csv, "simple_view_round_trip_csv");
  }

  @Test
  void theWorkbookImportedIntoAnEmptyInstanceHoldsTheSame() throws Exception {
    roundTrip(xlsx, "simple_view_round_trip_xlsx");
  }

  private void roundTrip(ExportSimpleViewResponse file, String database) {
    var copy = emptyInstance(database);
    var imported = copy.importSimpleView(ImportSimpleViewRequest.newBuilder().setContent(file.getContent())
        .setFileName("laa-simple-view").build());
    assertEquals(List.of(), imported.getProblemsList());
    assertEquals(155, imported.getIndicators());
    List<IndicatorReport> original = reports(client);
    List<IndicatorReport> copied = reports(copy);
    assertEquals(155, original.size());
    assertEquals(original.size(), copied.size());
    for (int i = 0; i < original.size(); i++) {
      assertEquals(normal(original.get(i)), normal(copied.get(i)), original.get(i).getIndicator().getName());
    }
    // And the copy's export is the original's, byte for byte.
    assertEquals(export(client, SimpleViewFormat.SIMPLE_VIEW_FORMAT_CSV).getContent(),
        export(copy, SimpleViewFormat.SIMPLE_VIEW_FORMAT_CSV).getContent());
  }

  /** Every indicator's report (the indicator, baselines, targets, outturns, judgements), in the catalogue's order. */
  static List<IndicatorReport> reports(IndicatorServiceGrpc.IndicatorServiceBlockingStub on) {
    List<IndicatorReport> all = new ArrayList<>();
    String token = "";
    do {
      var page = on.listIndicatorReports(ListIndicatorReportsRequest.newBuilder().setPageSize(500)
          .setPageToken(token).build());
      all.addAll(page.getReportsList());
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    return all;
  }

  /** {@code m} without what differs between two instances holding the same: times, etags, stored ids. */
  @SuppressWarnings("unchecked")
  static <M extends Message> M normal(M m) {
    Message.Builder b = m.toBuilder();
    for (FieldDescriptor f : m.getDescriptorForType().getFields()) {
      if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        if (f.getMessageType().getFullName().equals("google.protobuf.Timestamp")) {
          b.clearField(f);
        } else if (f.isRepeated()) {
          List<Object> items = (List<Object>) m.getField(f);
          b.clearField(f);
          items.forEach(item -> b.addRepeatedField(f, normal((Message) item)));
        } else if (m.hasField(f)) {
          b.setField(f, normal((Message) m.getField(f)));
        }
      } else if (f.getName().equals("etag")) {
        b.clearField(f);
      } else if (f.getJavaType() == FieldDescriptor.JavaType.STRING && !f.isRepeated()) {
        b.setField(f, ((String) m.getField(f)).replaceAll("/\\d+$", "/#"));
      }
    }
    return (M) b.build();
  }
}
