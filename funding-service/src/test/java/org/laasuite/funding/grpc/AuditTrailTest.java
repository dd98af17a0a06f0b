package org.laasuite.funding.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laasuite.testkit.AuditTrail.X_REQUEST_ID;
import static org.laasuite.testkit.AuditTrail.actions;
import static org.laasuite.testkit.AuditTrail.assertEvent;
import static org.laasuite.testkit.AuditTrail.field;
import static org.laasuite.testkit.AuditTrail.naming;
import static org.laasuite.testkit.AuditTrail.resources;
import static org.laasuite.testkit.GrpcErrors.expect;
import static org.laasuite.testkit.GrpcErrors.expectInvalid;

import com.google.protobuf.ByteString;
import com.google.protobuf.FieldMask;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.grpc.server.GrpcServerChannel;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.laasuite.common.grpc.Moneys;
import org.laasuite.funding.v1.*;
import org.laasuite.testkit.AuditTrail;
import org.laasuite.testkit.OwnDatabaseTest;
import org.laasuite.testkit.TestIssuer;
import org.laasuite.type.v1.AuditEvent;
import org.laasuite.type.v1.LaaBlock;
import org.laasuite.type.v1.ListAuditEventsRequest;

/**
 * Every write of the funding service leaves one audit event, in its transaction: who (issuer and subject, and the
 * person and organisation their rights check found), what (method, resource, before, after, the fields changed),
 * the request_id, the call id and the client's address. A refused write leaves none, an import one for the whole,
 * and no one (the service's own database role included) changes or deletes an event.
 */
@MicronautTest(transactional = false)
class AuditTrailTest extends OwnDatabaseTest {

  private static final String SERVICE = "laa.funding.v1.FundingService/";

