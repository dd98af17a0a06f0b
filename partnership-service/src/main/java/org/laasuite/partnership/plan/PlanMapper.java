package org.laasuite.partnership.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.partnership.Lines;
import org.laasuite.partnership.v1.ImprovementArea;
import org.laasuite.partnership.v1.ImprovementItem;
import org.laasuite.partnership.v1.ImprovementPlan;
import org.laasuite.partnership.v1.Risk;

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
    return Risk.newBuilder().setName(ResourceNames.RISKS.name(r.code())).setId(r.code())
        .setRef(r.ref()).setRisk(r.risk()).setOwner(r.owner()).setLikelihood(r.likelihood()).setImpact(r.impact())
        .setMitigation(r.mitigation()).build();
  }
}
