package org.laasuite.reporting.assembly;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.laasuite.funding.v1.Commitment;
import org.laasuite.indicators.v1.Direction;
import org.laasuite.indicators.v1.GapDirection;
import org.laasuite.indicators.v1.Rating;
import org.laasuite.reporting.v1.ExitCandidate;
import org.laasuite.reporting.v1.IndicatorLine;

/**
 * The rule exit planning ranks by (docs/exit-planning.md; it calls no service): a commitment comes before another
 * when the worst of the indicators it supports is worse: red before amber before green before too early to assess
 * before not judged; at the same judgement, worsening before no change before unknown before improving; then a gap
 * widening before unchanged before not known before narrowing. Where losing the funding would hurt the outcomes most
 * is where mainstreaming matters most. At a tie, the more posts first, then the sooner its funding ends, then by
 * title. A commitment that supports no indicator comes last: nothing says what it achieves.
 */
public final class ExitRanking {

  private ExitRanking() {
  }

  /** What a commitment supports: the indicators, and whether they are its bodies' rather than ones it names. */
  public record Supported(List<IndicatorLine> indicators, boolean throughBodies) {
  }

  /** The candidates ranked from 1, each with its indicators worst first and the reason in words. */
  public static List<ExitCandidate> rank(List<Commitment> ending, Map<String, Supported> supported) {
    List<ExitCandidate> out = new ArrayList<>();
    for (Commitment c : ending) {
      Supported s = supported.getOrDefault(c.getName(), new Supported(List.of(), false));
      List<IndicatorLine> worstFirst = s.indicators().stream().sorted(WORST_FIRST).toList();
      out.add(ExitCandidate.newBuilder().setCommitment(c).addAllIndicators(worstFirst)
          .setThroughBodies(s.throughBodies()).setReason(reason(worstFirst)).build());
    }
    out.sort(Comparator.comparing((ExitCandidate x) -> x.getIndicatorsCount() == 0)
        .thenComparing(x -> x.getIndicatorsCount() == 0 ? null : x.getIndicators(0), Comparator.nullsLast(WORST_FIRST))
        .thenComparing(x -> -x.getCommitment().getPosts())
        .thenComparing(x -> x.getCommitment().hasEndDate() ? date(x.getCommitment()) : Integer.MAX_VALUE)
        .thenComparing(x -> x.getCommitment().getTitle()));
    List<ExitCandidate> ranked = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      ranked.add(out.get(i).toBuilder().setRank(i + 1).build());
    }
    return ranked;
  }

  /** Indicators worst first: judgement, then trend, then gap, then code. */
  public static final Comparator<IndicatorLine> WORST_FIRST = Comparator
      .comparing((IndicatorLine l) -> judgement(l.getComputedJudgement().getRating()))
      .thenComparing(l -> trend(l.getTrend())).thenComparing(l -> gap(l.getGap())).thenComparing(IndicatorLine::getCode);

  static int judgement(Rating r) {
    return switch (r) {
      case RATING_RED -> 0;
      case RATING_AMBER -> 1;
      case RATING_GREEN -> 2;
      case RATING_TOO_EARLY_TO_ASSESS -> 3;
      default -> 4;
    };
  }

  static int trend(Direction d) {
    return switch (d) {
      case DIRECTION_WORSENING -> 0;
      case DIRECTION_NO_CHANGE -> 1;
      case DIRECTION_IMPROVING -> 3;
      default -> 2;
    };
  }

  static int gap(GapDirection g) {
    return switch (g) {
      case GAP_DIRECTION_WIDENING -> 0;
      case GAP_DIRECTION_UNCHANGED -> 1;
      case GAP_DIRECTION_NARROWING -> 3;
      default -> 2;
    };
  }

  private static int date(Commitment c) {
    return c.getEndDate().getYear() * 10000 + c.getEndDate().getMonth() * 100 + c.getEndDate().getDay();
  }

  /** "supports 2 red indicators (1 worsening), 1 amber and 3 green"; "supports no indicator". */
  static String reason(List<IndicatorLine> lines) {
    if (lines.isEmpty()) {
      return "supports no indicator";
    }
    List<String> parts = new ArrayList<>();
    for (Rating r : List.of(Rating.RATING_RED, Rating.RATING_AMBER, Rating.RATING_GREEN,
        Rating.RATING_TOO_EARLY_TO_ASSESS, Rating.RATING_UNSPECIFIED)) {
      List<IndicatorLine> of = lines.stream().filter(l -> l.getComputedJudgement().getRating() == r
          || (r == Rating.RATING_UNSPECIFIED && judgement(l.getComputedJudgement().getRating()) == 4)).toList();
      if (of.isEmpty()) {
        continue;
      }
      long worsening = of.stream().filter(l -> l.getTrend() == Direction.DIRECTION_WORSENING).count();
      String words = switch (r) {
        case RATING_RED -> "red";
        case RATING_AMBER -> "amber";
        case RATING_GREEN -> "green";
        case RATING_TOO_EARLY_TO_ASSESS -> "too early to assess";
        default -> "not judged";
      };
      parts.add(of.size() + " " + words + (worsening > 0 ? " (" + worsening + " worsening)" : ""));
    }
    String joined = parts.size() == 1 ? parts.get(0) : String.join(", ", parts.subList(0, parts.size() - 1))
        + " and " + parts.get(parts.size() - 1);
    return "supports " + joined + (lines.size() == 1 ? " indicator" : " indicators");
  }
}
