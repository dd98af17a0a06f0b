package org.laasuite.partnership.plan;

import org.laasuite.common.grpc.ResourceNames;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.Violations;
import org.laasuite.partnership.Lines;
import org.laasuite.partnership.plan.PlanRepositories.ImprovementItemRepository;
import org.laasuite.partnership.plan.PlanRepositories.ImprovementPlanRepository;
import org.laasuite.partnership.plan.PlanRepositories.RiskRepository;
import org.laasuite.partnership.v1.ImprovementArea;

/** Improvement plans and the risk register. */
@Singleton
public class PlanService {

  private final ImprovementPlanRepository plans;
  private final ImprovementItemRepository items;
  private final RiskRepository risks;

  public PlanService(ImprovementPlanRepository plans, ImprovementItemRepository items, RiskRepository risks) {
    this.plans = plans;
    this.items = items;
    this.risks = risks;
  }

  public org.laasuite.partnership.v1.ImprovementPlan get(String name) {
    ImprovementPlan p = ResourceNames.IMPROVEMENT_PLANS.find(name, "name", plans::findByCode);
    return toProtos(List.of(p)).getFirst();
  }

  public List<org.laasuite.partnership.v1.ImprovementPlan> list(Pages.Page page) {
    return toProtos(plans.page(page.size(), page.offset()));
  }

  /** Plans with their areas and items: two statements for any number of plans. */
  private List<org.laasuite.partnership.v1.ImprovementPlan> toProtos(List<ImprovementPlan> ps) {
    Map<Long, List<ImprovementItem>> itemsOf = ps.isEmpty() ? Map.of()
        : items.findByPlanIdInOrderByPosition(ps.stream().map(ImprovementPlan::id).toList()).stream()
            .collect(Collectors.groupingBy(ImprovementItem::planId));
    List<org.laasuite.partnership.v1.ImprovementPlan> out = new ArrayList<>();
    for (ImprovementPlan p : ps) {
      Map<String, ImprovementArea.Builder> areas = new LinkedHashMap<>();
      for (ImprovementItem i : itemsOf.getOrDefault(p.id(), List.of())) {
        areas.computeIfAbsent(i.areaRef(), r -> ImprovementArea.newBuilder().setRef(r).setTitle(i.areaTitle()))
            .addItems(org.laasuite.partnership.v1.ImprovementItem.newBuilder().setRef(i.ref())
                .setImprovement(i.improvement()).addAllActions(Lines.split(i.actions())).setTimescale(i.timescale())
                .setOwner(i.owner()).setStatus(i.status()).setSuccessMeasures(i.successMeasures()));
      }
      var b = org.laasuite.partnership.v1.ImprovementPlan.newBuilder().setName("improvementPlans/" + p.code())
          .setId(p.code()).setTitle(p.title()).setDateText(p.dateText()).setSource(p.source());
      areas.values().forEach(b::addAreas);
      out.add(b.build());
    }
    return out;
  }

  public List<org.laasuite.partnership.v1.Risk> risks(Pages.Page page) {
    return risks.page(page.size(), page.offset()).stream().map(r -> org.laasuite.partnership.v1.Risk.newBuilder()
        .setName("risks/" + r.code()).setId(r.code()).setRef(r.ref()).setRisk(r.risk()).setOwner(r.owner())
        .setLikelihood(r.likelihood()).setImpact(r.impact()).setMitigation(r.mitigation()).build()).toList();
  }
}
