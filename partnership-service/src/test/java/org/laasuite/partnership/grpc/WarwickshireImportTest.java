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
  void theImprovementPlanListsAreasAToFWithRefsAndTimescales() throws Exception {
    var r = client.importPartnership(ImportPartnershipRequest.newBuilder().setContent(ByteString.copyFrom(
        Files.readAllBytes(Path.of("..", "data", "warwickshire-2009", "partnership.yaml")))).build());
    assertEquals(List.of(), r.getProblemsList());
    var plans = client.listImprovementPlans(ListImprovementPlansRequest.getDefaultInstance());
    assertEquals(1, plans.getImprovementPlansCount());
    ImprovementPlan plan = plans.getImprovementPlans(0);
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
  }
}
