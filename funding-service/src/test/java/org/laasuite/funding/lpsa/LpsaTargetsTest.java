package org.laasuite.funding.lpsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laasuite.testkit.GrpcErrors.expect;
import static org.laasuite.testkit.GrpcErrors.expectInvalid;

import com.google.protobuf.ByteString;
import com.google.type.Decimal;
import com.google.type.Money;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.grpc.server.GrpcServerChannel;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.laasuite.common.grpc.Moneys;
import org.laasuite.funding.v1.CreateLpsaTargetRequest;
import org.laasuite.funding.v1.FundingServiceGrpc;
import org.laasuite.funding.v1.ImportFundingRequest;
import org.laasuite.funding.v1.ImportFundingResponse;
import org.laasuite.funding.v1.ListLpsaTargetsRequest;
import org.laasuite.funding.v1.ListLpsaTargetsResponse;
import org.laasuite.funding.v1.LpsaTarget;
import org.laasuite.testkit.AuditTrail;
import org.laasuite.testkit.OwnDatabaseTest;
import org.laasuite.testkit.TestIssuer;
import org.laasuite.type.v1.ImportProblem;

/**
 * The LPSA stretch targets: the demo file loads through ImportFunding with nothing the papers do not give; a create
 * checks every field, needs the right to manage funding, is audited, and a retry writes once.
 */
@MicronautTest(transactional = false)
class LpsaTargetsTest extends OwnDatabaseTest {

  private static final Path DATA = Path.of("..", "data", "coventry-2007-08");

