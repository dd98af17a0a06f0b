package org.laasuite.partnership.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laasuite.testkit.GrpcErrors.errorInfo;
import static org.laasuite.testkit.GrpcErrors.expect;
import static org.laasuite.testkit.GrpcErrors.expectInvalid;

import com.google.protobuf.ByteString;
import com.google.protobuf.FieldMask;
import com.google.type.Date;
import io.grpc.Status;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laasuite.partnership.v1.*;
import org.laasuite.type.v1.ListAuditEventsRequest;

/**
 * Warwickshire's improvement plan kept live by the secretariat: an item's status, due date and links changed,
 * dated progress notes added one at a time, items added; the import of the plan as printed unchanged.
 */
@MicronautTest(transactional = false)
class ImprovementItemsTest extends SecretariatAndVisitorTest {

  private static final String PLAN = "improvementPlans/warwickshire-together-improvement-plan-2009";

  @BeforeAll
  void warwickshiresPlans() throws Exception {
    var r = admin.importPartnership(ImportPartnershipRequest.newBuilder().setContent(ByteString.copyFrom(
        Files.readAllBytes(Path.of("..", "data", "warwickshire-2009", "partnership.yaml")))).build());
    assertEquals(List.of(), r.getProblemsList());
  }

  private ImprovementItem item(String plan, String ref) {
    return admin.getImprovementPlan(GetImprovementPlanRequest.newBuilder().setName(plan).build()).getAreasList()
        .stream().flatMap(a -> a.getItemsList().stream()).filter(i -> i.getRef().equals(ref)).findFirst()
        .orElseThrow();
  }

  private static Date date(int y, int m, int d) {
    return Date.newBuilder().setYear(y).setMonth(m).setDay(d).build();
  }

  @Test
  void theImportedItemsAreNamedAndCarryEtagsButNoNotesOrLinks() {
    ImprovementItem d1 = item(PLAN, "D1");
    assertTrue(d1.getName().matches(PLAN + "/items/[0-9]+"), d1.getName());
    assertEquals("D", d1.getAreaRef());
    assertEquals("Governance Review Sub-Group", d1.getOwner());
    assertEquals("November 2009", d1.getTimescale());
    assertTrue(!d1.getEtag().isEmpty());
    assertEquals(0, d1.getProgressNotesCount());
    assertTrue(!d1.hasDueDate());
  }

  @Test
  void theSecretariatChangesAnItemsStatusAndAddsDatedNotesWithoutRewritingEarlierOnes() {
    ImprovementItem c1 = item(PLAN, "C1");
    ImprovementItem first = as("sub-sec").updateImprovementItem(UpdateImprovementItemRequest.newBuilder()
        .setItem(ImprovementItem.newBuilder().setName(c1.getName()).setEtag(c1.getEtag()).setStatus("On track")
            .setDueDate(date(2010, 3, 31)).addIndicators("indicators/NI-4"))
        .setUpdateMask(FieldMask.newBuilder().addPaths("status").addPaths("due_date").addPaths("indicators"))
        .setAddProgressNote(ProgressNote.newBuilder().setDate(date(2009, 12, 1)).setText("Member seminar held"))
        .build());
    assertEquals("On track", first.getStatus());
    assertEquals(date(2010, 3, 31), first.getDueDate());
    assertEquals(List.of("indicators/NI-4"), first.getIndicatorsList());
    assertEquals(c1.getImprovement(), first.getImprovement(), "what the mask does not name stays");
    assertEquals(c1.getTimescale(), first.getTimescale());
    assertNotEquals(c1.getEtag(), first.getEtag());
    assertEquals(1, first.getProgressNotesCount());
    assertEquals("people/sec", first.getProgressNotes(0).getAuthor());

    // A note alone: no update mask needed; the earlier note stays as it was.
    ImprovementItem second = as("sub-sec").updateImprovementItem(UpdateImprovementItemRequest.newBuilder()
        .setItem(ImprovementItem.newBuilder().setName(c1.getName()).setEtag(first.getEtag()))
        .setAddProgressNote(ProgressNote.newBuilder().setDate(date(2010, 2, 1)).setText("Training plan agreed"))
        .build());
    assertEquals(List.of("Member seminar held", "Training plan agreed"), second.getProgressNotesList().stream()
        .map(ProgressNote::getText).toList());
    assertEquals(first.getProgressNotes(0), second.getProgressNotes(0));
    assertEquals(date(2010, 2, 1), second.getProgressNotes(1).getDate());
    assertEquals(second, item(PLAN, "C1"), "as the plan reads it");

    // An etag read before the note is refused, and nothing changes.
    var stale = expect(Status.Code.ABORTED, () -> as("sub-sec").updateImprovementItem(UpdateImprovementItemRequest
        .newBuilder().setItem(ImprovementItem.newBuilder().setName(c1.getName()).setEtag(first.getEtag())
            .setStatus("Complete")).setUpdateMask(FieldMask.newBuilder().addPaths("status")).build()));
    assertEquals("ETAG_MISMATCH", errorInfo(stale).getReason());
    assertEquals("On track", item(PLAN, "C1").getStatus());

    // Each change left an audit record naming the item.
    var events = admin.listAuditEvents(ListAuditEventsRequest.newBuilder().setResource(c1.getName()).build());
    assertEquals(2, events.getEventsCount(), events.toString());
    assertTrue(events.getEventsList().stream().allMatch(e -> e.getPerson().equals("people/sec")), events.toString());
  }

