package org.laasuite.indicators.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.type.Decimal;
import io.grpc.ManagedChannel;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.grpc.server.GrpcServerChannel;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.indicators.v1.*;
import org.laasuite.testkit.GrpcErrors;
import org.laasuite.testkit.TestDatabase;
import org.laasuite.testkit.TestIssuer;
import org.laasuite.type.v1.LaaBlock;

/**
 * ExportSimpleView shows what is published to anyone, and what is pending only to a caller who may see it (as the
 * report listings do): a correction of CYP-28's 2006-07 outturn not yet published.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimpleViewExportTest implements TestPropertyProvider {

  private final TestDatabase db = TestDatabase.forClass(SimpleViewExportTest.class);

  @Inject
  IndicatorServiceGrpc.IndicatorServiceBlockingStub admin;
  @Inject
  @GrpcChannel(GrpcServerChannel.NAME)
  ManagedChannel channel;

  @Override
  public Map<String, String> getProperties() {
    // Whether a caller may see pending figures is the partnership service's answer (it knows no one here).
    return OtherServices.with(db.serviceProperties());
  }

  @BeforeAll
  void theDemoDataAndAPendingCorrection() throws Exception {
    assertTrue(admin.importSimpleView(ImportSimpleViewRequest.newBuilder().setContent(ByteString.copyFrom(
        Files.readAllBytes(Path.of("..", "data", "coventry-2007-08", "laa-simple-view.csv")))).build()).getWritten());
    admin.createOutturn(CreateOutturnRequest.newBuilder().setParent("indicators/CYP-28").setOutturn(Outturn
        .newBuilder().setPeriod("periods/fy-2006-07").setFigure(Figure.newBuilder().setValue(Decimal.newBuilder()
            .setValue("9.4")).setOriginalText("9.4% (corrected)"))).build());
  }

  private static Map<String, CSVRecord> rows(ExportSimpleViewResponse file) throws Exception {
    Map<String, CSVRecord> byCode = new HashMap<>();
    CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(file.getContent().toString(StandardCharsets.UTF_8))).forEach(r -> byCode.put(
            r.get("code"), r));
    return byCode;
  }

  private static ExportSimpleViewRequest.Builder csv() {
    return ExportSimpleViewRequest.newBuilder().setFormat(SimpleViewFormat.SIMPLE_VIEW_FORMAT_CSV);
  }

  @Test
  void anyoneGetsWhatIsPublished() throws Exception {
    var anyone = IndicatorServiceGrpc.newBlockingStub(channel).withCallCredentials(TestIssuer.as("people/nobody"));
    assertEquals("9.70%", rows(anyone.exportSimpleView(csv().build())).get("CYP-28").get("update_2006_07_value"));
    // Asking for the latest, they get the published figures of what they may not see pending, not a refusal.
    assertEquals("9.70%", rows(anyone.exportSimpleView(csv().setView(FigureView.FIGURE_VIEW_LATEST).build()))
        .get("CYP-28").get("update_2006_07_value"));
  }

  @Test
  void whoMaySeePendingFiguresGetsThemWithTheLatestView() throws Exception {
    assertEquals("9.70%", rows(admin.exportSimpleView(csv().build())).get("CYP-28").get("update_2006_07_value"));
    var latest = rows(admin.exportSimpleView(csv().setView(FigureView.FIGURE_VIEW_LATEST).build())).get("CYP-28");
    assertEquals("9.4% (corrected)", latest.get("update_2006_07_value"));
  }

  @Test
  void oneBlocksIndicators() throws Exception {
    var file = admin.exportSimpleView(csv().setBlock(LaaBlock.LAA_BLOCK_ECONOMIC_DEVELOPMENT_AND_ENTERPRISE).build());
    assertEquals("laa-simple-view-economic-development-and-enterprise.csv", file.getFileName());
    var rows = rows(file);
    assertEquals(file.getIndicators(), rows.size());
    assertTrue(rows.size() > 0);
    assertTrue(rows.values().stream().allMatch(r -> r.get("block").equals("ECONOMIC_DEVELOPMENT_AND_ENTERPRISE")));
  }

  @Test
  void aRequestWithoutAFormatIsRefusedNamingIt() {
    GrpcErrors.expectInvalid(() -> admin.exportSimpleView(ExportSimpleViewRequest.getDefaultInstance()), "format");
    GrpcErrors.expectInvalid(() -> admin.exportSimpleView(csv().setBlockValue(99).build()), "block");
  }

  @Test
  void anImportWithProgressNamesEveryStageThenAnswers() {
    var events = List.copyOf(iterate(admin.streamImportSimpleView(StreamImportSimpleViewRequest.newBuilder()
        .setRequest(ImportSimpleViewRequest.newBuilder().setContent(ByteString.copyFromUtf8("not,the,layout\n1,2,3\n")))
        .build())));
    var last = events.getLast();
    assertTrue(last.hasResult());
    assertTrue(last.getResult().getProblems(0).getDescription().startsWith("missing columns"));
    assertTrue(events.stream().limit(events.size() - 1).allMatch(ImportSimpleViewEvent::hasProgress));
  }

  private static <T> List<T> iterate(java.util.Iterator<T> it) {
    List<T> all = new java.util.ArrayList<>();
    it.forEachRemaining(all::add);
    return all;
  }
}
