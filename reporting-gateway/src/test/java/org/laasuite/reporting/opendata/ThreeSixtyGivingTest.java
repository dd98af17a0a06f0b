package org.laasuite.reporting.opendata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.type.Date;
import tools.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laasuite.common.grpc.Moneys;
import org.laasuite.funding.v1.Amount;
import org.laasuite.funding.v1.AmountStatus;
import org.laasuite.funding.v1.Arrangement;
import org.laasuite.funding.v1.ArrangementFunding;
import org.laasuite.funding.v1.BlockFunding;
import org.laasuite.funding.v1.Commitment;
import org.laasuite.funding.v1.CommitmentKind;
import org.laasuite.funding.v1.FundingLine;
import org.laasuite.funding.v1.FundingSummary;
import org.laasuite.funding.v1.YearAmount;
import org.laasuite.partnership.v1.Organisation;
import org.laasuite.testkit.OpenDataSchemas;
import org.laasuite.type.v1.LaaBlock;

/** Which money becomes a 360Giving grant, and how its organisations are identified. */
class ThreeSixtyGivingTest {

  private static final String PREFIX = "360G-test";
  private static final Organisation PARTNERSHIP = Organisation.newBuilder().setName("organisations/lsp").setId("lsp")
      .setTitle("The Partnership").build();
  private static final Organisation COUNCIL = Organisation.newBuilder().setName("organisations/council")
      .setId("council").setTitle("The Council").setAccountableBody(true).build();
  private static final Organisation CHARITY = Organisation.newBuilder().setName("organisations/law-centre")
      .setId("law-centre").setTitle("Law Centre").addRegisteredIdentifiers("GB-COH-01000000")
      .addRegisteredIdentifiers("GB-CHC-1000000").build();
  private static final List<Organisation> ORGANISATIONS = List.of(PARTNERSHIP, COUNCIL, CHARITY);

  private static Amount pounds(long pounds) {
    return Amount.newBuilder().setMoney(Moneys.gbp(pounds * 100)).setStatus(AmountStatus.AMOUNT_STATUS_CONFIRMED)
        .build();
  }

  private static final Amount NYQ = Amount.newBuilder().setStatus(AmountStatus.AMOUNT_STATUS_NOT_YET_QUANTIFIED)
      .setOriginalText("NYQ").build();

  private static FundingSummary summary() {
    BlockFunding pooled = BlockFunding.newBuilder().setBlock(LaaBlock.LAA_BLOCK_SAFER_AND_STRONGER_COMMUNITIES)
        .addLines(FundingLine.newBuilder().setFundingStream("fundingStreams/bsc-ssc").setDisplayName("Building Safer "
            + "Communities").setCapital(pounds(134_760)).setRevenue(pounds(364_350)))
        .addLines(FundingLine.newBuilder().setFundingStream("fundingStreams/nyq-ssc").setDisplayName("Later")
            .setRevenue(NYQ))
        .build();
    BlockFunding aligned = BlockFunding.newBuilder().setBlock(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE)
        .addLines(FundingLine.newBuilder().setFundingStream("fundingStreams/kept-cyp").setDisplayName("Kept")
            .setRevenue(pounds(1_000))).build();
    return FundingSummary.newBuilder().setFinancialYear("2007-08")
        .addArrangements(ArrangementFunding.newBuilder().setArrangement(Arrangement.ARRANGEMENT_OTHER_POOLED)
            .addBlocks(pooled))
        .addArrangements(ArrangementFunding.newBuilder().setArrangement(Arrangement.ARRANGEMENT_ALIGNED)
            .addBlocks(aligned))
        .build();
  }

  private static Commitment commitment(String id, String recipient, Amount amount) {
    return Commitment.newBuilder().setName("commitments/" + id).setId(id).setTitle("Advice " + id)
        .setKind(CommitmentKind.COMMITMENT_KIND_PROJECT).setProgramme("NRF").setRecipient(recipient)
        .setStartDate(Date.newBuilder().setYear(2007).setMonth(6).setDay(1))
        .addAmounts(YearAmount.newBuilder().setFinancialYear("2007-08").setAmount(amount)).build();
  }

  @Test
  void pooledPartsAndPaidCommitmentsAreGrantsAndNothingElseIs() {
    var giving = new ThreeSixtyGiving(PREFIX, "The Partnership", ORGANISATIONS);
    List<Fields> grants = giving.grants(summary(), List.of(commitment("paid", "organisations/law-centre",
        pounds(5_000)), commitment("unpaid", "", pounds(7_000)), commitment("later", "organisations/law-centre", NYQ)),
        ORGANISATIONS);
    assertEquals(List.of("360G-test-stream-bsc-ssc-2007-08-capital", "360G-test-stream-bsc-ssc-2007-08-revenue",
        "360G-test-commitment-paid-2007-08"), grants.stream().map(g -> g.get("id")).toList(),
        "aligned, NYQ and recipient-less money is no grant");
    JsonMapper json = JsonMapper.builder().build();
    for (Fields grant : grants) {
      OpenDataSchemas.assertValid("360giving/360-giving-schema.json", json.writeValueAsString(grant));
    }
    Fields paid = grants.get(2);
    assertEquals(new BigDecimal("5000"), paid.get("amountAwarded"));
    assertEquals("2007-06-01", paid.get("awardDate"));
    @SuppressWarnings("unchecked")
    Map<String, Object> recipient = ((List<Map<String, Object>>) paid.get("recipientOrganization")).getFirst();
    assertEquals(Map.of("id", "GB-CHC-1000000", "name", "Law Centre", "charityNumber", "1000000",
        "companyNumber", "01000000"), recipient, "the charity number first, both numbers given");
    @SuppressWarnings("unchecked")
    Map<String, Object> funder = ((List<Map<String, Object>>) paid.get("fundingOrganization")).getFirst();
    assertEquals(Map.of("id", "360G-test-org-lsp", "name", "The Partnership"), funder);
    @SuppressWarnings("unchecked")
    Map<String, Object> council = ((List<Map<String, Object>>) grants.getFirst().get("recipientOrganization"))
        .getFirst();
    assertEquals(Map.of("id", "360G-test-org-council", "name", "The Council"), council);
  }

  @Test
  void withoutAnAccountableBodyPooledFundingHasNoRecipientAndIsNoGrant() {
    var giving = new ThreeSixtyGiving(PREFIX, "Someone Else", List.of(PARTNERSHIP, CHARITY));
    assertEquals(List.of(), giving.grants(summary(), List.of(), List.of(PARTNERSHIP, CHARITY)));
    assertEquals("360G-test-org-someone-else", giving.funderId(), "a publisher no organisation's name matches");
  }

  @Test
  void poundsArePenceExactAndWholePoundsHaveNoDecimals() {
    assertEquals("369441", Fields.pounds(Moneys.gbp(36_944_100)).toPlainString());
    assertEquals("12.05", Fields.pounds(Moneys.gbp(1_205)).toPlainString());
    assertFalse(Fields.pounds(Moneys.gbp(36_944_100)).toString().contains("E"));
  }
}
