package org.laasuite.partnership.plan;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.partnership.plan.PlanRepositories.ImprovementItemRepository;
import org.laasuite.partnership.plan.PlanRepositories.ImprovementPlanRepository;
import org.laasuite.partnership.plan.PlanRepositories.RiskRepository;

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
}