  @Inject
  FundingServiceGrpc.FundingServiceBlockingStub admin;
  @Inject
  @GrpcChannel(GrpcServerChannel.NAME)
  ManagedChannel channel;
  private final AuditTrail trail = new AuditTrail(r -> admin.listAuditEvents(r));

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = super.getProperties();
    p.put(StandInRights.PROPERTY, "true");
    return p;
  }

  private FundingServiceGrpc.FundingServiceBlockingStub as(String subject) {
    return FundingServiceGrpc.newBlockingStub(channel).withCallCredentials(TestIssuer.as(subject));
  }

  private static CreateFundingStreamRequest stream(String id) {
    return CreateFundingStreamRequest.newBuilder().setFundingStream(FundingStream.newBuilder().setId(id)
        .setTitle("Audited " + id).setProgramme("ABG").setBlock(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE)
        .setArrangement(Arrangement.ARRANGEMENT_ALIGNED)).build();
  }

  @Test
  void aCreateAnUpdateAndADeleteEachLeaveOneEventNamingTheCallerAndTheRequest() {
    AtomicReference<Metadata> answered = new AtomicReference<>();
    String requestId = UUID.randomUUID().toString();
    FundingStream created = naming(admin, "call-create-1", answered)
        .createFundingStream(stream("t-audited").toBuilder().setRequestId(requestId).build());
    assertEquals("call-create-1", answered.get().get(X_REQUEST_ID), "the service answers the call id it was sent");
    String name = created.getName();
    FundingStream updated = naming(admin, null, answered).updateFundingStream(UpdateFundingStreamRequest.newBuilder()
        .setFundingStream(FundingStream.newBuilder().setName(name).setTitle("Renamed"))
        .setUpdateMask(FieldMask.newBuilder().addPaths("title")).build());
    String madeUp = answered.get().get(X_REQUEST_ID);
    naming(admin, "call-delete-1", answered).deleteFundingStream(DeleteFundingStreamRequest.newBuilder().setName(name)
        .build());

    List<AuditEvent> events = trail.events(name);
    assertEquals(List.of("delete", "update", "create"), actions(events), "one each, newest first");
    AuditEvent create = events.get(2);
    AuditEvent update = events.get(1);
    AuditEvent delete = events.get(0);
    assertEvent(create, SERVICE + "CreateFundingStream", "create", name, TestIssuer.ADMIN, requestId, "call-create-1");
    assertFalse(create.hasBefore());
    assertEquals("Audited t-audited", field(create.getAfter(), "title"));
    assertTrue(create.getChangedFieldsList().containsAll(List.of("name", "id", "title", "etag")));

    assertTrue(madeUp != null && !madeUp.isEmpty(), "a call that does not name itself is given an id");
    assertNotEquals("call-create-1", madeUp);
    assertEvent(update, SERVICE + "UpdateFundingStream", "update", name, TestIssuer.ADMIN, "", madeUp);
    assertEquals("Audited t-audited", field(update.getBefore(), "title"));
    assertEquals("Renamed", field(update.getAfter(), "title"));
    assertEquals(List.of("title", "display_name", "update_time", "etag"), update.getChangedFieldsList());

    assertEvent(delete, SERVICE + "DeleteFundingStream", "delete", name, TestIssuer.ADMIN, "", "call-delete-1");
    assertEquals(updated.getEtag(), field(delete.getBefore(), "etag"));
    assertFalse(delete.hasAfter());
    assertEquals(List.of("", ""), List.of(create.getPerson(), create.getOrganisation()),
        "an admin's rights need no lookup, and the tests' issuer vouches for no organisation");
  }

  @Test
  void aCallIdThatIsNotPrintableAsciiOrLongerThan128IsReplacedByOneTheServiceMakes() {
    AtomicReference<Metadata> answered = new AtomicReference<>();
    for (String sent : List.of("has a space", "x".repeat(129))) {
      String id = "t-named-" + sent.length();
      naming(admin, sent, answered).createFundingStream(stream(id));
      String made = answered.get().get(X_REQUEST_ID);
      assertNotEquals(sent, made);
      assertEquals(made, trail.events("fundingStreams/" + id).getFirst().getCallId());
    }
    naming(admin, "x".repeat(128), answered).createFundingStream(stream("t-named-128"));
    assertEquals("x".repeat(128), trail.events("fundingStreams/t-named-128").getFirst().getCallId());
  }

  @Test
  void allocationsCommitmentsAndSpendAreEachAnEventUnderTheirOwnName() {
    FundingStream s = admin.createFundingStream(stream("t-paid"));
    admin.createAllocation(CreateAllocationRequest.newBuilder().setParent(s.getName()).setAllocation(Allocation
        .newBuilder().setFinancialYear("2009-10").setRevenue(Amount.newBuilder().setMoney(Moneys.gbp(10_000_00L))))
        .build());
    Commitment c = admin.createCommitment(CreateCommitmentRequest.newBuilder().setCommitment(Commitment.newBuilder()
        .setId("t-paid-post").setTitle("A post").setKind(CommitmentKind.COMMITMENT_KIND_POST).setProgramme("ABG")
        .setFundingStream(s.getName()).addAmounts(YearAmount.newBuilder().setFinancialYear("2009-10")
            .setAmount(Amount.newBuilder().setMoney(Moneys.gbp(5_000_00L))))).build());
    admin.createSpend(CreateSpendRequest.newBuilder().setParent(c.getName()).setSpend(Spend.newBuilder()
        .setFinancialYear("2009-10").setQuarter(1).setAmount(Moneys.gbp(1_000_00L))).build());

    assertEquals(List.of("fundingStreams/t-paid/allocations/2009-10", "fundingStreams/t-paid"),
        resources(trail.events("fundingStreams/t-paid/")));
    List<AuditEvent> paid = trail.events("commitments/t-paid-post/");
    assertEquals(List.of("commitments/t-paid-post/spend/2009-10-q1", "commitments/t-paid-post"), resources(paid));
    assertEquals(List.of(SERVICE + "CreateSpend", SERVICE + "CreateCommitment"),
        paid.stream().map(AuditEvent::getMethod).toList());
    assertEquals("fundingStreams/t-paid", field(paid.get(1).getAfter(), "funding_stream"));
  }

  @Test
  void aRefusedWriteLeavesNoEvent() throws Exception {
    admin.createFundingStream(stream("t-taken"));
    long before = db.rows("audit_event");
    expectInvalid(() -> admin.createFundingStream(stream("Not An Id")), "funding_stream.id");
    expect(Status.Code.ALREADY_EXISTS, () -> admin.createFundingStream(stream("t-taken").toBuilder()
        .setFundingStream(stream("t-taken").getFundingStream().toBuilder().setTitle("Another"))
        .build()));
    expectInvalid(() -> admin.updateFundingStream(UpdateFundingStreamRequest.newBuilder().setFundingStream(
        FundingStream.newBuilder().setName("fundingStreams/t-taken").setNote("x".repeat(30_000)))
        .setUpdateMask(FieldMask.newBuilder().addPaths("note")).build()), "funding_stream.note");
    expect(Status.Code.NOT_FOUND, () -> admin.deleteFundingStream(DeleteFundingStreamRequest.newBuilder()
        .setName("fundingStreams/t-never").build()));
    expect(Status.Code.PERMISSION_DENIED, () -> as("sub-nobody").createFundingStream(stream("t-not-allowed")));
    assertEquals(before, db.rows("audit_event"));
  }

  private static final String STREAMS_CSV = """
      seed_line,arrangement,block,heading,stream,previously_pooled,capital_2007_08,revenue_2007_08,note
      1,ALIGNED,CHILDREN_AND_YOUNG_PEOPLE,,Audited Import One,N,,"1,000",
      2,ALIGNED,CHILDREN_AND_YOUNG_PEOPLE,,Audited Import Two,N,"2,000",,
      """;
  private static final String COMMITMENTS_CSV = """
      code,title,kind,programme,funding_stream,posts,start_date,end_date,amount_2007_08,supports_bodies,\
      supports_indicators,source,quote
      t-imported-post,Imported post,POST,NRF,,1,,2008-03-31,NYQ,,,,
      """;

  @Test
  void anImportIsOneEventForTheWholeAndARefusedOneNone() throws Exception {
    long before = db.rows("audit_event");
    var request = ImportFundingRequest.newBuilder().setFinancialYear("2007-08")
        .setStreamsCsv(ByteString.copyFromUtf8(STREAMS_CSV)).setCommitmentsCsv(ByteString.copyFromUtf8(
            COMMITMENTS_CSV));
    ImportFundingResponse refused = admin.importFunding(request.clone().setStreamsCsv(ByteString.copyFromUtf8(
        STREAMS_CSV.replace("ALIGNED", "SIDEWAYS"))).build());
    assertFalse(refused.getWritten());
    assertEquals(before, db.rows("audit_event"));

    ImportFundingResponse imported = admin.importFunding(request.build());
    assertTrue(imported.getWritten(), imported::toString);
    assertEquals(before + 1, db.rows("audit_event"), "one event, not one per stream or commitment");
    AuditEvent e = trail.events("fundingStreams").getFirst();
    assertEvent(e, SERVICE + "ImportFunding", "import", "fundingStreams", TestIssuer.ADMIN, "", e.getCallId());
    assertFalse(e.hasBefore());
    assertEquals(2, e.getAfter().getFieldsOrThrow("funding_streams").getNumberValue());
    assertEquals(1, e.getAfter().getFieldsOrThrow("commitments").getNumberValue());
    assertEquals(List.of(), trail.events("commitments/t-imported-post"));
  }

  @Test
  void theTrailIsFilteredByPersonAndTime() {
    as(StandInRights.FINANCE).createFundingStream(stream("t-fin"));
    admin.createFundingStream(stream("t-admins"));
    List<AuditEvent> fins = trail.events(ListAuditEventsRequest.newBuilder().setPerson("people/fin"));
    assertEquals(List.of("fundingStreams/t-fin"), resources(fins));
    AuditEvent fin = fins.getFirst();
    assertEquals(List.of("people/fin", "organisations/city-council", StandInRights.FINANCE),
        List.of(fin.getPerson(), fin.getOrganisation(), fin.getSubject()));
    trail.assertTimeRangeAround(fin, "fundingStreams/t-admins");
  }

  @Test
  void readingTheTrailNeedsTheRightToManageTheFunding() {
    expect(Status.Code.PERMISSION_DENIED, () -> as("sub-nobody").listAuditEvents(
        ListAuditEventsRequest.getDefaultInstance()));
    as(StandInRights.FINANCE).listAuditEvents(ListAuditEventsRequest.getDefaultInstance());
  }

  @Test
  void badFiltersAreRefusedNamingEachField() {
    trail.assertBadFiltersAreRefused();
  }

  @Test
  void theServicesOwnDatabaseRoleCanNeitherChangeNorDeleteAnEvent() {
    admin.createFundingStream(stream("t-permanent"));
    trail.assertAppendOnly(db, "fundingStreams/t-permanent");
  }
}
