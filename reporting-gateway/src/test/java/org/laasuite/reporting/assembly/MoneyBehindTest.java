package org.laasuite.reporting.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.type.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.laasuite.common.grpc.Moneys;
import org.laasuite.funding.v1.Arrangement;
import org.laasuite.funding.v1.Commitment;
import org.laasuite.funding.v1.IndicatorFunding;
import org.laasuite.funding.v1.SpendLine;
import org.laasuite.funding.v1.SupportingCommitment;
import org.laasuite.partnership.v1.Action;
import org.laasuite.partnership.v1.Decision;
import org.laasuite.reporting.v1.BlockSummary;
import org.laasuite.reporting.v1.IndicatorLine;
import org.laasuite.reporting.v1.MoneyBehindTheRed;
import org.laasuite.type.v1.LaaBlock;

/** The money behind the red from what the services answered: streams by block, commitments by indicator, last meeting. */
class MoneyBehindTest {

  private static final String NEET = "indicators/CYP-28";
  private static final LaaBlock CYP = LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE;
  private static final LaaBlock SSC = LaaBlock.LAA_BLOCK_SAFER_AND_STRONGER_COMMUNITIES;

  private static Date day(int y, int m, int d) {
    return Date.newBuilder().setYear(y).setMonth(m).setDay(d).build();
  }

  private static Decision decision(String meeting, Date on, String... indicators) {
    return Decision.newBuilder().setMeeting(meeting).setBody("bodies/operations-group").setMeetingDate(on)
        .addAllIndicators(List.of(indicators)).build();
  }

  private static Action action(String meeting, Date on, String... indicators) {
    var a = Action.newBuilder().setMeeting(meeting).setBody("bodies/operations-group")
        .addAllIndicators(List.of(indicators));
    return on == null ? a.build() : a.setMeetingDate(on).build();
  }

  private static SpendLine stream(String id, LaaBlock block, long allocated, long spent, boolean unquantified) {
    return SpendLine.newBuilder().setFundingStream("fundingStreams/" + id).setDisplayName(id).setBlock(block)
        .setArrangement(Arrangement.ARRANGEMENT_AUTOMATICALLY_POOLED).setAllocated(Moneys.gbp(allocated))
        .setSpent(Moneys.gbp(spent)).setAllocationUnquantified(unquantified).build();
  }

  @Test
  void nothingMinutedNorAgreedOnItIsNoLastMeeting() {
    assertTrue(MoneyBehind.lastDiscussed(NEET, List.of(), List.of()).isEmpty());
    assertTrue(MoneyBehind.lastDiscussed(NEET, List.of(decision("meetings/a", day(2007, 4, 24), "indicators/X")),
        List.of(action("meetings/b", day(2007, 8, 22), "indicators/X"))).isEmpty(), "about other indicators");
    assertTrue(MoneyBehind.lastDiscussed(NEET, List.of(), List.of(action("meetings/b", null, NEET))).isEmpty(),
        "an action whose meeting's day is not known is not dated");
  }

  @Test
  void oneDecisionIsTheLastDiscussion() {
    var last = MoneyBehind.lastDiscussed(NEET, List.of(decision("meetings/ops-2007-04-24", day(2007, 4, 24), NEET)),
        List.of()).orElseThrow();
    assertEquals("meetings/ops-2007-04-24", last.getMeeting());
    assertEquals("bodies/operations-group", last.getBody());
    assertEquals(day(2007, 4, 24), last.getDate());
    assertEquals("minuted a decision", last.getWhat());
  }

  @Test
  void theLatestMeetingWinsAndSaysAllItDid() {
    var decisions = List.of(decision("meetings/ops-2007-04-24", day(2007, 4, 24), NEET),
        decision("meetings/la-2007-08-22", day(2007, 8, 22), NEET, "indicators/X"));
    var actions = List.of(action("meetings/la-2007-08-22", day(2007, 8, 22), NEET),
        action("meetings/ops-2007-06-12", day(2007, 6, 12), NEET));
    var last = MoneyBehind.lastDiscussed(NEET, decisions, actions).orElseThrow();
    assertEquals("meetings/la-2007-08-22", last.getMeeting());
    assertEquals("minuted a decision and agreed an action", last.getWhat());

    var onlyAction = MoneyBehind.lastDiscussed(NEET, decisions.subList(0, 1), actions.subList(1, 2)).orElseThrow();
    assertEquals("meetings/ops-2007-06-12", onlyAction.getMeeting(), "the later of a decision and an action");
    assertEquals("agreed an action", onlyAction.getWhat());
  }

