package org.laasuite.indicators.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.laasuite.testkit.GrpcErrors.expect;
import static org.laasuite.testkit.GrpcErrors.expectInvalid;

import com.google.type.Decimal;
import io.grpc.Status;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laasuite.indicators.v1.*;
import org.laasuite.testkit.Concurrently;
import org.laasuite.testkit.OwnDatabaseTest;
import org.laasuite.type.v1.LaaBlock;

/** A create or import retried with its request_id writes once and answers what it answered first. */
@MicronautTest(transactional = false)
class RequestIdTest extends OwnDatabaseTest {

  @Inject
  IndicatorServiceGrpc.IndicatorServiceBlockingStub client;
  @Inject
  IndicatorServiceGrpc.IndicatorServiceStub asyncClient;

  @BeforeAll
  void anIndicatorAndAPeriod() {
    Fixtures.cityAnd2006To07(client);
    client.createIndicator(CreateIndicatorRequest.newBuilder().setIndicator(indicator("NI-117")).build());
  }

  private static Indicator.Builder indicator(String code) {
    return Indicator.newBuilder().setId(code).setTitle("Young people not in education, employment or training")
        .setBlock(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE).setPolarity(Polarity.POLARITY_LOWER_IS_BETTER)
        .setUnits("%");
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }

  private static Decimal dec(String s) {
    return Decimal.newBuilder().setValue(s).build();
  }

  @Test
  void aRetriedBaselineWritesOnceAndAnswersTheSame() throws Exception {
    var request = CreateBaselineRequest.newBuilder().setParent("indicators/NI-117").setRequestId(id())
        .setBaseline(Baseline.newBuilder().setFigure(Figure.newBuilder().setValue(dec("11.9")))).build();
    long before = db.rows("baseline");
    Baseline first = client.createBaseline(request);
    Baseline retry = client.createBaseline(request);
    assertEquals(first, retry);
    assertEquals(before + 1, db.rows("baseline"));
  }

  @Test
  void retriedNarrativesJudgementsAndBatchesWriteOnce() throws Exception {
    var narrative = CreateNarrativeRequest.newBuilder().setParent("indicators/NI-117").setRequestId(id())
        .setNarrative(Narrative.newBuilder().setPeriod("periods/fy-2006-07").setAchieved("Tracking improved")).build();
    long narratives = db.rows("narrative");
    assertEquals(client.createNarrative(narrative), client.createNarrative(narrative));
    assertEquals(narratives + 1, db.rows("narrative"));

    var batch = BatchCreateNarrativesRequest.newBuilder().setRequestId(id())
        .addRequests(narrative.toBuilder().clearRequestId()).addRequests(narrative.toBuilder().clearRequestId()).build();
    assertEquals(client.batchCreateNarratives(batch), client.batchCreateNarratives(batch));
    assertEquals(narratives + 3, db.rows("narrative"));

    var judgement = CreateRecordedJudgementRequest.newBuilder().setParent("indicators/NI-117").setRequestId(id())
        .setJudgement(RecordedJudgement.newBuilder().setPeriod("periods/fy-2006-07").setRating(Rating.RATING_AMBER)
            .setReason("Seasonal")).build();
    long judgements = db.rows("recorded_judgement");
    assertEquals(client.createRecordedJudgement(judgement), client.createRecordedJudgement(judgement));
    assertEquals(judgements + 1, db.rows("recorded_judgement"));
  }

  @Test
  void aRetriedOutturnKeepsOneRevision() throws Exception {
    var request = CreateOutturnRequest.newBuilder().setParent("indicators/NI-117").setRequestId(id())
        .setOutturn(Outturn.newBuilder().setPeriod("periods/fy-2006-07").setFigure(Figure.newBuilder()
            .setValue(dec("9.4")))).build();
    long before = db.rows("outturn");
    Outturn first = client.createOutturn(request);
    Outturn retry = client.createOutturn(request);
    assertEquals(first, retry);
    assertEquals(before + 1, db.rows("outturn"));
  }

  @Test
  void twoIdenticalRequestsAtOnceWriteOnce() throws Exception {
    var request = CreateTargetRequest.newBuilder().setParent("indicators/NI-117").setRequestId(id())
        .setTarget(Target.newBuilder().setPeriod("periods/fy-2006-07").setFigure(Figure.newBuilder()
            .setValue(dec("8.8")))).build();
    long before = db.rows("target");
    List<Target> answers = Concurrently.twice(() -> client.createTarget(request));
    assertEquals(answers.get(0), answers.get(1));
    assertEquals(before + 1, db.rows("target"));
  }

  @Test
  void theSameRequestIdWithAnotherRequestIsRefused() throws Exception {
    String requestId = id();
    var request = CreateBaselineRequest.newBuilder().setParent("indicators/NI-117").setRequestId(requestId)
        .setBaseline(Baseline.newBuilder().setFigure(Figure.newBuilder().setValue(dec("12")))).build();
    client.createBaseline(request);
    long before = db.rows("baseline");
    expectInvalid(() -> client.createBaseline(request.toBuilder().setBaseline(Baseline.newBuilder()
        .setFigure(Figure.newBuilder().setValue(dec("13")))).build()), "request_id");
    expectInvalid(() -> client.createNarrative(CreateNarrativeRequest.newBuilder().setParent("indicators/NI-117")
        .setRequestId(requestId).setNarrative(Narrative.newBuilder().setPeriod("periods/fy-2006-07")
            .setAchieved("x")).build()), "request_id");
    expectInvalid(() -> client.createBaseline(request.toBuilder().setRequestId("not a uuid!").build()), "request_id");
    assertEquals(before, db.rows("baseline"));
  }

  @Test
  void aRetriedOutturnImportImportsOnce() throws Exception {
    var options = ImportOptions.newBuilder().setRequestId(id()).build();
    var rows = List.of(OutturnRow.newBuilder().setRowNumber(2).setIndicator("indicators/NI-117")
        .setPeriod("periods/fy-2006-07").setValue("8.6").build());
    long before = db.rows("outturn");
    ImportOutturnsResponse first = stream(options, rows);
    ImportOutturnsResponse retry = stream(options, rows);
    assertEquals(first, retry);
    assertEquals(before + 1, db.rows("outturn"));
    expectInvalid(() -> stream(options, List.of(rows.getFirst().toBuilder().setValue("8.7").build())),
        "options.request_id");
  }

  private ImportOutturnsResponse stream(ImportOptions options, List<OutturnRow> rows) throws Exception {
    return OutturnImports.send(asyncClient, options, rows.iterator());
  }

  @Test
  void aRetriedCreateOfAChosenIdAnswersTheResourceUnlessItDiffers() throws Exception {
    var indicator = CreateIndicatorRequest.newBuilder().setIndicator(indicator("NI-118")).build();
    var area = CreateAreaRequest.newBuilder().setArea(Area.newBuilder().setId("north")
        .setTitle("North").setType(AreaType.AREA_TYPE_PRIORITY_NEIGHBOURHOODS)).build();
    long indicators = db.rows("indicator");
    assertEquals(client.createIndicator(indicator), client.createIndicator(indicator));
    assertEquals(client.createArea(area), client.createArea(area));
    assertEquals(indicators + 1, db.rows("indicator"));
    expect(Status.Code.ALREADY_EXISTS, () -> client.createIndicator(indicator.toBuilder()
        .setIndicator(indicator("NI-118").setUnits("people")).build()));
    expect(Status.Code.ALREADY_EXISTS, () -> client.createArea(area.toBuilder()
        .setArea(area.getArea().toBuilder().setTitle("South")).build()));
  }
}
