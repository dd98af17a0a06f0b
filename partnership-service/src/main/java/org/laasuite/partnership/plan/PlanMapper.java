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
import org.laasuite.partnership.v1.ProgressNote;
import org.laasuite.partnership.v1.Risk;
import org.laasuite.partnership.v1.RiskStatus;

/** Improvement plans and risks as the API shows them. */
public final class PlanMapper {

  private PlanMapper() {
  }

  /**
   * A plan with its areas, each with its items ({@code items}: the plan's, in order; {@code notes}: their progress
   * notes by item id, oldest first).
   */
  public static ImprovementPlan toProto(ImprovementPlanRow p, List<ImprovementItemRow> items,
      Map<Long, List<ProgressNoteRow>> notes) {
    Map<String, ImprovementArea.Builder> areas = new LinkedHashMap<>();
    for (ImprovementItemRow i : items) {
      areas.computeIfAbsent(i.areaRef(), r -> ImprovementArea.newBuilder().setRef(r).setTitle(i.areaTitle()))
          .addItems(toProto(p.code(), i, notes.getOrDefault(i.id(), List.of())));
    }
    var b = ImprovementPlan.newBuilder().setName(ResourceNames.IMPROVEMENT_PLANS.name(p.code()))
        .setId(p.code()).setTitle(p.title()).setDateText(p.dateText()).setSource(p.source());
    areas.values().forEach(b::addAreas);
    return b.build();
  }

  /** "improvementPlans/{plan}/items/{id}". */
  public static String itemName(String planCode, long itemId) {
    return ResourceNames.IMPROVEMENT_PLANS.name(planCode) + "/" + ITEMS + "/" + itemId;
  }

  /** The collection of a plan's items in their names. */
  public static final String ITEMS = "items";

  /** An item of plan {@code planCode}, with its notes, oldest first. */
  public static ImprovementItem toProto(String planCode, ImprovementItemRow i, List<ProgressNoteRow> notes) {
    var b = ImprovementItem.newBuilder().setName(itemName(planCode, i.id())).setAreaRef(i.areaRef()).setRef(i.ref())
        .setImprovement(i.improvement()).addAllActions(Lines.split(i.actions())).setTimescale(i.timescale())
        .setOwner(i.owner()).setStatus(i.status()).setSuccessMeasures(i.successMeasures())
        .addAllIndicators(Lines.split(i.indicators())).addAllLinkedActions(Lines.split(i.linkedActions()))
        .setEtag(i.etag());
    if (i.dueDate() != null) {
      b.setDueDate(Protos.date(i.dueDate()));
    }
    for (ProgressNoteRow n : notes) {
      b.addProgressNotes(ProgressNote.newBuilder().setDate(Protos.date(n.noteDate())).setText(n.text())
          .setAuthor(n.author()));
    }
    return b.build();
  }

  /** The fields UpdateImprovementItem changes. */
  public static final Set<String> UPDATABLE_ITEM = Set.of("owner", "status", "due_date", "timescale", "improvement",
      "success_measures", "indicators", "linked_actions");

  /**
   * The fields of an item a client writes, checked into {@code v} (fields named from {@code p}), onto {@code base}:
   * its ref and improvement required, lengths as the table keeps them, indicators and actions as names (an action's
   * existence is the service's to check).
   */
  public static ImprovementItemRow itemFromProto(ImprovementItem in, String p, ImprovementItemRow base, Violations v) {
    v.check(!in.getRef().isBlank() && in.getRef().length() <= 20, p + "ref", in.getRef().isBlank()
        ? Violations.REQUIRED : "must be at most 20 characters");
    v.check(!in.getRef().contains("\n"), p + "ref", "must be one line");
    v.requiredText(in.getImprovement(), Violations.MAX_TEXT, p + "improvement");
    v.maxLength(in.getTimescale(), Violations.MAX_TITLE, p + "timescale");
    v.maxLength(in.getOwner(), Violations.MAX_TITLE, p + "owner");
    v.maxLength(in.getStatus(), Violations.MAX_TITLE, p + "status");
    v.maxLength(in.getSuccessMeasures(), Violations.MAX_TEXT, p + "success_measures");
    names(in.getIndicatorsList(), ResourceNames.INDICATORS, p + "indicators", v);
    names(in.getLinkedActionsList(), ResourceNames.ACTIONS, p + "linked_actions", v);
    LocalDate due = in.hasDueDate() ? Protos.date(in.getDueDate(), p + "due_date", v).orElse(null) : null;
    return new ImprovementItemRow(base.id(), base.planId(), base.areaRef(), base.areaTitle(), in.getRef(),
        in.getImprovement(), Lines.join(in.getActionsList()), in.getTimescale(), in.getOwner(), in.getStatus(),
        in.getSuccessMeasures(), base.position(), due, Lines.join(in.getIndicatorsList().stream().distinct()
            .toList()), Lines.join(in.getLinkedActionsList().stream().distinct().toList()), base.version());
  }

  private static void names(List<String> names, ResourceNames collection, String field, Violations v) {
    ResourceNames.checkBatch(names.size(), false, field, collection.path(), v);
    for (int k = 0; k < names.size() && k < ResourceNames.MAX_BATCH; k++) {
      collection.id(names.get(k), field + "[" + k + "]", v);
    }
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
