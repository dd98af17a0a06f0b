package org.laasuite.indicators.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laasuite.testkit.GrpcErrors.errorInfo;
import static org.laasuite.testkit.GrpcErrors.expect;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.FieldMask;
import com.google.type.Decimal;
import io.grpc.Status;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laasuite.indicators.v1.*;
import org.laasuite.testkit.Concurrently;
import org.laasuite.testkit.OwnDatabaseTest;
import org.laasuite.type.v1.LaaBlock;

/** Updates that race each other (AIP-154): none is lost, and a stale etag changes nothing. */
@MicronautTest(transactional = false)
class ConcurrentUpdatesTest extends OwnDatabaseTest {

  @Inject
  IndicatorServiceGrpc.IndicatorServiceBlockingStub client;

  /** Every field the race changes, with the value it is changed to (each differs from what create set). */
  private static final Indicator TARGET = Indicator.newBuilder()
      .setTitle("Changed title").setOutcome("Changed outcome").setUnits("Number of young people")
      .setNiCode("NI 117").setOwnerOrganisation("organisations/coventry-city-council")
      .setThemeGroup("bodies/other-theme-group").setDecimalPlaces(2)
      .setAmberTolerance(Decimal.newBuilder().setValue("1.5")).setMonitorOnly(true).setCumulative(true).build();

  /** Deletes ask the funding and partnership services what names the indicator. */
  @Override
  public Map<String, String> getProperties() {
    return OtherServices.with(super.getProperties());
  }

  private Indicator create(String code) {
    return client.createIndicator(CreateIndicatorRequest.newBuilder().setIndicator(Indicator.newBuilder().setId(code)
        .setTitle("Original title").setBlock(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE)
        .setPolarity(Polarity.POLARITY_LOWER_IS_BETTER).setUnits("%")
        .setThemeGroup("bodies/children-and-young-persons-strategic-partnership")).build());
  }

  private Indicator get(String name) {
    return client.getIndicator(GetIndicatorRequest.newBuilder().setName(name).build());
  }

  /** An update of the one field {@code fd} of indicator {@code name} to its value in TARGET. */
  private static UpdateIndicatorRequest change(String name, FieldDescriptor fd) {
    return UpdateIndicatorRequest.newBuilder()
        .setIndicator(Indicator.newBuilder().setName(name).setField(fd, TARGET.getField(fd)))
        .setUpdateMask(FieldMask.newBuilder().addPaths(fd.getName())).build();
  }

  @BeforeAll
  void placesAndPeriods() {
    Fixtures.cityAnd2006To07(client);
  }