  @Test
  void badChangesAreRefusedNamingEachFieldAndNothingIsWritten() {
    ImprovementItem c2 = item(PLAN, "C2");
    var violations = expectInvalid(() -> as("sub-sec").updateImprovementItem(UpdateImprovementItemRequest
        .newBuilder().setItem(ImprovementItem.newBuilder().setName(c2.getName()).setImprovement("")
            .addIndicators("NI-4").addLinkedActions("actions/999999999").setDueDate(date(2010, 2, 30)))
        .setUpdateMask(FieldMask.newBuilder().addPaths("improvement").addPaths("indicators")
            .addPaths("linked_actions").addPaths("due_date"))
        .setAddProgressNote(ProgressNote.newBuilder().setText(" ")).build()),
        "item.improvement", "item.indicators[0]", "item.linked_actions[0]", "item.due_date",
        "add_progress_note.text");
    assertTrue(violations.stream().anyMatch(v -> v.getDescription().contains("actions/999999999 does not exist")),
        violations.toString());
    expectInvalid(() -> as("sub-sec").updateImprovementItem(UpdateImprovementItemRequest.newBuilder()
        .setItem(ImprovementItem.newBuilder().setName(c2.getName()).setRef("Z9"))
        .setUpdateMask(FieldMask.newBuilder().addPaths("ref")).build()), "update_mask");
    var nothing = expectInvalid(() -> as("sub-sec").updateImprovementItem(UpdateImprovementItemRequest.newBuilder()
        .setItem(ImprovementItem.newBuilder().setName(c2.getName()).setStatus("x")).build()), "update_mask");
    assertTrue(nothing.getFirst().getDescription().contains("or add a progress note"), nothing.toString());
    expectInvalid(() -> as("sub-sec").updateImprovementItem(UpdateImprovementItemRequest.newBuilder()
        .setItem(ImprovementItem.newBuilder().setName(PLAN + "/items/C2").setStatus("x"))
        .setUpdateMask(FieldMask.newBuilder().addPaths("status")).build()), "item.name");
    expect(Status.Code.NOT_FOUND, () -> as("sub-sec").updateImprovementItem(UpdateImprovementItemRequest.newBuilder()
        .setItem(ImprovementItem.newBuilder().setName("improvementPlans/caa-areas-for-improvement/items/"
            + c2.getName().replaceAll(".*/", "")).setStatus("x"))
        .setUpdateMask(FieldMask.newBuilder().addPaths("status")).build()));
    assertEquals(c2, item(PLAN, "C2"), "nothing written");
  }

  @Test
  void anItemIsAddedToAnAreaOnceAndANewAreaNeedsATitle() {
    CreateImprovementItemRequest add = CreateImprovementItemRequest.newBuilder().setParent(PLAN).setAreaRef("D")
        .setItem(ImprovementItem.newBuilder().setRef("D3").setImprovement("Publish the risk register")
            .setOwner("Public Service Board").setTimescale("March 2010").setDueDate(date(2010, 3, 31)))
        .setRequestId("7c0d3f3e-1d35-4a44-9d0b-3f6a3b1f0d01").build();
    ImprovementItem made = as("sub-sec").createImprovementItem(add);
    assertEquals("D", made.getAreaRef());
    assertEquals(made, as("sub-sec").createImprovementItem(add), "a retry answers the first");
    ImprovementPlan plan = admin.getImprovementPlan(GetImprovementPlanRequest.newBuilder().setName(PLAN).build());
    assertEquals(List.of("D1", "D2", "D3"), plan.getAreasList().stream().filter(a -> a.getRef().equals("D"))
        .flatMap(a -> a.getItemsList().stream()).map(ImprovementItem::getRef).toList());
    var again = expect(Status.Code.ALREADY_EXISTS, () -> as("sub-sec").createImprovementItem(add.toBuilder()
        .clearRequestId().build()));
    assertEquals("IMPROVEMENT_ITEM_ALREADY_EXISTS", errorInfo(again).getReason());
    expectInvalid(() -> as("sub-sec").createImprovementItem(CreateImprovementItemRequest.newBuilder().setParent(PLAN)
        .setAreaRef("G").setItem(ImprovementItem.newBuilder().setRef("G1").addLinkedActions("meetings/x")).build()),
        "area_title", "item.improvement", "item.linked_actions[0]");
    ImprovementItem g1 = as("sub-sec").createImprovementItem(CreateImprovementItemRequest.newBuilder().setParent(PLAN)
        .setAreaRef("G").setAreaTitle("Risk").setItem(ImprovementItem.newBuilder().setRef("G1")
            .setImprovement("Risk owned by the PSB")).build());
    assertEquals("G", g1.getAreaRef());
    expect(Status.Code.NOT_FOUND, () -> as("sub-sec").createImprovementItem(add.toBuilder().clearRequestId()
        .setParent("improvementPlans/no-such-plan").build()));
  }

  @Test
  void someoneWithoutTheRightToManageMeetingsIsRefused() {
    ImprovementItem e1 = item(PLAN, "E1");
    expect(Status.Code.PERMISSION_DENIED, () -> as("sub-vis").updateImprovementItem(UpdateImprovementItemRequest
        .newBuilder().setItem(ImprovementItem.newBuilder().setName(e1.getName()).setStatus("Complete"))
        .setUpdateMask(FieldMask.newBuilder().addPaths("status")).build()));
    expect(Status.Code.PERMISSION_DENIED, () -> as("sub-vis").createImprovementItem(CreateImprovementItemRequest
        .newBuilder().setParent(PLAN).setAreaRef("E").setItem(ImprovementItem.newBuilder().setRef("E9")
            .setImprovement("x")).build()));
    assertEquals(e1, item(PLAN, "E1"));
  }
}
