package org.laasuite.partnership.plan;

import io.grpc.Status;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.laasuite.common.audit.AuditLog;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Etags;
import org.laasuite.common.grpc.FieldMasks;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.partnership.plan.PlanRepositories.ImprovementItemRepository;
import org.laasuite.partnership.plan.PlanRepositories.ImprovementPlanRepository;
import org.laasuite.partnership.plan.PlanRepositories.RiskRepository;
import org.laasuite.partnership.v1.Risk;
import org.laasuite.partnership.v1.RiskStatus;

/** Improvement plans and the risk register. */
@Singleton
public class PlanService {

  private final ImprovementPlanRepository plans;
  private final ImprovementItemRepository items;
  private final RiskRepository risks;

  private final AuditLog audit;

  public PlanService(ImprovementPlanRepository plans, ImprovementItemRepository items, RiskRepository risks,
      AuditLog audit) {
    this.audit = audit;
    this.plans = plans;
    this.items = items;
    this.risks = risks;
  }

  public ImprovementPlanRow get(String name) {
    return ResourceNames.IMPROVEMENT_PLANS.find(name, "name", plans::findByCode);
  }

  public Pages.Slice<ImprovementPlanRow> list(Pages.Page page) {
    return page.slice(plans.page(page.size(), page.offset()));
  }

  /** The items of {@code ps} by plan id, in order: one statement for any number of plans. */
  public Map<Long, List<ImprovementItemRow>> itemsOf(List<ImprovementPlanRow> ps) {
    return ps.isEmpty() ? Map.of()
        : items.findByPlanIdInOrderByPosition(ps.stream().map(ImprovementPlanRow::id).toList()).stream()
            .collect(Collectors.groupingBy(ImprovementItemRow::planId));
  }

  public Pages.Slice<RiskRow> risks(Pages.Page page) {
    return page.slice(risks.page(page.size(), page.offset()));
  }

  /**
   * Adds a risk, checked whole; a risk of the same id already there is the answer when it is the one asked
   * for, else ALREADY_EXISTS.
   */
  @Transactional
  public RiskRow createRisk(Risk in) {
    Violations v = new Violations();
    RiskRow asked = PlanMapper.fromProto(in, "risk.", true, v);
    v.throwIfAny();
    var stored = risks.findByCode(asked.code());
    if (stored.isPresent()) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "RISK_ALREADY_EXISTS",
          ResourceNames.RISKS.name(asked.code()) + " already exists", "risk.id");
    }
    RiskRow saved = risks.save(new RiskRow(null, asked.code(), asked.ref(), asked.risk(), asked.owner(),
        asked.likelihood(), asked.impact(), asked.mitigation(), risks.nextPosition(), asked.likelihoodScore(),
        asked.impactScore(), asked.reviewDate(), asked.status() == null ? RiskStatus.RISK_STATUS_OPEN : asked.status(),
        0));
    audit.record(AuditLog.CREATE, ResourceNames.RISKS.name(saved.code()), null, PlanMapper.toProto(saved));
    return saved;
  }

  /**
   * Changes the fields {@code paths} names of risk {@code name}, its row locked; the rest, the text as
   * imported included, stays. Nothing is written when anything is wrong.
   */
  @Transactional
  public RiskRow updateRisk(String name, String etag, Risk in, Set<String> paths) {
    RiskRow existing = ResourceNames.RISKS.find(name, "risk.name", risks::lockByCode);
    Etags.check(etag, existing.etag(), name);
    Risk old = PlanMapper.toProto(existing);
    Risk merged = FieldMasks.merge(old, in, paths);
    Violations v = new Violations();
    RiskRow checked = PlanMapper.fromProto(merged, "risk.", false, v);
    for (String f : List.of("likelihood_score", "impact_score")) {
      if (paths.contains(f)) {
        int score = f.equals("likelihood_score") ? merged.getLikelihoodScore() : merged.getImpactScore();
        v.check(score >= 1 && score <= 5, "risk." + f, "must be 1 to 5, not " + score);
      }
    }
    v.throwIfAny();
    RiskRow updated = risks.update(new RiskRow(existing.id(), existing.code(), checked.ref(), checked.risk(),
        checked.owner(), checked.likelihood(), checked.impact(), checked.mitigation(), existing.position(),
        checked.likelihoodScore(), checked.impactScore(), checked.reviewDate(), checked.status(),
        existing.version() + 1));
    audit.record(AuditLog.UPDATE, name, old, PlanMapper.toProto(updated));
    return updated;
  }
}
