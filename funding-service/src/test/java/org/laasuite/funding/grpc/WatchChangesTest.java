package org.laasuite.funding.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.CallCredentials;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.grpc.server.GrpcServerChannel;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.laasuite.funding.v1.Arrangement;
import org.laasuite.funding.v1.CreateFundingStreamRequest;
import org.laasuite.funding.v1.FundingServiceGrpc;
import org.laasuite.funding.v1.FundingStream;
import org.laasuite.testkit.OwnDatabaseTest;
import org.laasuite.testkit.TestIssuer;
import org.laasuite.type.v1.Change;
import org.laasuite.type.v1.LaaBlock;
import org.laasuite.type.v1.WatchChangesRequest;
import org.laasuite.type.v1.WatchChangesResponse;

/**
 * WatchChanges tells a watcher, once it says it is watching, of each write as it commits, in order, and of nothing
 * refused; the resources are named only to those who may read the audit trail.
 */
@MicronautTest(transactional = false)
class WatchChangesTest extends OwnDatabaseTest {

  @Inject
  FundingServiceGrpc.FundingServiceBlockingStub admin;
  @Inject
  @GrpcChannel(GrpcServerChannel.NAME)
  ManagedChannel channel;
  private final java.util.List<Context.CancellableContext> watching = new java.util.ArrayList<>();

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = super.getProperties();
    p.put(StandInRights.PROPERTY, "true");
    return p;
  }

  @AfterEach
  void stopWatching() {
    watching.forEach(w -> w.cancel(null));
    watching.clear();
  }

  /** What the stream answers, as it comes: responses, then the error or "completed" that ends it. */
  private BlockingQueue<Object> watch(CallCredentials as) throws Exception {
    BlockingQueue<Object> told = new LinkedBlockingQueue<>();
    Context.CancellableContext stream = Context.current().withCancellation();
    watching.add(stream);
    stream.run(() -> FundingServiceGrpc.newStub(channel).withCallCredentials(as).watchChanges(
        WatchChangesRequest.getDefaultInstance(), new StreamObserver<>() {
          @Override
          public void onNext(WatchChangesResponse value) {
            told.add(value);
          }

          @Override
          public void onError(Throwable t) {
            told.add(t);
          }

          @Override
          public void onCompleted() {
            told.add("completed");
          }
        }));
    assertEquals(WatchChangesResponse.getDefaultInstance(), next(told), "first: watching from now on");
    return told;
  }

  private static Object next(BlockingQueue<Object> told) throws InterruptedException {
    Object o = told.poll(30, TimeUnit.SECONDS);
    assertNotNull(o, "the stream said nothing");
    return o;
  }

  private static Change change(BlockingQueue<Object> told) throws InterruptedException {
    WatchChangesResponse r = assertInstanceOf(WatchChangesResponse.class, next(told));
    assertEquals(1, r.getChangesCount(), r.toString());
    return r.getChanges(0);
  }

  private static CreateFundingStreamRequest stream(String id, String title) {
    return CreateFundingStreamRequest.newBuilder().setFundingStream(FundingStream.newBuilder().setId(id)
        .setTitle(title).setProgramme("ABG").setBlock(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE)
        .setArrangement(Arrangement.ARRANGEMENT_ALIGNED)).build();
  }

  @Test
  void eachCommittedWriteIsToldInOrderAndARefusedOneIsNot() throws Exception {
    BlockingQueue<Object> told = watch(TestIssuer.admin());
    String first = admin.createFundingStream(stream("w-first", "Watched first")).getName();
    assertThrows(StatusRuntimeException.class, () -> admin.createFundingStream(stream("w-first", "The same id")),
        "refused: the id is taken");
    String second = admin.createFundingStream(stream("w-second", "Watched second")).getName();

    Change a = change(told);
    assertEquals(first, a.getResource());
    assertEquals("create", a.getAction());
    assertTrue(a.getAuditEvent().startsWith("auditEvents/"), a.getAuditEvent());
    assertTrue(a.hasCreateTime());
    Change b = change(told);
    assertEquals(second, b.getResource(), "the refused write was never committed, so never told");
    assertTrue(told.isEmpty(), told.toString());
  }

  @Test
  void aCallerWhoMayNotReadTheAuditTrailLearnsOnlyThatSomethingChanged() throws Exception {
    BlockingQueue<Object> told = watch(TestIssuer.as(StandInRights.FINANCE + "-not-a-manager"));
    admin.createFundingStream(stream("w-unnamed", "Watched unnamed"));

    Change c = change(told);
    assertEquals("", c.getResource());
    assertEquals("", c.getAction());
    assertFalse(c.getAuditEvent().isEmpty());
  }
}