  /**
   * Eight people save the same period's figure at once: each save is acknowledged, and the entry ends with one
   * current figure, every other kept as a superseded revision (1 to 8, none twice), never two current ones.
   */
  @Test
  void figuresSavedAtOnceForOnePeriodEndWithOneCurrentAndTheRestSuperseded() throws Exception {
    create("RACE-FIG");
    String entry = "indicators/RACE-FIG/entries/fy-2006-07";
    List<Callable<Entry>> saves = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      String value = String.valueOf(10 + i);
      saves.add(() -> client.saveEntry(SaveEntryRequest.newBuilder().setName(entry).addOutturns(Outturn.newBuilder()
          .setFigure(Figure.newBuilder().setValue(Decimal.newBuilder().setValue(value)))).build()));
    }
    Concurrently.all(saves);
    var all = client.listOutturns(ListOutturnsRequest.newBuilder().setParent("indicators/RACE-FIG")
        .setShowSuperseded(true).setView(FigureView.FIGURE_VIEW_LATEST).build()).getOutturnsList();
    assertEquals(8, all.size());
    assertEquals(1, all.stream().filter(o -> !o.getSuperseded()).count(), "one current figure: " + all);
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), all.stream().map(Outturn::getRevision).sorted().toList());
    Outturn current = all.stream().filter(o -> !o.getSuperseded()).findFirst().orElseThrow();
    assertEquals(8, current.getRevision(), "the last saved is the current one");
    assertEquals(current.getName(), client.getEntry(GetEntryRequest.newBuilder().setName(entry)
        .setView(FigureView.FIGURE_VIEW_LATEST).build()).getOutturns(0).getName());
  }

  @Test
  void twentyConcurrentUpdatesOfDifferentFieldsAllSurvive() throws Exception {
    List<String> names = List.of(create("RACE-1").getName(), create("RACE-2").getName());
    List<FieldDescriptor> fields = TARGET.getAllFields().keySet().stream().toList();
    assertEquals(10, fields.size());
    List<UpdateIndicatorRequest> updates = new ArrayList<>();
    names.forEach(n -> fields.forEach(fd -> updates.add(change(n, fd))));
    assertEquals(20, updates.size());

    // all at once, every one answered OK
    Concurrently.all(updates.stream().<Callable<Indicator>>map(u -> () -> client.updateIndicator(u)).toList());

    for (String n : names) {
      Indicator after = get(n);
      List<String> lost = fields.stream().filter(fd -> !TARGET.getField(fd).equals(after.getField(fd)))
          .map(FieldDescriptor::getName).toList();
      assertEquals(List.of(), lost, n + ": changes lost");
    }
  }

  @Test
  void everyUpdateChangesTheEtagAndACurrentOneIsAccepted() {
    Indicator created = create("ETAG-OK");
    assertTrue(created.getEtag().startsWith("\""), "an etag is a quoted string: " + created.getEtag());
    assertEquals(created.getEtag(), get(created.getName()).getEtag(), "reads answer the same etag");
    Indicator updated = client.updateIndicator(UpdateIndicatorRequest.newBuilder()
        .setIndicator(Indicator.newBuilder().setName(created.getName()).setTitle("New").setEtag(created.getEtag()))
        .setUpdateMask(FieldMask.newBuilder().addPaths("title")).build());
    assertEquals("New", updated.getTitle());
    assertNotEquals(created.getEtag(), updated.getEtag(), "an update answers a new etag");
    assertEquals(updated, get(created.getName()));
    client.deleteIndicator(DeleteIndicatorRequest.newBuilder().setName(created.getName()).setEtag(updated.getEtag())
        .build());
    expect(Status.Code.NOT_FOUND, () -> get(created.getName()));
  }

  /** A save that submits what it writes, sent with the etag read, is written and submitted at once. */
  @Test
  void aSaveThatSubmitsWithTheEtagReadWritesAndSubmitsAtOnce() {
    create("ETAG-SUBMIT");
    String entry = "indicators/ETAG-SUBMIT/entries/fy-2006-07";
    Entry draft = client.saveEntry(SaveEntryRequest.newBuilder().setName(entry).addOutturns(Outturn.newBuilder()
        .setFigure(Figure.newBuilder().setOriginalText("40"))).build());
    Entry submitted = client.saveEntry(SaveEntryRequest.newBuilder().setName(entry).addOutturns(Outturn.newBuilder()
        .setFigure(Figure.newBuilder().setOriginalText("41"))).setEtag(draft.getEtag()).setSubmit(true).build());
    assertEquals(PublicationState.PUBLICATION_STATE_SUBMITTED, submitted.getState());
    assertEquals("41", submitted.getOutturns(0).getFigure().getValue().getValue());
    var stale = expect(Status.Code.ABORTED, () -> client.saveEntry(SaveEntryRequest.newBuilder().setName(entry)
        .setEtag(draft.getEtag()).setSubmit(true).build()));
    assertEquals("ETAG_MISMATCH", errorInfo(stale).getReason(), "a submit alone still checks the etag");
  }

  @Test
  void aStaleEtagIsAbortedAndChangesNothing() {
    Indicator read = create("ETAG-STALE");
    Indicator changed = client.updateIndicator(change(read.getName(),
        Indicator.getDescriptor().findFieldByName("units")));

    var status = expect(Status.Code.ABORTED, () -> client.updateIndicator(UpdateIndicatorRequest.newBuilder()
        .setIndicator(Indicator.newBuilder().setName(read.getName()).setTitle("Overwrites").setEtag(read.getEtag()))
        .setUpdateMask(FieldMask.newBuilder().addPaths("title")).build()));
    assertEquals("ETAG_MISMATCH", errorInfo(status).getReason());
    assertTrue(status.getMessage().contains("read it again"), status.getMessage());
    assertEquals(changed, get(read.getName()), "a refused update changes nothing");

    status = expect(Status.Code.ABORTED, () -> client.deleteIndicator(DeleteIndicatorRequest.newBuilder()
        .setName(read.getName()).setEtag(read.getEtag()).build()));
    assertEquals("ETAG_MISMATCH", errorInfo(status).getReason());
    assertEquals(changed, get(read.getName()), "a refused delete deletes nothing");

    expect(Status.Code.ABORTED, () -> client.updateIndicator(UpdateIndicatorRequest.newBuilder()
        .setIndicator(Indicator.newBuilder().setName(read.getName()).setTitle("x").setEtag("\"not-an-etag\""))
        .setUpdateMask(FieldMask.newBuilder().addPaths("title")).build()));
  }

  @Test
  void anEtagOfADeletedIndicatorDoesNotMatchOneCreatedAgain() {
    Indicator first = create("ETAG-AGAIN");
    client.deleteIndicator(DeleteIndicatorRequest.newBuilder().setName(first.getName()).build());
    Indicator second = create("ETAG-AGAIN");
    expect(Status.Code.ABORTED, () -> client.deleteIndicator(DeleteIndicatorRequest.newBuilder()
        .setName(first.getName()).setEtag(first.getEtag()).build()));
    assertEquals(second, get(second.getName()));
  }
}
