package org.laasuite.reporting.assembly;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.Rating;
import org.laasuite.reporting.v1.JudgementDisagreement;

/**
 * Where people and the rule differ: the indicators whose recorded judgement differs from the one the rule computes of
 * the same figures (docs/judgement.md). Both must be judged: a judgement recorded where the rule has nothing to judge
 * (no target, no figure) is no disagreement, and neither is a rule's judgement nobody recorded one beside.
 */
public final class Disagreements {

  private Disagreements() {
  }

  /** Whether the rule and the partners both judged the indicator. */
  public static boolean judgedBothWays(IndicatorReport r) {
    return r.getComputedJudgement().getRating() != Rating.RATING_UNSPECIFIED
        && r.getRecordedJudgement().getRating() != Rating.RATING_UNSPECIFIED;
  }

  /** Whether both judged it, differently. */
  public static boolean differs(IndicatorReport r) {
    return judgedBothWays(r) && r.getRecordedJudgement().getRating() != r.getComputedJudgement().getRating();
  }

  /**
   * The disagreements among {@code reports}, theme group by theme group in the order of {@code groupTitles} (names to
   * titles; groups it does not name after them, by name; indicators with no theme group last), by code within each.
   */
  public static List<JudgementDisagreement> of(List<IndicatorReport> reports, Map<String, String> groupTitles) {
    Map<String, Integer> order = new HashMap<>();
    new ArrayList<>(groupTitles.keySet()).forEach(g -> order.putIfAbsent(g, order.size()));
    return reports.stream().filter(Disagreements::differs)
        .sorted(Comparator.comparing((IndicatorReport r) -> r.getIndicator().getThemeGroup().isEmpty())
            .thenComparing(r -> order.getOrDefault(r.getIndicator().getThemeGroup(), Integer.MAX_VALUE))
            .thenComparing(r -> r.getIndicator().getThemeGroup())
            .thenComparing(r -> r.getIndicator().getId()))
        .map(r -> JudgementDisagreement.newBuilder().setIndicator(r.getIndicator().getName())
            .setCode(r.getIndicator().getId()).setTitle(r.getIndicator().getTitle())
            .setThemeGroup(r.getIndicator().getThemeGroup())
            .setThemeGroupTitle(groupTitles.getOrDefault(r.getIndicator().getThemeGroup(), ""))
            .setBlock(r.getIndicator().getBlock()).setComputed(r.getComputedJudgement())
            .setRecorded(r.getRecordedJudgement()).build())
        .toList();
  }
}
