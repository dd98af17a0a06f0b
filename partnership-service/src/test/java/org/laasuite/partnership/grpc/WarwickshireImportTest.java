package org.laasuite.partnership.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.partnership.v1.*;
import org.laasuite.testkit.TestDatabase;

/** A second partnership's instance: Warwickshire Together's improvement plan, October 2009. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarwickshireImportTest implements TestPropertyProvider {

  private final TestDatabase db = TestDatabase.forClass(WarwickshireImportTest.class);

  @Inject
  PartnershipServiceGrpc.PartnershipServiceBlockingStub client;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = db.serviceProperties();
    return p;
  }

  @Test
  void theImprovementPlanListsAreasAToFWithRefsAndTimescalesAndTheCaaAreasForImprovementAreLoaded() throws Exception {
    var r = client.importPartnership(ImportPartnershipRequest.newBuilder().setContent(ByteString.copyFrom(
        Files.readAllBytes(Path.of("..", "data", "warwickshire-2009", "partnership.yaml")))).build());
    assertEquals(List.of(), r.getProblemsList());
    var plans = client.listImprovementPlans(ListImprovementPlansRequest.getDefaultInstance());
    assertEquals(List.of("improvementPlans/caa-areas-for-improvement",
        "improvementPlans/warwickshire-together-improvement-plan-2009"), plans.getImprovementPlansList().stream()
        .map(ImprovementPlan::getName).sorted().toList());
    ImprovementPlan plan = client.getImprovementPlan(GetImprovementPlanRequest.newBuilder()
        .setName("improvementPlans/warwickshire-together-improvement-plan-2009").build());
    assertEquals(List.of("A", "B", "C", "D", "E", "F"), plan.getAreasList().stream().map(ImprovementArea::getRef)
        .toList());
    assertEquals(List.of("A1", "A2", "B1", "B2", "C1", "C2", "C3", "D1", "D2", "E1", "E2", "F1", "F2", "F3"),
        plan.getAreasList().stream().flatMap(a -> a.getItemsList().stream()).map(ImprovementItem::getRef).toList());
    ImprovementItem a1 = plan.getAreas(0).getItems(0);
    assertEquals("November 2009", a1.getTimescale());
    assertTrue(a1.getActionsCount() > 0);
    assertEquals("Delivering Improved Outcomes", plan.getAreas(0).getTitle().replaceFirst("^A\\s*[-–]\\s*", ""));
    assertEquals(plan, client.getImprovementPlan(GetImprovementPlanRequest.newBuilder().setName(plan.getName())
        .build()));

    // Appendix 1 of the same paper: one area per printed row (theme and outcomes), one item per bullet.
    ImprovementPlan caa = client.getImprovementPlan(GetImprovementPlanRequest.newBuilder()
        .setName("improvementPlans/caa-areas-for-improvement").build());
    assertEquals("Appendix 1: Summary of CAA Issues and Areas for Improvement", caa.getTitle());
    assertEquals(List.of("line 94", "line 95", "line 96", "line 99", "line 100", "line 102", "line 105"),
        caa.getAreasList().stream().map(ImprovementArea::getRef).toList());
    List<ImprovementItem> items = caa.getAreasList().stream().flatMap(a -> a.getItemsList().stream()).toList();
    assertEquals(20, items.size());
    assertEquals("Places: Our environment is clean, green and sustainable", caa.getAreas(0).getTitle());
    assertEquals("Health bodies such as hospitals are not tackling CO2 emissions to the extent required",
        items.getFirst().getImprovement());
    assertEquals("The main area for improvement in Warwickshire's bus services is punctuality.",
        caa.getAreas(2).getItems(1).getImprovement());
    assertEquals(List.of("Not already underway"), items.stream().map(ImprovementItem::getStatus).distinct().toList());
  }
}
