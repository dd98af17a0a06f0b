package org.laasuite.funding.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laasuite.testkit.GrpcErrors.expect;
import static org.laasuite.testkit.GrpcErrors.expectInvalid;

import com.google.protobuf.ByteString;
import com.google.type.Date;
import io.grpc.Status;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.common.grpc.Moneys;
import org.laasuite.funding.v1.*;
import org.laasuite.testkit.Concurrently;
import org.laasuite.testkit.TestDatabase;
import org.laasuite.type.v1.LaaBlock;

/** A create or import retried with its request_id writes once and answers what it answered first. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestIdTest implements TestPropertyProvider {

  private static final String YEAR = "2009-10";

  private final TestDatabase db = TestDatabase.forClass(RequestIdTest.class);

  @Inject
  FundingServiceGrpc.FundingServiceBlockingStub client;

  private Commitment commitment;

  @Override
  public Map<String, String> getProperties() {
    return db.serviceProperties();
  }

  @BeforeAll
  void aStreamAndACommitment() {
    FundingStream s = client.createFundingStream(CreateFundingStreamRequest.newBuilder().setFundingStream(
        FundingStream.newBuilder().setId("t-retry").setTitle("Test retries").setProgramme("ABG")
            .setBlock(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE).setArrangement(Arrangement.ARRANGEMENT_ALIGNED)
            .setEndDate(Date.newBuilder().setYear(2010).setMonth(3).setDay(31))).build());
    client.createAllocation(CreateAllocationRequest.newBuilder().setParent(s.getName()).setAllocation(
        Allocation.newBuilder().setFinancialYear(YEAR).setCapital(Amount.newBuilder()
            .setMoney(Moneys.gbp(100_000_00L)))).build());
    commitment = client.createCommitment(CreateCommitmentRequest.newBuilder().setCommitment(Commitment.newBuilder()
        .setId("t-retry-a").setTitle("Project").setKind(CommitmentKind.COMMITMENT_KIND_PROJECT).setProgramme("ABG")
        .setFundingStream(s.getName()).addAmounts(YearAmount.newBuilder().setFinancialYear(YEAR)
            .setAmount(Amount.newBuilder().setMoney(Moneys.gbp(50_000_00L))))).build());
  }

  private CreateSpendRequest spend(String requestId, int quarter, long pence) {
    return CreateSpendRequest.newBuilder().setParent(commitment.getName()).setRequestId(requestId)
        .setSpend(Spend.newBuilder().setFinancialYear(YEAR).setQuarter(quarter).setAmount(Moneys.gbp(pence))).build();
  }

  @Test
  void aRetriedSpendWritesOnceAndAnotherBodyIsRefused() throws Exception {
    var request = spend(UUID.randomUUID().toString(), 1, 1_000_00L);
    long before = db.rows("spend");
    assertEquals(client.createSpend(request), client.createSpend(request));
    assertEquals(before + 1, db.rows("spend"));
    expectInvalid(() -> client.createSpend(spend(request.getRequestId(), 1, 2_000_00L)), "request_id");
    assertEquals(before + 1, db.rows("spend"));
  }

  @Test
  void twoIdenticalSpendsAtOnceWriteOnce() throws Exception {
    var request = spend(UUID.randomUUID().toString(), 2, 500_00L);
    long before = db.rows("spend");
    List<Spend> answers = Concurrently.twice(() -> client.createSpend(request));
    assertEquals(answers.get(0), answers.get(1));
    assertEquals(before + 1, db.rows("spend"));
  }

  @Test
  void aRetriedImportImportsOnceAndARefusedOneIsRefusedAgain() throws Exception {
    String csv = """
        seed_line,arrangement,block,heading,stream,previously_pooled,capital_2007_08,revenue_2007_08,note
        1,ALIGNED,CHILDREN_AND_YOUNG_PEOPLE,,Retried Line,N,,"1,000",
        """;
    var request = ImportFundingRequest.newBuilder().setFinancialYear("2007-08").setRequestId(UUID.randomUUID()
        .toString()).setStreamsCsv(ByteString.copyFromUtf8(csv)).build();
    long before = db.rows("funding_stream");
    ImportFundingResponse first = client.importFunding(request);
    assertTrue(first.getWritten(), first.toString());
    assertEquals(first, client.importFunding(request));
    assertEquals(before + 1, db.rows("funding_stream"));

    var bad = request.toBuilder().setRequestId(UUID.randomUUID().toString())
        .setStreamsCsv(ByteString.copyFromUtf8(csv.replace("ALIGNED", "SIDEWAYS"))).build();
    ImportFundingResponse refused = client.importFunding(bad);
    assertFalse(refused.getWritten());
    assertEquals(refused, client.importFunding(bad));
    assertEquals(before + 1, db.rows("funding_stream"));
  }

  @Test
  void aRetriedStreamOfTheSameBodyAnswersTheStreamAndAnotherIsAlreadyThere() {
    var request = CreateFundingStreamRequest.newBuilder().setFundingStream(FundingStream.newBuilder()
        .setId("t-again").setTitle("Again").setProgramme("ABG").setBlock(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE)
        .setArrangement(Arrangement.ARRANGEMENT_ALIGNED)).build();
    assertEquals(client.createFundingStream(request), client.createFundingStream(request));
    expect(Status.Code.ALREADY_EXISTS, () -> client.createFundingStream(request.toBuilder()
        .setFundingStream(request.getFundingStream().toBuilder().setTitle("Other")).build()));
  }

  @Test
  void aRetriedCommitmentIsNotCountedAgainstItsOwnAllocationAndAnotherIsAlreadyThere() throws Exception {
    // 50,000 of the 100,000 is committed (t-retry-a); this 40,000 fits once, and would not fit twice
    var request = CreateCommitmentRequest.newBuilder().setCommitment(Commitment.newBuilder()
        .setId("t-retry-again").setTitle("Again").setKind(CommitmentKind.COMMITMENT_KIND_PROJECT).setProgramme("ABG")
        .setFundingStream(commitment.getFundingStream()).addSupportsBodies("bodies/board")
        .addAmounts(YearAmount.newBuilder().setFinancialYear(YEAR)
            .setAmount(Amount.newBuilder().setMoney(Moneys.gbp(40_000_00L))))).build();
    Commitment first = client.createCommitment(request);
    List<String> tables = List.of("commitment", "commitment_amount", "commitment_support");
    List<Long> before = db.rows(tables);
    assertEquals(first, client.createCommitment(request));
    assertEquals(before, db.rows(tables));
    expect(Status.Code.ALREADY_EXISTS, () -> client.createCommitment(request.toBuilder()
        .setCommitment(request.getCommitment().toBuilder().setTitle("Other").clearAmounts()).build()));
    assertEquals(before, db.rows(tables));
  }
}
