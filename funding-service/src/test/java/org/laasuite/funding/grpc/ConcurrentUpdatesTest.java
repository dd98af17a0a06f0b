package org.laasuite.funding.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laasuite.testkit.GrpcErrors.errorInfo;
import static org.laasuite.testkit.GrpcErrors.expect;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.FieldMask;
import com.google.type.Date;
import io.grpc.Status;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.laasuite.funding.v1.*;
import org.laasuite.testkit.Concurrently;
import org.laasuite.testkit.OwnDatabaseTest;
import org.laasuite.type.v1.LaaBlock;

/** Updates that race each other (AIP-154): none is lost, and a stale etag changes nothing. */
@MicronautTest(transactional = false)
class ConcurrentUpdatesTest extends OwnDatabaseTest {

  @Inject
  FundingServiceGrpc.FundingServiceBlockingStub client;

  /** Every field the race changes, with the value it is changed to (each differs from what create set). */
  private static final FundingStream TARGET = FundingStream.newBuilder()
      .setTitle("Changed title").setFunder("DCLG").setProgramme("NRF").setHeading("Changed heading")
      .setConditions("Changed conditions").setNote("Changed note").setPreviouslyPooled(true)
      .setStartDate(Date.newBuilder().setYear(2007).setMonth(4).setDay(1))
      .setEndDate(Date.newBuilder().setYear(2008).setMonth(3).setDay(31))
      .setBlock(LaaBlock.LAA_BLOCK_SAFER_AND_STRONGER_COMMUNITIES).build();

  private FundingStream create(String id) {
    return client.createFundingStream(CreateFundingStreamRequest.newBuilder().setFundingStream(FundingStream
        .newBuilder().setId(id).setTitle("Original title").setBlock(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE)
        .setArrangement(Arrangement.ARRANGEMENT_ALIGNED)).build());
  }

  private FundingStream get(String name) {
    return client.getFundingStream(GetFundingStreamRequest.newBuilder().setName(name).build());
  }

  /** An update of the one field {@code fd} of stream {@code name} to its value in TARGET. */
  private static UpdateFundingStreamRequest change(String name, FieldDescriptor fd) {
    return UpdateFundingStreamRequest.newBuilder()
        .setFundingStream(FundingStream.newBuilder().setName(name).setField(fd, TARGET.getField(fd)))
        .setUpdateMask(FieldMask.newBuilder().addPaths(fd.getName())).build();
  }

  @Test
  void twentyConcurrentUpdatesOfDifferentFieldsAllSurvive() throws Exception {
    List<String> names = List.of(create("race-1").getName(), create("race-2").getName());
    List<FieldDescriptor> fields = TARGET.getAllFields().keySet().stream().toList();
    assertEquals(10, fields.size());
    List<UpdateFundingStreamRequest> updates = new ArrayList<>();
    names.forEach(n -> fields.forEach(fd -> updates.add(change(n, fd))));
    assertEquals(20, updates.size());

    // all at once, every one answered OK
    Concurrently.all(updates.stream().<Callable<FundingStream>>map(u -> () -> client.updateFundingStream(u)).toList());

    for (String n : names) {
      FundingStream after = get(n);
      List<String> lost = fields.stream().filter(fd -> !TARGET.getField(fd).equals(after.getField(fd)))
          .map(FieldDescriptor::getName).toList();
      assertEquals(List.of(), lost, n + ": changes lost");
    }
  }

  @Test
  void everyUpdateChangesTheEtagAndACurrentOneIsAccepted() {
    FundingStream created = create("etag-ok");
    assertTrue(created.getEtag().startsWith("\""), "an etag is a quoted string: " + created.getEtag());
    assertEquals(created.getEtag(), get(created.getName()).getEtag(), "reads answer the same etag");
    FundingStream updated = client.updateFundingStream(UpdateFundingStreamRequest.newBuilder()
        .setFundingStream(FundingStream.newBuilder().setName(created.getName()).setNote("New")
            .setEtag(created.getEtag()))
        .setUpdateMask(FieldMask.newBuilder().addPaths("note")).build());
    assertEquals("New", updated.getNote());
    assertNotEquals(created.getEtag(), updated.getEtag(), "an update answers a new etag");
    assertEquals(updated, get(created.getName()));
    client.deleteFundingStream(DeleteFundingStreamRequest.newBuilder().setName(created.getName())
        .setEtag(updated.getEtag()).build());
    expect(Status.Code.NOT_FOUND, () -> get(created.getName()));
  }

  @Test
  void aStaleEtagIsAbortedAndChangesNothing() {
    FundingStream read = create("etag-stale");
    FundingStream changed = client.updateFundingStream(change(read.getName(),
        FundingStream.getDescriptor().findFieldByName("funder")));

    var status = expect(Status.Code.ABORTED, () -> client.updateFundingStream(UpdateFundingStreamRequest.newBuilder()
        .setFundingStream(FundingStream.newBuilder().setName(read.getName()).setTitle("Overwrites")
            .setEtag(read.getEtag()))
        .setUpdateMask(FieldMask.newBuilder().addPaths("title")).build()));
    assertEquals("ETAG_MISMATCH", errorInfo(status).getReason());
    assertTrue(status.getMessage().contains("read it again"), status.getMessage());
    assertEquals(changed, get(read.getName()), "a refused update changes nothing");

    status = expect(Status.Code.ABORTED, () -> client.deleteFundingStream(DeleteFundingStreamRequest.newBuilder()
        .setName(read.getName()).setEtag(read.getEtag()).build()));
    assertEquals("ETAG_MISMATCH", errorInfo(status).getReason());
    assertEquals(changed, get(read.getName()), "a refused delete deletes nothing");
  }
}
