package org.laasuite.funding.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laasuite.testkit.GrpcErrors.expect;
import static org.laasuite.testkit.GrpcErrors.expectInvalid;

import com.google.protobuf.ByteString;
import com.google.type.Date;
import com.google.type.Money;
import io.grpc.Status;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.common.grpc.Moneys;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.funding.v1.*;
import org.laasuite.testkit.SqlStatementCounter;
import org.laasuite.testkit.TestDatabase;
import org.laasuite.type.v1.ImportProblem;
import org.laasuite.type.v1.LaaBlock;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FundingEndpointTest implements TestPropertyProvider {

  static final Path DATA = Path.of("..", "data", "coventry-2007-08");

  private final TestDatabase db = TestDatabase.forClass(FundingEndpointTest.class);

  @Inject
  FundingServiceGrpc.FundingServiceBlockingStub client;
  @Inject
  SqlStatementCounter statements;

  private ImportFundingResponse imported;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = db.serviceProperties();
    p.put("laa.test.count-sql", "true");
    return p;
  }

  @BeforeAll
  void importTheAgreementsFunding() throws Exception {
    imported = client.importFunding(ImportFundingRequest.newBuilder().setFinancialYear("2007-08")
        .setStreamsCsv(ByteString.copyFrom(Files.readAllBytes(DATA.resolve("funding-streams.csv"))))
        .setCommitmentsCsv(ByteString.copyFrom(Files.readAllBytes(DATA.resolve("commitments.csv")))).build());
  }

  private static long pounds(Money m) {
    assertEquals(0, m.getNanos() % 10_000_000, "whole pence");
    return m.getUnits();
  }

  @Test
  void theImportLoadsEveryAnnex3LineAndTheMinutesCommitments() {
    assertEquals(List.of(), imported.getProblemsList());
    assertTrue(imported.getWritten());
    assertEquals(47, imported.getFundingStreams());
    // The Secretariat's two NRF post lines (seed 003) and the six funded activities seed 001 ties to indicators.
    assertEquals(8, imported.getCommitments());
  }

  @Test
  void theDemoCommitmentsNameTheIndicatorsTheyPayForAndTheirStreams() {
    var funding = client.batchGetIndicatorFunding(BatchGetIndicatorFundingRequest.newBuilder()
        .addIndicators("indicators/EDE-JE-7").addIndicators("indicators/EDE-JE-3")
        .addIndicators("indicators/HCOP-OP-4").setFinancialYear("2007-08").build());
    SupportingCommitment legi = funding.getIndicators(0).getCommitments(0);
    assertEquals("commitments/legi-programme", legi.getCommitment().getName());
    assertEquals("fundingStreams/legi-ede", legi.getCommitment().getFundingStream(), "the Annex 3 line it is paid from");
    assertEquals("LEGI", legi.getFundingStreamDisplayName());
    assertEquals(Date.newBuilder().setYear(2009).setMonth(3).setDay(31).build(), legi.getCommitment().getEndDate(),
        "'until March 2009'");
    assertEquals(AmountStatus.AMOUNT_STATUS_NOT_YET_QUANTIFIED, legi.getAmount().getStatus(),
        "the papers give the stream's allocation, not the programme's");
    assertTrue(legi.getCommitment().getNote().contains("(legi outcome)"), legi.getCommitment().getNote());
    assertEquals(List.of("commitments/incapacity-benefit-nrf-projects"), funding.getIndicators(1).getCommitmentsList()
        .stream().map(c -> c.getCommitment().getName()).toList());
    assertEquals("NRF", funding.getIndicators(1).getCommitments(0).getCommitment().getProgramme());
    assertEquals(0, funding.getIndicators(2).getCommitmentsCount(), "no paper names money behind it");
  }

  @Test
  void theSummaryReproducesAnnex3() {
    FundingSummary s = client.getFundingSummary(GetFundingSummaryRequest.newBuilder().setFinancialYear("2007-08")
        .build());
    ArrangementFunding auto = s.getArrangements(0);
    ArrangementFunding other = s.getArrangements(1);
    ArrangementFunding aligned = s.getArrangements(2);
    assertEquals(Arrangement.ARRANGEMENT_AUTOMATICALLY_POOLED, auto.getArrangement());
    assertEquals(609_760, pounds(auto.getTotal().getCapital()));
    assertEquals(16_473_426, pounds(auto.getTotal().getRevenue()));
    assertEquals(0, pounds(other.getTotal().getCapital()));
    assertEquals(11_392_494, pounds(other.getTotal().getRevenue()));
    assertEquals(28_475_680, pounds(s.getPooled().getTotal()));
    assertEquals(13_799_000, pounds(aligned.getTotal().getCapital()));
    assertEquals(14_608_000, pounds(aligned.getTotal().getRevenue()));
    assertEquals(28_407_000, pounds(s.getAligned().getTotal()));
    assertEquals(28_475_680 + 28_407_000, pounds(s.getTotal().getTotal()));
  }

  @Test
  void everyPrintedSubtotalMatchesTheData() throws Exception {
    FundingSummary s = client.getFundingSummary(GetFundingSummaryRequest.newBuilder().setFinancialYear("2007-08")
        .build());
    int checked = 0;
    try (var reader = Files.newBufferedReader(DATA.resolve("funding-printed-totals.csv"))) {
      for (CSVRecord printed : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        Arrangement arrangement = ProtoEnums.parse(Arrangement.class, printed.get("arrangement")).orElseThrow();
        ArrangementFunding af = s.getArrangementsList().stream().filter(a -> a.getArrangement() == arrangement)
            .findFirst().orElseThrow();
        Totals t = printed.get("block").isEmpty() ? af.getTotal()
            : af.getBlocksList().stream().filter(b -> ProtoEnums.shortName(b.getBlock()).equals(printed.get("block"))).findFirst()
                .map(BlockFunding::getSubtotal).orElse(Totals.newBuilder().setCapital(Moneys.gbp(0))
                    .setRevenue(Moneys.gbp(0)).build());
        String where = "line " + printed.get("seed_line") + " " + printed.get("label");
        assertEquals(Long.parseLong(printed.get("capital_2007_08").replace(",", "")), pounds(t.getCapital()), where);
        assertEquals(Long.parseLong(printed.get("revenue_2007_08").replace(",", "")), pounds(t.getRevenue()), where);
        checked++;
      }
    }
    assertEquals(13, checked);
  }

  @Test
  void notYetQuantifiedIsShownAndNeverCountedAsZero() {
    FundingSummary s = client.getFundingSummary(GetFundingSummaryRequest.newBuilder().setFinancialYear("2007-08")
        .build());
    BlockFunding cypAligned = s.getArrangements(2).getBlocksList().stream()
        .filter(b -> b.getBlock() == LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE).findFirst().orElseThrow();
    FundingLine standards = cypAligned.getLinesList().stream()
        .filter(l -> l.getDisplayName().equals("Standards Fund (non-devolved)")).findFirst().orElseThrow();
    assertEquals(AmountStatus.AMOUNT_STATUS_NOT_YET_QUANTIFIED, standards.getRevenue().getStatus());
    assertFalse(standards.getRevenue().hasMoney());
    assertEquals("NYQ", standards.getRevenue().getOriginalText());
    assertEquals(1, cypAligned.getSubtotal().getUnquantifiedLines());
    assertEquals(1, s.getAligned().getUnquantifiedLines());

    List<String> unnamed = s.getArrangements(2).getBlocksList().stream().flatMap(b -> b.getLinesList().stream())
        .map(FundingLine::getDisplayName).filter(n -> n.contains("name lost")).toList();
    assertEquals(2, unnamed.size(), "the two aligned lines whose names the extract lost are kept, unnamed");
  }

  @Test
  void theSuccessionQueryListsTheNrfFundedSecretariatPosts() {
    var risks = client.listSuccessionRisks(ListSuccessionRisksRequest.newBuilder()
        .setEndsBefore(Date.newBuilder().setYear(2008).setMonth(4).setDay(1)).build());
    assertEquals(List.of("commitments/communications-officer", "commitments/partnership-support-officers"),
        risks.getCommitmentsList().stream().map(Commitment::getName).toList());
    Commitment pso = risks.getCommitments(1);
    assertEquals(3, pso.getPosts());
    assertEquals("NRF", pso.getProgramme());
    assertEquals(AmountStatus.AMOUNT_STATUS_NOT_YET_QUANTIFIED, pso.getAmounts(0).getAmount().getStatus());
    assertEquals(0, client.listSuccessionRisks(ListSuccessionRisksRequest.newBuilder()
        .setEndsBefore(Date.newBuilder().setYear(2008).setMonth(3).setDay(1)).build()).getCommitmentsCount());
  }

  /** Test streams live in a year of their own, so that 2007-08 stays the agreement's alone. */
  static final String TEST_YEAR = "2009-10";

  private FundingStream stream(String id, long capitalPence) {
    FundingStream s = client.createFundingStream(CreateFundingStreamRequest.newBuilder().setFundingStream(
        FundingStream.newBuilder().setId(id).setTitle("Test " + id).setProgramme("ABG")
            .setBlock(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE).setArrangement(Arrangement.ARRANGEMENT_ALIGNED)
            .setEndDate(Date.newBuilder().setYear(2010).setMonth(3).setDay(31))).build());
    client.createAllocation(CreateAllocationRequest.newBuilder().setParent(s.getName()).setAllocation(
        Allocation.newBuilder().setFinancialYear(TEST_YEAR).setCapital(Amount.newBuilder()
            .setMoney(Moneys.gbp(capitalPence)))).build());
    return s;
  }

  private Commitment.Builder commitment(String id, String stream, long pence) {
    return Commitment.newBuilder().setId(id).setTitle("Project " + id).setKind(CommitmentKind.COMMITMENT_KIND_PROJECT)
        .setProgramme("ABG").setFundingStream(stream).addSupportsIndicators("indicators/CYP-28")
        .addAmounts(YearAmount.newBuilder().setFinancialYear(TEST_YEAR)
            .setAmount(Amount.newBuilder().setMoney(Moneys.gbp(pence))));
  }

  @Test
  void aCommitmentBeyondTheAllocationIsRefusedUnlessFlagged() throws Exception {
    FundingStream s = stream("t-over", 100_000_00L);
    client.createCommitment(CreateCommitmentRequest.newBuilder().setCommitment(commitment("t-over-a", s.getName(),
        60_000_00L)).build());
    long before = db.rows("commitment");
    var violations = expectInvalid(() -> client.createCommitment(CreateCommitmentRequest.newBuilder()
        .setCommitment(commitment("t-over-b", s.getName(), 50_000_00L)).build()), "commitment.amounts[0].amount");
    assertTrue(violations.get(0).getDescription().contains("£40,000 of £100,000"), violations.get(0).getDescription());
    assertEquals(before, db.rows("commitment"));
    Commitment flagged = client.createCommitment(CreateCommitmentRequest.newBuilder()
        .setCommitment(commitment("t-over-b", s.getName(), 50_000_00L)).setAllowOverCommitment(true).build());
    assertTrue(flagged.getOverCommitted());
  }

  @Test
  void badAmountsYearsAndBlocksAreRejectedAndNothingIsWritten() throws Exception {
    FundingStream s = stream("t-bad", 10_000_00L);
    long allocations = db.rows("allocation");
    expectInvalid(() -> client.createAllocation(CreateAllocationRequest.newBuilder().setParent(s.getName())
        .setAllocation(Allocation.newBuilder().setFinancialYear("2008-09").setCapital(Amount.newBuilder()
            .setMoney(Money.newBuilder().setCurrencyCode("GBP").setUnits(-5)))).build()),
        "allocation.capital.money");
    expectInvalid(() -> client.createAllocation(CreateAllocationRequest.newBuilder().setParent(s.getName())
        .setAllocation(Allocation.newBuilder().setFinancialYear("2007-09").setRevenue(Amount.newBuilder()
            .setMoney(Money.newBuilder().setCurrencyCode("GBP").setUnits(5).setNanos(5_000_000)))).build()),
        "allocation.financial_year", "allocation.revenue.money.nanos");
    expect(Status.Code.NOT_FOUND, () -> client.createAllocation(CreateAllocationRequest.newBuilder()
        .setParent("fundingStreams/no-such-stream").setAllocation(Allocation.newBuilder().setFinancialYear("2007-08")
            .setRevenue(Amount.newBuilder().setMoney(Moneys.gbp(100)))).build()));
    assertEquals(allocations, db.rows("allocation"));

    long streams = db.rows("funding_stream");
    expectInvalid(() -> client.createFundingStream(CreateFundingStreamRequest.newBuilder().setFundingStream(
        FundingStream.newBuilder().setId("t-noblock").setBlockValue(17).setArrangement(Arrangement.ARRANGEMENT_ALIGNED)).build()),
        "funding_stream.block");
    assertEquals(streams, db.rows("funding_stream"));
  }

  @Test
  void aCommitmentNamesTheOrganisationItPaysOrNone() throws Exception {
    FundingStream s = stream("t-recipient", 10_000_00L);
    Commitment paid = client.createCommitment(CreateCommitmentRequest.newBuilder().setCommitment(
        commitment("t-paid", s.getName(), 1_000_00L).setRecipient("organisations/law-centre")).build());
    assertEquals("organisations/law-centre", paid.getRecipient());
    assertEquals(paid, client.getCommitment(GetCommitmentRequest.newBuilder().setName(paid.getName()).build()));
    assertEquals("", client.getCommitment(GetCommitmentRequest.newBuilder()
        .setName("commitments/communications-officer").build()).getRecipient(), "the minutes name no employer");
    long before = db.rows("commitment");
    expectInvalid(() -> client.createCommitment(CreateCommitmentRequest.newBuilder().setCommitment(
        commitment("t-unpaid", s.getName(), 1_000_00L).setRecipient("Law Centre")).build()),
        "commitment.recipient");
    assertEquals(before, db.rows("commitment"));
  }

  @Test
  void aRequestWithoutWhatItsProtoMarksRequiredIsRefusedNamingEachField() throws Exception {
    long commitments = db.rows("commitment");
    var violations = expectInvalid(() -> client.createCommitment(CreateCommitmentRequest.getDefaultInstance()),
        "commitment");
    assertEquals("is required", violations.getFirst().getDescription());
    expectInvalid(() -> client.createSpend(CreateSpendRequest.getDefaultInstance()), "parent", "spend");
    expectInvalid(() -> client.getFundingStream(GetFundingStreamRequest.newBuilder().setName(" ").build()), "name");
    assertEquals(commitments, db.rows("commitment"));
  }

  @Test
  void spendOutsideTheFundedQuartersIsRejectedAndTheReportShowsOverspend() throws Exception {
    FundingStream s = stream("t-spend", 10_000_00L);
    Commitment c = client.createCommitment(CreateCommitmentRequest.newBuilder()
        .setCommitment(commitment("t-spend-a", s.getName(), 10_000_00L)
            .setEndDate(Date.newBuilder().setYear(2010).setMonth(3).setDay(31))).build());
    long before = db.rows("spend");
    var v = expectInvalid(() -> client.createSpend(CreateSpendRequest.newBuilder().setParent(c.getName())
        .setSpend(Spend.newBuilder().setFinancialYear("2010-11").setQuarter(1).setAmount(Moneys.gbp(100))).build()),
        "spend.quarter");
    assertTrue(v.get(0).getDescription().contains("2010-03-31"), v.get(0).getDescription());
    expectInvalid(() -> client.createSpend(CreateSpendRequest.newBuilder().setParent(c.getName())
        .setSpend(Spend.newBuilder().setFinancialYear(TEST_YEAR).setQuarter(5).setAmount(Moneys.gbp(100))).build()),
        "spend.quarter");
    assertEquals(before, db.rows("spend"));

    client.createSpend(CreateSpendRequest.newBuilder().setParent(c.getName()).setSpend(Spend.newBuilder()
        .setFinancialYear(TEST_YEAR).setQuarter(1).setAmount(Moneys.gbp(6_000_00L))).build());
    client.createSpend(CreateSpendRequest.newBuilder().setParent(c.getName()).setSpend(Spend.newBuilder()
        .setFinancialYear(TEST_YEAR).setQuarter(2).setAmount(Moneys.gbp(5_000_50L))).build());
    SpendLine line = client.getSpendReport(GetSpendReportRequest.newBuilder().setFinancialYear(TEST_YEAR)
        .setFundingStream(s.getName()).build()).getLines(0);
    assertEquals(Moneys.gbp(11_000_50L), line.getSpent());
    assertTrue(line.getOverspent());
    assertEquals(-1_000, line.getRemaining().getUnits());
    assertEquals(-50 * 10_000_000, line.getRemaining().getNanos());
    assertEquals(s.getBlock(), line.getBlock(), "the stream's block and arrangement, for the money behind the red");
    assertEquals(s.getArrangement(), line.getArrangement());
    var behind = client.batchGetIndicatorFunding(BatchGetIndicatorFundingRequest.newBuilder()
        .addIndicators(c.getSupportsIndicators(0)).setFinancialYear(TEST_YEAR).build()).getIndicators(0)
        .getCommitmentsList().stream().filter(x -> x.getCommitment().getName().equals(c.getName())).findFirst()
        .orElseThrow();
    assertEquals(Moneys.gbp(11_000_50L), behind.getSpent(), "what is spent of the commitment");
    expectInvalid(() -> client.getSpendReport(GetSpendReportRequest.newBuilder().setFinancialYear(TEST_YEAR)
        .setFundingStream("streams/" + s.getId()).build()), "funding_stream");
    expect(Status.Code.NOT_FOUND, () -> client.getSpendReport(GetSpendReportRequest.newBuilder()
        .setFinancialYear(TEST_YEAR).setFundingStream("fundingStreams/no-such-stream").build()));
  }

  @Test
  void fundingForManyIndicatorsTakesAConstantNumberOfStatements() {
    FundingStream s = stream("t-batch", 100_000_00L);
    IntStream.range(0, 10).forEach(i -> client.createCommitment(CreateCommitmentRequest.newBuilder().setCommitment(
        commitment("t-batch-" + i, s.getName(), 100_00L).clearSupportsIndicators()
            .addSupportsIndicators("indicators/T-" + i)).build()));
    statements.reset();
    var one = client.batchGetIndicatorFunding(BatchGetIndicatorFundingRequest.newBuilder()
        .addIndicators("indicators/T-0").setFinancialYear(TEST_YEAR).build());
    long forOne = statements.count();
    statements.reset();
    var ten = client.batchGetIndicatorFunding(BatchGetIndicatorFundingRequest.newBuilder()
        .addAllIndicators(IntStream.range(0, 10).mapToObj(i -> "indicators/T-" + i).toList())
        .addIndicators("indicators/UNFUNDED").setFinancialYear(TEST_YEAR).build());
    long forTen = statements.count();
    assertEquals(forOne, forTen, "statements for 1: " + forOne + ", for 11: " + forTen);
    assertTrue(forTen <= 3, "the commitments, then their amounts, supports and streams, then what is spent of them; "
        + "was " + forTen);
    assertEquals(1, one.getIndicators(0).getCommitmentsCount());
    assertEquals("Test t-batch", one.getIndicators(0).getCommitments(0).getFundingStreamDisplayName());
    assertEquals(Moneys.gbp(100_00L), one.getIndicators(0).getCommitments(0).getAmount().getMoney());
    assertEquals(Moneys.gbp(0), one.getIndicators(0).getCommitments(0).getSpent(), "nothing spent yet");
    assertEquals(11, ten.getIndicatorsCount());
    assertEquals(0, ten.getIndicators(10).getCommitmentsCount());
  }

  @Test
  void theSummaryTakesAtMostTwoStatementsWhateverTheNumberOfStreams() {
    stream("t-summary-0", 1_000_00L);
    statements.reset();
    var before = client.getFundingSummary(GetFundingSummaryRequest.newBuilder().setFinancialYear(TEST_YEAR).build());
    long forFew = statements.count();
    IntStream.range(1, 10).forEach(i -> stream("t-summary-" + i, 1_000_00L));
    statements.reset();
    var after = client.getFundingSummary(GetFundingSummaryRequest.newBuilder().setFinancialYear(TEST_YEAR).build());
    long forMore = statements.count();
    assertEquals(forFew, forMore, "statements for a few streams: " + forFew + ", for nine more: " + forMore);
    assertTrue(forMore <= 2, "at most 2 statements, was " + forMore);
    assertEquals(before.getTotal().getTotal().getUnits() + 9 * 1_000, after.getTotal().getTotal().getUnits(),
        "the nine streams' allocations counted");
  }

  @Test
  void theLpsaRewardIsCalculatedAndBadInputNamed() {
    LpsaReward r = client.calculateLpsaReward(CalculateLpsaRewardRequest.newBuilder()
        .setRewardGrant(Moneys.gbp(200_000_00L))
        .setExpectedWithoutStretch(com.google.type.Decimal.newBuilder().setValue("30"))
        .setStretchTarget(com.google.type.Decimal.newBuilder().setValue("38"))
        .setOutturn(com.google.type.Decimal.newBuilder().setValue("36")).build());
    assertEquals(Moneys.gbp(150_000_00L), r.getPayable());
    // What the request's proto marks required is checked first, every missing field at once; then the values.
    expectInvalid(() -> client.calculateLpsaReward(CalculateLpsaRewardRequest.newBuilder()
        .setRewardGrant(Moneys.gbp(100)).setThreshold(com.google.type.Decimal.newBuilder().setValue("1.5")).build()),
        "expected_without_stretch", "stretch_target", "outturn");
    expectInvalid(() -> client.calculateLpsaReward(CalculateLpsaRewardRequest.newBuilder()
        .setRewardGrant(Moneys.gbp(100)).setThreshold(com.google.type.Decimal.newBuilder().setValue("1.5"))
        .setExpectedWithoutStretch(com.google.type.Decimal.newBuilder().setValue("30"))
        .setStretchTarget(com.google.type.Decimal.newBuilder().setValue("abc"))
        .setOutturn(com.google.type.Decimal.newBuilder().setValue("36")).build()),
        "stretch_target", "threshold");
  }

  @Test
  void anImportedCommitmentNamesItsRecipientWhenTheFileHasTheColumn() throws Exception {
    // Another year's money, so that 2007-08's Annex 3 totals the other tests check stay as printed.
    String streams = """
        seed_line,arrangement,block,heading,stream,previously_pooled,capital_2009_10,revenue_2009_10,note
        1,ALIGNED,CHILDREN_AND_YOUNG_PEOPLE,,Recipient Test Line,N,,"1,000",
        """;
    String commitments = """
        code,title,kind,programme,funding_stream,posts,start_date,end_date,amount_2009_10,supports_bodies,supports_indicators,source,quote,recipient
        t-imported-paid,Advice sessions,PROJECT,NRF,,,,,500,,,a test,,law-centre
        """;
    var r = client.importFunding(ImportFundingRequest.newBuilder().setFinancialYear("2009-10")
        .setStreamsCsv(ByteString.copyFromUtf8(streams)).setCommitmentsCsv(ByteString.copyFromUtf8(commitments))
        .build());
    assertTrue(r.getWritten(), r.toString());
    assertEquals("organisations/law-centre", client.getCommitment(GetCommitmentRequest.newBuilder()
        .setName("commitments/t-imported-paid").build()).getRecipient());
  }

  @Test
  void aBadFundingFileNamesEveryLineAndLoadsNothing() throws Exception {
    String bad = """
        seed_line,arrangement,block,heading,stream,previously_pooled,capital_2007_08,revenue_2007_08,note
        1,ALIGNED,CHILDREN_AND_YOUNG_PEOPLE,,Good Line,N,,"1,000",
        2,SIDEWAYS,CHILDREN_AND_YOUNG_PEOPLE,,Bad Arrangement,N,,"1,000",
        3,ALIGNED,CHILDREN_AND_YOUNG_PEOPLE,,Negative,N,,-5,
        4,ALIGNED,NOWHERE,,Bad Block,Y,,12.345,
        """;
    long before = db.rows("funding_stream");
    var r = client.importFunding(ImportFundingRequest.newBuilder().setFinancialYear("2007-08")
        .setStreamsCsv(ByteString.copyFromUtf8(bad)).build());
    assertFalse(r.getWritten());
    assertEquals(List.of(3, 4, 5, 5), r.getProblemsList().stream().map(ImportProblem::getLine).toList());
    assertEquals(before, db.rows("funding_stream"));
  }

  @Test
  void aMalformedFileIsAProblemOnItsLineNeverAnError() throws Exception {
    String unclosed = """
        seed_line,arrangement,block,heading,stream,previously_pooled,capital_2007_08,revenue_2007_08,note
        1,ALIGNED,CHILDREN_AND_YOUNG_PEOPLE,,Good Line,N,,"1,000",
        2,ALIGNED,CHILDREN_AND_YOUNG_PEOPLE,,Unclosed,N,,"1,000,
        3,ALIGNED,CHILDREN_AND_YOUNG_PEOPLE,,After,N,,5,
        """;
    long before = db.rows("funding_stream");
    var r = client.importFunding(ImportFundingRequest.newBuilder().setFinancialYear("2007-08")
        .setStreamsCsv(ByteString.copyFromUtf8(unclosed)).build());
    assertFalse(r.getWritten());
    assertEquals(List.of(3), r.getProblemsList().stream().map(ImportProblem::getLine).toList(), r.toString());
    assertEquals("funding-streams.csv", r.getProblems(0).getFile());

    var nul = client.importFunding(ImportFundingRequest.newBuilder().setFinancialYear("2007-08")
        .setStreamsCsv(ByteString.copyFromUtf8(unclosed.replace("Good Line", "Good\0Line"))).build());
    assertEquals(List.of(2), nul.getProblemsList().stream().map(ImportProblem::getLine).toList(), nul.toString());

    var big = client.importFunding(ImportFundingRequest.newBuilder().setFinancialYear("2007-08")
        .setStreamsCsv(ByteString.copyFrom(new byte[8 * 1024 * 1024 + 1])).build());
    assertTrue(big.getProblems(0).getDescription().contains("8388608 bytes"), big.toString());
    assertEquals(before, db.rows("funding_stream"));
  }
}
