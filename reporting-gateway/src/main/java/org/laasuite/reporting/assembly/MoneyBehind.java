package org.laasuite.reporting.assembly;

import com.google.type.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.laasuite.common.grpc.Moneys;
import org.laasuite.common.grpc.Violations;
import org.laasuite.funding.v1.IndicatorFunding;
import org.laasuite.funding.v1.SpendLine;
import org.laasuite.funding.v1.SupportingCommitment;
import org.laasuite.partnership.v1.Action;
import org.laasuite.partnership.v1.Decision;
import org.laasuite.reporting.v1.BlockMoney;
import org.laasuite.reporting.v1.BlockSummary;
import org.laasuite.reporting.v1.IndicatorLine;
import org.laasuite.reporting.v1.LastDiscussed;
import org.laasuite.reporting.v1.MoneyBehindTheRed;
import org.laasuite.reporting.work.DueRule;
import org.laasuite.type.v1.LaaBlock;

/**
 * The money behind the red, from what the three services answered: for each block with reds or ambers, the streams
 * pooled and aligned into it (funding's spend report: allocation, spend, end date), and for each of its red and amber
 * lines (a review pack's exceptions, with their open actions) the commitments that name the indicator and the meeting
 * that last discussed it. A service that did not answer leaves its part empty; the caller lists it as unavailable.
 */
public final class MoneyBehind {

  private MoneyBehind() {
  }

  /**
   * The money behind the exceptions of {@code blocks}: {@code streams} the year's spend lines, {@code funding} the
   * commitments naming each exception's indicator, {@code decisions} every decision minuted.
   */
  public static MoneyBehindTheRed.Builder of(String year, List<BlockSummary> blocks, Optional<List<SpendLine>> streams,
      Optional<List<IndicatorFunding>> funding, Optional<List<Decision>> decisions) {
    Map<String, List<SupportingCommitment>> named = funding.orElse(List.of()).stream().collect(Collectors.toMap(
        IndicatorFunding::getIndicator, IndicatorFunding::getCommitmentsList, (a, b) -> a));
    var out = MoneyBehindTheRed.newBuilder().setFinancialYear(year);
    for (BlockSummary b : blocks) {
      if (b.getExceptionsCount() == 0) {
        continue;
      }
      var block = streams(b.getBlock(), streams.orElse(List.of())).setTitle(b.getTitle());
      for (IndicatorLine line : b.getExceptionsList()) {
        var behind = org.laasuite.reporting.v1.MoneyBehind.newBuilder().setIndicator(line)
            .addAllCommitments(named.getOrDefault(line.getIndicator(), List.of()));
        lastDiscussed(line.getIndicator(), decisions.orElse(List.of()), line.getOpenActionsList())
            .ifPresent(behind::setLastDiscussed);
        block.addIndicators(behind);
      }
      out.addBlocks(block);
    }
    var all = out.getBlocksList().stream().flatMap(b -> b.getIndicatorsList().stream()).toList();
    return out.setIndicators(all.size()).setWithCommitments((int) all.stream().filter(m -> m.getCommitmentsCount() > 0)
        .count()).setDiscussed((int) all.stream().filter(org.laasuite.reporting.v1.MoneyBehind::hasLastDiscussed)
        .count());
  }

  /** The streams of {@code block} among {@code lines}, in their order, with what they add up to. */
  public static BlockMoney.Builder streams(LaaBlock block, List<SpendLine> lines) {
    var out = BlockMoney.newBuilder().setBlock(block);
    long allocated = 0;
    long spent = 0;
    for (SpendLine l : lines) {
      if (l.getBlock() == block) {
        out.addStreams(l);
        allocated += pence(l.getAllocated());
        spent += pence(l.getSpent());
        if (l.getAllocationUnquantified()) {
          out.setUnquantifiedStreams(out.getUnquantifiedStreams() + 1);
        }
      }
    }
    return out.setAllocated(Moneys.gbp(allocated)).setSpent(Moneys.gbp(spent));
  }

  /**
   * The latest meeting that minuted a decision on {@code indicator} or agreed one of {@code actions} on it (those
   * without a meeting date left out), and what it did; the later meeting by name when two share a day.
   */
  public static Optional<LastDiscussed> lastDiscussed(String indicator, List<Decision> decisions,
      List<Action> actions) {
    record Seen(String meeting, String body, com.google.type.Date date, String what) {
    }
    List<Seen> seen = new ArrayList<>();
    decisions.stream().filter(d -> d.getIndicatorsList().contains(indicator) && d.hasMeetingDate())
        .forEach(d -> seen.add(new Seen(d.getMeeting(), d.getBody(), d.getMeetingDate(), "minuted a decision")));
    actions.stream().filter(a -> a.getIndicatorsList().contains(indicator) && a.hasMeetingDate())
        .forEach(a -> seen.add(new Seen(a.getMeeting(), a.getBody(), a.getMeetingDate(), "agreed an action")));
    Function<Seen, LocalDate> day = s -> DueRule.day(s.date());
    return seen.stream().max(Comparator.comparing(day).thenComparing(Seen::meeting)).map(last -> {
      Set<String> what = new LinkedHashSet<>();
      seen.stream().filter(s -> s.meeting().equals(last.meeting())).forEach(s -> what.add(s.what()));
      return LastDiscussed.newBuilder().setMeeting(last.meeting()).setBody(last.body()).setDate(last.date())
          .setWhat(String.join(" and ", what)).build();
    });
  }

  /** An amount in pence; nothing (or what is not a sum of pounds) counts as none. */
  public static long pence(Money m) {
    Long p = Moneys.pence(m, "amount", new Violations());
    return p == null ? 0 : p;
  }
}
