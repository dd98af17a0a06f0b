package org.laasuite.partnership.plan;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.partnership.Lines;
import org.laasuite.partnership.v1.ImprovementArea;
import org.laasuite.partnership.v1.ImprovementItem;
import org.laasuite.partnership.v1.ImprovementPlan;
import org.laasuite.partnership.v1.Risk;
import org.laasuite.partnership.v1.RiskStatus;

/** Improvement plans and risks as the API shows them. */
public final class PlanMapper {

  private PlanMapper() {
  }

  /** A plan with its areas, each with its items ({@code items}: the plan's, in order). */
  public static ImprovementPlan toProto(ImprovementPlanRow p, List<ImprovementItemRow> items) {
    Map<String, ImprovementArea.Builder> areas = new LinkedHashMap<>();
    for (ImprovementItemRow i : items) {
      areas.computeIfAbsent(i.areaRef(), r -> ImprovementArea.newBuilder().setRef(r).setTitle(i.areaTitle()))
          .addItems(ImprovementItem.newBuilder().setRef(i.ref())
              .setImprovement(i.improvement()).addAllActions(Lines.split(i.actions())).setTimescale(i.timescale())
              .setOwner(i.owner()).setStatus(i.status()).setSuccessMeasures(i.successMeasures()));
    }
    var b = ImprovementPlan.newBuilder().setName(ResourceNames.IMPROVEMENT_PLANS.name(p.code()))
        .setId(p.code()).setTitle(p.title()).setDateText(p.dateText()).setSource(p.source());
    areas.values().forEach(b::addAreas);
    return b.build();
  }

  public static Risk toProto(RiskRow r) {
    var b = Risk.newBuilder().setName(ResourceNames.RISKS.name(r.code())).setId(r.code())
        .setRef(r.ref()).setRisk(r.risk()).setOwner(r.owner()).setLikelihood(r.likelihood()).setImpact(r.impact())
        .setMitigation(r.mitigation()).setLikelihoodScore(r.likelihoodScore()).setImpactScore(r.impactScore())
        .setScore(r.score()).setEtag(r.etag());
    if (r.reviewDate() != null) {
      b.setReviewDate(Protos.date(r.reviewDate()));
    }
    if (r.status() != null) {
      b.setStatus(r.status());
    }
    return b.build();
  }

  /** The fields UpdateRisk changes. */
  public static final Set<String> UPDATABLE_RISK = Set.of("ref", "risk", "owner", "likelihood", "impact", "mitigation",
      "likelihood_score", "impact_score", "review_date", "status");

  /**
   * A risk to store, its shape checked into {@code v} (fields named from {@code p}): its id, its text, and
   * each score 1 to 5 ({@code scored}: both must be; else a score may stay 0, not scored, as imported).
   */
  public static RiskRow fromProto(Risk in, String p, boolean scored, Violations v) {
    ResourceNames.RISKS.validId(in.getId(), p + "id", v);
    v.requiredText(in.getRisk(), Violations.MAX_TEXT, p + "risk");
    v.maxLength(in.getRef(), 100, p + "ref");
    v.maxLength(in.getOwner(), Violations.MAX_TITLE, p + "owner");
    v.maxLength(in.getLikelihood(), Violations.MAX_TITLE, p + "likelihood");
    v.maxLength(in.getImpact(), Violations.MAX_TITLE, p + "impact");
    v.maxLength(in.getMitigation(), Violations.MAX_TEXT, p + "mitigation");
    for (String f : List.of("likelihood_score", "impact_score")) {
      int score = f.equals("likelihood_score") ? in.getLikelihoodScore() : in.getImpactScore();
      v.check(score >= 1 && score <= 5 || !scored && score == 0, p + f, "must be 1 to 5, not " + score);
    }
    ProtoEnums.known(in.getStatus(), p + "status", v);
    LocalDate review = in.hasReviewDate() ? Protos.date(in.getReviewDate(), p + "review_date", v).orElse(null) : null;
    return new RiskRow(null, in.getId(), in.getRef(), in.getRisk(), in.getOwner(), in.getLikelihood(), in.getImpact(),
        in.getMitigation(), 0, in.getLikelihoodScore(), in.getImpactScore(), review,
        in.getStatus() == RiskStatus.RISK_STATUS_UNSPECIFIED ? null : in.getStatus(), 0);
  }
}