  @Test
  void aBlocksStreamsAreAddedUpWithThoseNotQuantifiedCounted() {
    var lines = List.of(stream("a", CYP, 36_944_100, 1_000_000, false), stream("b", SSC, 500, 0, false),
        stream("c", CYP, 0, 0, true), stream("d", CYP, 8_845_900, 0, true));
    var cyp = MoneyBehind.streams(CYP, lines).build();
    assertEquals(List.of("fundingStreams/a", "fundingStreams/c", "fundingStreams/d"), cyp.getStreamsList().stream()
        .map(SpendLine::getFundingStream).toList());
    assertEquals(Moneys.gbp(45_790_000), cyp.getAllocated());
    assertEquals(Moneys.gbp(1_000_000), cyp.getSpent());
    assertEquals(2, cyp.getUnquantifiedStreams());
    var none = MoneyBehind.streams(LaaBlock.LAA_BLOCK_ECONOMIC_DEVELOPMENT_AND_ENTERPRISE, lines).build();
    assertEquals(0, none.getStreamsCount());
    assertEquals(Moneys.gbp(0), none.getAllocated());
  }

  @Test
  void eachRedAndAmberHasTheCommitmentsNamingItAndBlocksWithoutAnyAreLeftOut() {
    var red = IndicatorLine.newBuilder().setIndicator(NEET).setCode("CYP-28").build();
    var amber = IndicatorLine.newBuilder().setIndicator("indicators/CYP-1").setCode("CYP-1").build();
    var blocks = List.of(BlockSummary.newBuilder().setBlock(CYP).setTitle("Children and Young People")
        .addExceptions(red).addExceptions(amber).build(), BlockSummary.newBuilder().setBlock(SSC).build());
    var wardens = SupportingCommitment.newBuilder().setCommitment(Commitment.newBuilder()
        .setName("commitments/connexions").setEndDate(day(2008, 3, 31))).setSpent(Moneys.gbp(100)).build();
    MoneyBehindTheRed money = MoneyBehind.of("2007-08", blocks, Optional.of(List.of(stream("a", CYP, 100, 0, false))),
        Optional.of(List.of(IndicatorFunding.newBuilder().setIndicator(NEET).addCommitments(wardens).build(),
            IndicatorFunding.newBuilder().setIndicator("indicators/CYP-1").build())),
        Optional.of(List.of(decision("meetings/m", day(2007, 4, 24), "indicators/CYP-1")))).build();
    assertEquals("2007-08", money.getFinancialYear());
    assertEquals(1, money.getBlocksCount(), "a block with no red or amber has no money behind the red");
    var block = money.getBlocks(0);
    assertEquals("Children and Young People", block.getTitle());
    assertEquals(1, block.getStreamsCount());
    assertEquals(List.of("CYP-28", "CYP-1"), block.getIndicatorsList().stream().map(m -> m.getIndicator().getCode())
        .toList());
    assertEquals(List.of(wardens), block.getIndicators(0).getCommitmentsList());
    assertTrue(block.getIndicators(1).getCommitmentsList().isEmpty());
    assertTrue(!block.getIndicators(0).hasLastDiscussed() && block.getIndicators(1).hasLastDiscussed());
    assertEquals(List.of(2, 1, 1), List.of(money.getIndicators(), money.getWithCommitments(), money.getDiscussed()));
  }

  @Test
  void whatDidNotAnswerLeavesItsPartEmpty() {
    var red = IndicatorLine.newBuilder().setIndicator(NEET).setCode("CYP-28").build();
    MoneyBehindTheRed money = MoneyBehind.of("2007-08", List.of(BlockSummary.newBuilder().setBlock(CYP)
        .addExceptions(red).build()), Optional.empty(), Optional.empty(), Optional.empty()).build();
    var block = money.getBlocks(0);
    assertEquals(0, block.getStreamsCount());
    assertEquals(1, block.getIndicatorsCount(), "the indicator is still listed");
    assertTrue(block.getIndicators(0).getCommitmentsList().isEmpty());
    assertTrue(MoneyBehind.of("2007-08", List.of(), Optional.empty(), Optional.empty(), Optional.empty()).build()
        .getBlocksList().isEmpty(), "nothing red or amber: nothing behind it");
    assertEquals(List.of(1, 0, 0), List.of(money.getIndicators(), money.getWithCommitments(), money.getDiscussed()));
  }
}
