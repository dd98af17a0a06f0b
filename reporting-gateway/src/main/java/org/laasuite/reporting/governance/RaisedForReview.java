package org.laasuite.reporting.governance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.laasuite.common.grpc.Protos;
import org.laasuite.funding.v1.Commitment;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.Rating;
import org.laasuite.partnership.v1.Risk;
import org.laasuite.partnership.v1.RiskStatus;

/**
 * Risks the data raises for the register's review (docs/governance.md): each funding commitment whose funding ends
 * within six months of the day (that day included, and not before it) and that supports an indicator judged red, by
 * the rule or by people (either judgement red), until the register holds its risk ({@link #riskId}). Pure: what the
 * services answered in, the list out.
 */
public final class RaisedForReview {

  /** How far ahead an end of funding is raised. */
  public static final int MONTHS = 6;
  private static final String PREFIX = "funding-ends-";

  private RaisedForReview() {
  }

  /** A commitment raised: its end date and the red indicators it supports, in the order it lists them. */
  public record Raised(Commitment commitment, LocalDate endDate, List<Indicator> reds) {

    public String riskId() {
      return RaisedForReview.riskId(commitment);
    }

    /** The red indicators' codes, "NI-4, CYP-28". */
    public String codes() {
      return String.join(", ", reds.stream().map(Indicator::getId).toList());
    }
  }

  /** The register's id of the risk a commitment raises: "funding-ends-{commitment id}", at most 100 characters. */
  public static String riskId(Commitment c) {
    String id = PREFIX + c.getId();
    return id.length() <= 100 ? id : id.substring(0, 100).replaceAll("-+$", "");
  }

  /** Whether the judgement of {@code r} is red: the computed one or the recorded one. */
  public static boolean red(IndicatorReport r) {
    return r.getComputedJudgement().getRating() == Rating.RATING_RED
        || r.hasRecordedJudgement() && r.getRecordedJudgement().getRating() == Rating.RATING_RED;
  }

  /**
   * The commitments of {@code commitments} ending from {@code today} to six months after it that support a red
   * indicator of {@code reports} (by name) and whose risk {@code registered} (risk ids) does not hold; soonest end
   * first.
   */
  public static List<Raised> of(List<Commitment> commitments, Map<String, IndicatorReport> reports,
      Set<String> registered, LocalDate today) {
    LocalDate until = today.plusMonths(MONTHS);
    List<Raised> out = new ArrayList<>();
    for (Commitment c : commitments) {
      if (!c.hasEndDate() || registered.contains(riskId(c))) {
        continue;
      }
      LocalDate end = org.laasuite.reporting.work.DueRule.day(c.getEndDate());
      if (end.isBefore(today) || end.isAfter(until)) {
        continue;
      }
      List<Indicator> reds = c.getSupportsIndicatorsList().stream().distinct().map(reports::get)
          .filter(r -> r != null && red(r)).map(IndicatorReport::getIndicator).toList();
      if (!reds.isEmpty()) {
        out.add(new Raised(c, end, reds));
      }
    }
    out.sort(Comparator.comparing(Raised::endDate).thenComparing(r -> r.commitment().getId()));
    return out;
  }

  /**
   * The risk the secretariat adds for {@code r} (docs/governance.md): likelihood 5 when the funding ends within
   * three months of {@code today}, else 4 (its end is known: the risk is there unless a successor is found); impact
   * 4, or 5 when it supports more than one red indicator; owned by {@code owner}; reviewed a month from
   * {@code today}, or on the end date when that is sooner; open. Its mitigation is left for the owner to write.
   */
  public static Risk risk(Raised r, String owner, LocalDate today) {
    Commitment c = r.commitment();
    boolean soon = !r.endDate().isAfter(today.plusMonths(3));
    LocalDate review = today.plusMonths(1).isBefore(r.endDate()) ? today.plusMonths(1) : r.endDate();
    return Risk.newBuilder().setId(r.riskId())
        .setRisk(c.getTitle() + (c.getProgramme().isEmpty() ? "" : " (" + c.getProgramme() + ")") + ": its funding "
            + "ends on " + r.endDate() + ", and it supports " + (r.reds().size() == 1 ? "an indicator" : "indicators")
            + " judged red (" + r.codes() + ").")
        .setOwner(owner).setLikelihoodScore(soon ? 5 : 4).setImpactScore(r.reds().size() > 1 ? 5 : 4)
        .setReviewDate(Protos.date(review))
        .setStatus(RiskStatus.RISK_STATUS_OPEN).build();
  }
}