  @Inject
  FundingServiceGrpc.FundingServiceBlockingStub admin;
  @Inject
  @GrpcChannel(GrpcServerChannel.NAME)
  ManagedChannel channel;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = super.getProperties();
    p.put("laa.test.stand-in-rights", "true"); // sub-fin manages the funding; anyone else nothing
    return p;
  }

  private FundingServiceGrpc.FundingServiceBlockingStub as(String subject) {
    return FundingServiceGrpc.newBlockingStub(channel).withCallCredentials(TestIssuer.as(subject));
  }

  private static Decimal d(String value) {
    return Decimal.newBuilder().setValue(value).build();
  }

  private static LpsaTarget.Builder target(String id) {
    return LpsaTarget.newBuilder().setId(id).setIndicator("indicators/SSC-CSP-17")
        .setLpsaTarget("LPSA Priority Area 4- Community Safety Target 8- Violent crime and Criminal damage")
        .setStretchTarget(d("3670"));
  }

  private List<LpsaTarget> all() {
    ListLpsaTargetsResponse r = admin.listLpsaTargets(ListLpsaTargetsRequest.newBuilder().setPageSize(500).build());
    assertEquals("", r.getNextPageToken());
    return r.getLpsaTargetsList();
  }

  @Test
  void theDemoFileLoadsEveryTargetAsTranscribedWithNoGrantOrExpectedFigureInvented() throws Exception {
    ImportFundingResponse r = admin.importFunding(ImportFundingRequest.newBuilder().setFinancialYear("2007-08")
        .setStreamsCsv(ByteString.copyFrom(Files.readAllBytes(DATA.resolve("funding-streams.csv"))))
        .setLpsaTargetsCsv(ByteString.copyFrom(Files.readAllBytes(DATA.resolve("lpsa-targets.csv")))).build());
    assertEquals(List.of(), r.getProblemsList());
    assertTrue(r.getWritten());
    List<CSVRecord> file;
    try (Reader in = Files.newBufferedReader(DATA.resolve("lpsa-targets.csv"))) {
      file = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
    }
    assertEquals(file.size(), r.getLpsaTargets());
    Map<String, LpsaTarget> loaded = new java.util.HashMap<>();
    all().stream().filter(t -> !t.getId().startsWith("t-")).forEach(t -> loaded.put(t.getId(), t));
    assertEquals(file.size(), loaded.size());
    for (CSVRecord line : file) {
      LpsaTarget t = loaded.get(line.get("id"));
      assertEquals("indicators/" + line.get("indicator"), t.getIndicator());
      assertEquals(line.get("lpsa_target"), t.getLpsaTarget());
      assertEquals(0, new java.math.BigDecimal(line.get("stretch_target"))
          .compareTo(new java.math.BigDecimal(t.getStretchTarget().getValue())), line.get("id"));
      assertEquals(line.get("stretch_target_text"), t.getStretchTargetText());
      assertEquals(line.get("source"), t.getSource());
      assertEquals(line.get("note"), t.getNote());
      // the papers give no reward grant and no expected figure for any target: none is made up
      assertFalse(t.hasRewardGrant(), t::toString);
      assertFalse(t.hasExpectedWithoutStretch(), t::toString);
      assertFalse(t.hasThreshold(), t::toString);
    }
  }

  @Test
  void aBadTargetLineIsNamedWithItsLineAndNothingIsLoaded() throws Exception {
    long before = db.rows("lpsa_target");
    long streams = db.rows("funding_stream");
    String csv = """
        id,indicator,lpsa_target,stretch_target,stretch_target_text,reward_grant,expected_without_stretch,threshold,source,note
        t-file-good,SSC-CSP-17,Target 8,3670,3670,"200,000",4153,,,
        t-file-bad,SSC CSP 17,,lots,,12.345,,1.5,,
        t-file-good,SSC-CSP-44,Target 9,312,312,,,,,
        """;
    ImportFundingResponse r = admin.importFunding(ImportFundingRequest.newBuilder().setFinancialYear("2007-08")
        .setStreamsCsv(ByteString.copyFromUtf8("""
            seed_line,arrangement,block,heading,stream,previously_pooled,capital_2007_08,revenue_2007_08,note
            1,ALIGNED,CHILDREN_AND_YOUNG_PEOPLE,,Lpsa Test Line,N,,"1,000",
            """)).setLpsaTargetsCsv(ByteString.copyFromUtf8(csv)).build());
    assertFalse(r.getWritten());
    assertEquals(List.of("lpsa-targets.csv:3:indicator", "lpsa-targets.csv:3:lpsa_target",
        "lpsa-targets.csv:3:reward_grant", "lpsa-targets.csv:3:stretch_target", "lpsa-targets.csv:3:threshold",
        "lpsa-targets.csv:4:id"), r.getProblemsList().stream().map(p -> p.getFile() + ":" + p.getLine() + ":"
        + p.getColumn()).sorted().toList(), () -> r.getProblemsList().stream().map(ImportProblem::getDescription)
        .toList().toString());
    assertEquals(before, db.rows("lpsa_target"));
    assertEquals(streams, db.rows("funding_stream"));
  }

  @Test
  void aCreateChecksEveryFieldAndNamesEachBadOne() throws Exception {
    long before = db.rows("lpsa_target");
    expectInvalid(() -> admin.createLpsaTarget(CreateLpsaTargetRequest.getDefaultInstance()), "lpsa_target");
    expectInvalid(() -> admin.createLpsaTarget(CreateLpsaTargetRequest.newBuilder().setLpsaTarget(LpsaTarget
        .newBuilder().setNote("nothing else")).build()), "lpsa_target.id", "lpsa_target.indicator", "lpsa_target.lpsa_target", "lpsa_target.stretch_target");
    expectInvalid(() -> admin.createLpsaTarget(CreateLpsaTargetRequest.newBuilder().setLpsaTarget(
        target("T Bad").setIndicator("SSC-CSP-17").setRewardGrant(Money.newBuilder().setCurrencyCode("GBP")
            .setUnits(-5)).setThreshold(d("1.5")).setExpectedWithoutStretch(d("twelve"))).build()),
        "lpsa_target.id", "lpsa_target.indicator", "lpsa_target.reward_grant", "lpsa_target.threshold",
        "lpsa_target.expected_without_stretch");
    var noStretch = expectInvalid(() -> admin.createLpsaTarget(CreateLpsaTargetRequest.newBuilder().setLpsaTarget(
        target("t-no-stretch").setExpectedWithoutStretch(d("3670.0"))).build()), "lpsa_target.stretch_target");
    assertTrue(noStretch.getFirst().getDescription().contains("no stretch"), noStretch::toString);
    assertEquals(before, db.rows("lpsa_target"));
  }

  @Test
  void onlyAFundingManagerMayCreateAndEachCreateIsAudited() throws Exception {
    long before = db.rows("lpsa_target");
    expect(Status.Code.PERMISSION_DENIED, () -> as("sub-nobody").createLpsaTarget(CreateLpsaTargetRequest
        .newBuilder().setLpsaTarget(target("t-not-allowed")).build()));
    assertEquals(before, db.rows("lpsa_target"));
    LpsaTarget created = as("sub-fin").createLpsaTarget(CreateLpsaTargetRequest.newBuilder().setLpsaTarget(
        target("t-fin").setRewardGrant(Moneys.gbp(200_000_00L)).setExpectedWithoutStretch(d("4153"))
            .setThreshold(d("0.5"))).build());
    assertEquals("lpsaTargets/t-fin", created.getName());
    assertEquals(Moneys.gbp(200_000_00L), created.getRewardGrant());
    assertEquals("4153", created.getExpectedWithoutStretch().getValue());
    assertEquals(before + 1, db.rows("lpsa_target"));
    var events = new AuditTrail(r -> admin.listAuditEvents(r)).events("lpsaTargets/t-fin");
    assertEquals(1, events.size());
    AuditTrail.assertEvent(events.getFirst(), "laa.funding.v1.FundingService/CreateLpsaTarget", "create",
        "lpsaTargets/t-fin", "sub-fin", "", events.getFirst().getCallId());
    assertTrue(all().contains(created));
  }

  @Test
  void aRetriedCreateWritesOnceAndATakenIdIsRefused() throws Exception {
    var request = CreateLpsaTargetRequest.newBuilder().setLpsaTarget(target("t-retried"))
        .setRequestId(UUID.randomUUID().toString()).build();
    long before = db.rows("lpsa_target");
    assertEquals(admin.createLpsaTarget(request), admin.createLpsaTarget(request));
    assertEquals(before + 1, db.rows("lpsa_target"));
    expectInvalid(() -> admin.createLpsaTarget(request.toBuilder().setLpsaTarget(target("t-retried")
        .setNote("another")).build()), "request_id");
    // the same target again without a request_id is the stored one; another under its id is refused
    assertEquals(admin.createLpsaTarget(request), admin.createLpsaTarget(request.toBuilder().clearRequestId()
        .build()));
    expect(Status.Code.ALREADY_EXISTS, () -> admin.createLpsaTarget(CreateLpsaTargetRequest.newBuilder()
        .setLpsaTarget(target("t-retried").setStretchTarget(d("3600"))).build()));
    assertEquals(before + 1, db.rows("lpsa_target"));
  }
}
