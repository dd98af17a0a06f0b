package org.laasuite.indicators.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.laasuite.testkit.GrpcErrors.expect;
import static org.laasuite.testkit.GrpcErrors.expectInvalid;
import static org.laasuite.testkit.RawRequests.NOT_UTF8;

import com.google.type.Date;
import com.google.type.Decimal;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.grpc.server.GrpcServerChannel;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laasuite.indicators.v1.*;
import org.laasuite.testkit.GrpcErrors;
import org.laasuite.testkit.OwnDatabaseTest;
import org.laasuite.testkit.RawRequests;
import org.laasuite.type.v1.LaaBlock;

/** Input that would crash something later is refused when it is sent, naming the field. */
@MicronautTest(transactional = false)
class HostileInputTest extends OwnDatabaseTest {

  @Inject
  IndicatorServiceGrpc.IndicatorServiceBlockingStub client;
  @Inject
  IndicatorServiceGrpc.IndicatorServiceStub asyncClient;
  @Inject
  @GrpcChannel(GrpcServerChannel.NAME)
  ManagedChannel channel;

  /** The stream limit the test streams past: the service's own is larger (laa.outturn-import.max-rows). */
  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = super.getProperties();
    p.put("laa.outturn-import.max-rows", "100000");
    return p;
  }

  @BeforeAll
  void anIndicatorAndAPeriod() {
    Fixtures.cityAnd2006To07(client);
    // Units that bound no figure (a rate), so that only the figures' size is on trial here.
    create(indicator("H-FIG").setUnits("Rate per 1000 population"));
  }


  private static Decimal dec(String s) {
    return Decimal.newBuilder().setValue(s).build();
  }

  private static Indicator.Builder indicator(String code) {
    return Indicator.newBuilder().setId(code).setTitle("Street cleanliness").setUnits("%")
        .setBlock(LaaBlock.LAA_BLOCK_SAFER_AND_STRONGER_COMMUNITIES).setPolarity(Polarity.POLARITY_LOWER_IS_BETTER)
        .setThemeGroup("bodies/safer-communities-partnership");
  }

  private Indicator create(Indicator.Builder i) {
    return client.createIndicator(CreateIndicatorRequest.newBuilder().setIndicator(i).build());
  }

  private Outturn outturn(Figure.Builder figure) {
    return client.createOutturn(CreateOutturnRequest.newBuilder().setParent("indicators/H-FIG")
        .setOutturn(Outturn.newBuilder().setPeriod("periods/fy-2006-07").setFigure(figure)).build());
  }

  @Test
  void aFigureWhoseTextHoldsANumberTooLargeToStoreIsRefused() throws Exception {
    long before = db.rows("outturn");
    expectInvalid(() -> outturn(Figure.newBuilder().setOriginalText("9".repeat(901))), "outturn.figure.original_text");
    expectInvalid(() -> outturn(Figure.newBuilder().setOriginalText("3% (" + "1".repeat(40) + ")")),
        "outturn.figure.original_text");
    expectInvalid(() -> outturn(Figure.newBuilder().setOriginalText("0.000000000001")), "outturn.figure.original_text");
    expectInvalid(() -> outturn(Figure.newBuilder().setValue(dec("1" + "0".repeat(40)))), "outturn.figure.value");
    expectInvalid(() -> outturn(Figure.newBuilder().setValue(dec("1E+400"))), "outturn.figure.value");
    assertEquals(before, db.rows("outturn"));
    assertEquals("9".repeat(30), outturn(Figure.newBuilder().setOriginalText("9".repeat(30))).getFigure().getValue()
        .getValue(), "the largest number stored is accepted");
  }

  @Test
  void aToleranceMustBeANumberExactlyWhenItIsSet() throws Exception {
    long before = db.rows("indicator");
    expectInvalid(() -> create(indicator("H-TOL").setAmberTolerance(dec(""))), "indicator.amber_tolerance");
    expectInvalid(() -> create(indicator("H-TOL").setAmberTolerance(dec(" 1 "))), "indicator.amber_tolerance");
    expectInvalid(() -> create(indicator("H-TOL").setAmberTolerance(dec("1\n"))), "indicator.amber_tolerance");
    assertEquals(before, db.rows("indicator"));
    assertEquals("1", create(indicator("H-TOL").setAmberTolerance(dec("1"))).getAmberTolerance().getValue());
  }

  private Period period(String id, Date start, Date end) {
    return client.createPeriod(CreatePeriodRequest.newBuilder().setPeriod(Period.newBuilder().setId(id)
        .setType(PeriodType.PERIOD_TYPE_OTHER).setStartDate(start).setEndDate(end).setLabel(id)).build());
  }

  @Test
  void datesAreWithinTheYears1900To2100() throws Exception {
    long before = db.rows("period");
    expectInvalid(() -> period("bc", Fixtures.date(-5, 1, 1), Fixtures.date(2007, 3, 31)), "period.start_date");
    expectInvalid(() -> period("far", Fixtures.date(2007, 4, 1), Fixtures.date(10000, 1, 1)), "period.end_date");
    expectInvalid(() -> period("old", Fixtures.date(1899, 12, 31), Fixtures.date(2101, 1, 1)), "period.start_date", "period.end_date");
    assertEquals(before, db.rows("period"));
    period("edges", Fixtures.date(1900, 1, 1), Fixtures.date(2100, 12, 31));
  }

  @Test
  void codesAreComparedWithoutRegardToCase() throws Exception {
    create(indicator("FZ-X"));
    long before = db.rows("indicator");
    var status = expect(Status.Code.ALREADY_EXISTS, () -> create(indicator("fz-x")));
    assertEquals("INDICATOR_ALREADY_EXISTS", GrpcErrors.errorInfo(status).getReason());
    assertEquals(before, db.rows("indicator"));
    assertThrows(java.sql.SQLException.class, () -> db.queryOne(
        "INSERT INTO indicator (code, title, block, polarity, source, frequency, create_time, update_time)"
            + " SELECT 'Fz-x', title, block, polarity, source, frequency, create_time, update_time FROM indicator"
            + " WHERE code = 'FZ-X' RETURNING id"), "the database holds the rule too");
  }

  private ImportOutturnsResponse stream(int rows, String value) throws Exception {
    OutturnRow row = OutturnRow.newBuilder().setIndicator("indicators/H-FIG").setPeriod("periods/fy-2006-07")
        .setValue(value).build();
    return OutturnImports.send(asyncClient, null, Stream.generate(() -> row).limit(rows).iterator());
  }

  @Test
  void anOutturnImportTakesAtMostAHundredThousandRowsAndBoundedFigures() throws Exception {
    long before = db.rows("outturn");
    var violations = expectInvalid(() -> stream(100_001, "9.7"), "row");
    assertTrue(violations.getFirst().getDescription().contains("100,000"), violations.toString());
    ImportOutturnsResponse huge = stream(1, "9".repeat(901));
    assertFalse(huge.getWritten());
    assertEquals("value", huge.getRejected(0).getProblems(0).getField());
    assertEquals(before, db.rows("outturn"));
  }

  @Test
  void textThatIsNotUtf8IsRefusedNamingItsFieldAndNothingIsWritten() throws Exception {
    long indicators = db.rows("indicator");
    long narratives = db.rows("narrative");
    long outturns = db.rows("outturn");
    var status = expect(Status.Code.INVALID_ARGUMENT, () -> RawRequests.unary(channel,
        IndicatorServiceGrpc.getCreateIndicatorMethod(), RawRequests.encode(CreateIndicatorRequest.newBuilder()
            .setIndicator(indicator("H-UTF8").setTitle("Street " + NOT_UTF8)).build())));
    assertEquals("indicator.title", GrpcErrors.badRequest(status).getFieldViolations(0).getField());
    assertEquals("indicators.laasuite.org", GrpcErrors.errorInfo(status).getDomain());
    Narrative.Builder narrative = Narrative.newBuilder().setPeriod("periods/fy-2006-07").setAchieved("On track");
    expectInvalid(() -> RawRequests.unary(channel, IndicatorServiceGrpc.getBatchCreateNarrativesMethod(),
        RawRequests.encode(BatchCreateNarrativesRequest.newBuilder()
            .addRequests(CreateNarrativeRequest.newBuilder().setParent("indicators/H-FIG").setNarrative(narrative))
            .addRequests(CreateNarrativeRequest.newBuilder().setParent("indicators/H-FIG")
                .setNarrative(narrative.clone().setAchieved("On " + NOT_UTF8 + " track")))
            .build())), "requests[1].narrative.achieved");
    OutturnRow.Builder row = OutturnRow.newBuilder().setIndicator("indicators/H-FIG").setPeriod("periods/fy-2006-07")
        .setValue("9.7");
    expectInvalid(() -> RawRequests.clientStream(channel, IndicatorServiceGrpc.getImportOutturnsMethod(), List.of(
        RawRequests.encode(ImportOutturnsRequest.newBuilder().setRow(row).build()),
        RawRequests.encode(ImportOutturnsRequest.newBuilder().setRow(row.clone().setNote(NOT_UTF8)).build()),
        RawRequests.encode(ImportOutturnsRequest.newBuilder().setRow(row).build()))), "row.note");
    assertEquals(List.of(indicators, narratives, outturns),
        List.of(db.rows("indicator"), db.rows("narrative"), db.rows("outturn")));
  }
}
