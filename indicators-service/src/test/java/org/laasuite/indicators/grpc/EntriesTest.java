package org.laasuite.indicators.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laasuite.testkit.GrpcErrors.errorInfo;
import static org.laasuite.testkit.GrpcErrors.expect;
import static org.laasuite.testkit.GrpcErrors.expectInvalid;

import com.google.type.Decimal;
import io.grpc.Status;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laasuite.indicators.v1.*;
import org.laasuite.testkit.OwnDatabaseTest;
import org.laasuite.type.v1.LaaBlock;

/**
 * Entries one by one, as the admin: every bad request named by its field and nothing written; steps only from the
 * states they start from, all of a selection or none; drafts out of the public's view; units and targets checked.
 */
@MicronautTest(transactional = false)
class EntriesTest extends OwnDatabaseTest {

  @Inject
  IndicatorServiceGrpc.IndicatorServiceBlockingStub client;
  @Inject
  IndicatorServiceGrpc.IndicatorServiceStub asyncClient;

  @BeforeAll
  void placesAndPeriods() {
    Fixtures.cityAnd2006To07(client);
  }

  private String create(String code, String units) {
    client.createIndicator(CreateIndicatorRequest.newBuilder().setIndicator(Indicator.newBuilder().setId(code)
        .setTitle("Test " + code).setUnits(units).setBlock(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE)
        .setPolarity(Polarity.POLARITY_LOWER_IS_BETTER).setFrequency(Frequency.FREQUENCY_ANNUAL)).build());
    return "indicators/" + code;
  }

  private static SaveEntryRequest.Builder save(String entry, String... values) {
    var r = SaveEntryRequest.newBuilder().setName(entry);
    for (String v : values) {
      r.addOutturns(Outturn.newBuilder().setFigure(Figure.newBuilder().setValue(Decimal.newBuilder().setValue(v))));
    }
    return r;
  }

  private static EntrySelection named(String... entries) {
    return EntrySelection.newBuilder().addAllNames(List.of(entries)).build();
  }

  private long rows() throws Exception {
    return db.rows("entry") + db.rows("outturn") + db.rows("narrative") + db.rows("recorded_judgement")
        + db.rows("entry_step") + db.rows("edition");
  }

  @Test
  void everyBadRequestIsNamedByItsFieldAndWritesNothing() throws Exception {
    String indicator = create("E-BAD", "%");
    String entry = indicator + "/entries/fy-2006-07";
    long before = rows();
    expectInvalid(() -> client.getEntry(GetEntryRequest.newBuilder().setName("indicators/E-BAD").build()), "name");
    expectInvalid(() -> client.saveEntry(save("indicators/E-BAD/entries/Not A Period", "1").build()), "name");
    expectInvalid(() -> client.saveEntry(save(entry).build()), "outturns");
    expectInvalid(() -> client.saveEntry(save(entry, "1", "2").build()), "outturns[1].area");
    expectInvalid(() -> client.saveEntry(SaveEntryRequest.newBuilder().setName(entry).addOutturns(Outturn
        .newBuilder().setPeriod("periods/fy-2005-06").setArea("areas/atlantis")
        .setFigure(Figure.newBuilder().setValue(Decimal.newBuilder().setValue("NaN")))).build()),
        "outturns[0].period", "outturns[0].area", "outturns[0].figure.value");
    expectInvalid(() -> client.saveEntry(save(entry, "1").setRecordedJudgement(RecordedJudgement.newBuilder()
        .setRating(Rating.RATING_RED).setReason("x".repeat(20_001))).build()), "recorded_judgement.reason");
    expectInvalid(() -> client.returnEntry(ReturnEntryRequest.newBuilder().setName(entry).setReason(" ").build()),
        "reason");
    expectInvalid(() -> client.approveEntries(ApproveEntriesRequest.newBuilder().setSelection(EntrySelection
        .newBuilder().addNames(entry).setPeriod("periods/fy-2006-07")).build()), "selection.period");
    expectInvalid(() -> client.approveEntries(ApproveEntriesRequest.newBuilder().setSelection(EntrySelection
        .newBuilder().setPeriod("periods/fy-1999-00")).build()), "selection.period");
    expectInvalid(() -> client.publishEntries(PublishEntriesRequest.newBuilder().setSelection(named(entry))
        .setFreezeEdition(true).build()), "freeze_edition");
    expectInvalid(() -> client.listEntries(ListEntriesRequest.newBuilder().setParent("indicators/-")
        .setPeriod("fy-2006-07").addStates(PublicationState.PUBLICATION_STATE_UNSPECIFIED).setPageSize(-1).build()),
        "period", "states[0]", "page_size");
    expectInvalid(() -> client.getEdition(GetEditionRequest.newBuilder().setName("fy-2006-07-1").build()), "name");
    expect(Status.Code.NOT_FOUND, () -> client.getEntry(GetEntryRequest.newBuilder()
        .setName(indicator + "/entries/fy-2099-00").build()));
    expect(Status.Code.NOT_FOUND, () -> client.saveEntry(save("indicators/E-NONE/entries/fy-2006-07", "1").build()));
    expect(Status.Code.NOT_FOUND, () -> client.submitEntry(SubmitEntryRequest.newBuilder().setName(entry).build()));
    expect(Status.Code.NOT_FOUND, () -> client.getEdition(GetEditionRequest.newBuilder()
        .setName("editions/fy-2006-07-9").build()));
    assertEquals(before, rows(), "nothing written");
  }

  @Test
  void aFigureThatContradictsItsUnitsIsRefusedWithTheReason() throws Exception {
    String percentage = create("E-PCT", "%");
    String count = create("E-COUNT", "Number of first time entrants");
    long before = rows();
    var over = expectInvalid(() -> client.saveEntry(save(percentage + "/entries/fy-2006-07", "100.5").build()),
        "outturns[0].figure");
    assertTrue(over.getFirst().getDescription().contains("between 0 and 100"), over.toString());
    var negative = expectInvalid(() -> client.createOutturn(CreateOutturnRequest.newBuilder().setParent(count)
        .setOutturn(Outturn.newBuilder().setPeriod("periods/fy-2006-07").setFigure(Figure.newBuilder()
            .setOriginalText("-3"))).build()), "outturn.figure");
    assertTrue(negative.getFirst().getDescription().contains("never negative"), negative.toString());
    var imported = OutturnImports.send(asyncClient, ImportOptions.getDefaultInstance(), List.of(OutturnRow.newBuilder()
        .setIndicator(count).setPeriod("periods/fy-2006-07").setValue("-1").build()).iterator());
    assertEquals("value", imported.getRejected(0).getProblems(0).getField());
    assertEquals(before, rows(), "nothing written");
    assertEquals("100", client.saveEntry(save(percentage + "/entries/fy-2006-07", "100").build()).getOutturns(0)
        .getFigure().getValue().getValue(), "a whole percentage is one");
  }

  @Test
  void aStepStartsOnlyFromItsStatesAndASelectionMovesAllOrNone() {
    String a = create("E-STEP-A", "%") + "/entries/fy-2006-07";
    String b = create("E-STEP-B", "%") + "/entries/fy-2006-07";
    client.saveEntry(save(a, "10").setSubmit(true).build());
    client.saveEntry(save(b, "11").build());
    var wrong = expect(Status.Code.FAILED_PRECONDITION, () -> client.approveEntries(ApproveEntriesRequest
        .newBuilder().setSelection(named(a, b)).build()));
    assertEquals("ENTRY_STATE", errorInfo(wrong).getReason());
    assertEquals(PublicationState.PUBLICATION_STATE_SUBMITTED, latest(a).getState(), "a is not approved alone");
    expect(Status.Code.FAILED_PRECONDITION, () -> client.publishEntries(PublishEntriesRequest.newBuilder()
        .setSelection(named(a)).build()));
    expect(Status.Code.FAILED_PRECONDITION, () -> client.returnEntry(ReturnEntryRequest.newBuilder().setName(b)
        .setReason("not submitted yet").build()));
    // A whole period: only the entries in the state the step starts from.
    var approved = client.approveEntries(ApproveEntriesRequest.newBuilder().setSelection(EntrySelection.newBuilder()
        .setPeriod("periods/fy-2006-07")).build());
    assertEquals(List.of(a), approved.getEntriesList().stream().map(Entry::getName).toList());
    assertEquals(PublicationState.PUBLICATION_STATE_DRAFT, latest(b).getState());
  }

  private Entry latest(String entry) {
    return client.getEntry(GetEntryRequest.newBuilder().setName(entry).setView(FigureView.FIGURE_VIEW_LATEST)
        .build());
  }

  @Test
  void draftsStayOutOfThePublicsViewUntilPublishedAndUnjudgeableFiguresAreFlagged() {
    String indicator = create("E-VIEW", "%");
    String entry = indicator + "/entries/fy-2006-07";
    client.saveEntry(save(entry, "12").setNarrative(Narrative.newBuilder().setAchieved("Held")).build());
    var published = ListOutturnsRequest.newBuilder().setParent(indicator).build();
    assertEquals(0, client.listOutturns(published).getOutturnsCount());
    assertEquals(0, client.listNarratives(ListNarrativesRequest.newBuilder().setParent(indicator).build())
        .getNarrativesCount());
    expect(Status.Code.NOT_FOUND, () -> client.getEntry(GetEntryRequest.newBuilder().setName(entry).build()));
    assertEquals(List.of(), client.listEntries(ListEntriesRequest.newBuilder().setParent(indicator).build())
        .getEntriesList());
    Entry draft = latest(entry);
    assertEquals(List.of("no target for periods/fy-2006-07: the figure is accepted, but cannot be judged against "
        + "one"), draft.getFlagsList());
    assertEquals(Rating.RATING_TOO_EARLY_TO_ASSESS, draft.getComputedJudgement().getRating());

    client.submitEntry(SubmitEntryRequest.newBuilder().setName(entry).build());
    client.approveEntries(ApproveEntriesRequest.newBuilder().setSelection(named(entry)).build());
    var response = client.publishEntries(PublishEntriesRequest.newBuilder().setSelection(EntrySelection.newBuilder()
        .setPeriod("periods/fy-2006-07")).setFreezeEdition(true).build());
    assertEquals("editions/fy-2006-07-1", response.getEdition());
    assertEquals(List.of("12"), client.listOutturns(published).getOutturnsList().stream()
        .map(o -> o.getFigure().getValue().getValue()).toList());
    assertEquals(PublicationState.PUBLICATION_STATE_PUBLISHED, client.listNarratives(ListNarrativesRequest
        .newBuilder().setParent(indicator).build()).getNarratives(0).getState());
    assertEquals(List.of("editions/fy-2006-07-1"), client.listEditions(ListEditionsRequest.newBuilder()
        .setPeriod("periods/fy-2006-07").build()).getEditionsList().stream().map(Edition::getName).toList());

    // What else is frozen with the edition (the gateway's review pack) is attached once and never replaced.
    var pack = EditionDocument.newBuilder().setId("review-pack").setMediaType("text/plain")
        .setContent(com.google.protobuf.ByteString.copyFromUtf8("the review pack as published")).build();
    expectInvalid(() -> client.attachEditionDocument(AttachEditionDocumentRequest.newBuilder()
        .setEdition(response.getEdition()).setDocument(EditionDocument.newBuilder().setId("../pack")).build()),
        "document.id", "document.media_type", "document.content");
    expect(Status.Code.NOT_FOUND, () -> client.attachEditionDocument(AttachEditionDocumentRequest.newBuilder()
        .setEdition("editions/fy-2006-07-9").setDocument(pack).build()));
    assertEquals("review-pack", client.attachEditionDocument(AttachEditionDocumentRequest.newBuilder()
        .setEdition(response.getEdition()).setDocument(pack).build()).getId());
    expect(Status.Code.ALREADY_EXISTS, () -> client.attachEditionDocument(AttachEditionDocumentRequest.newBuilder()
        .setEdition(response.getEdition()).setDocument(pack.toBuilder()
            .setContent(com.google.protobuf.ByteString.copyFromUtf8("changed"))).build()));
    var frozen = client.getEdition(GetEditionRequest.newBuilder().setName(response.getEdition()).build());
    assertEquals("the review pack as published", frozen.getDocuments(0).getContent().toStringUtf8());
    assertEquals(List.of("indicators/E-VIEW"), frozen.getReportsList().stream()
        .map(r -> r.getIndicator().getName()).filter(n -> n.equals("indicators/E-VIEW")).toList());
  }

  @Test
  void anImportWithPublishIsPublicAtOnceAndAnArchivedIndicatorTakesNoEntry() throws Exception {
    String indicator = create("E-IMPORT", "%");
    var response = OutturnImports.send(asyncClient, ImportOptions.newBuilder().setPublish(true).build(),
        List.of(OutturnRow.newBuilder().setIndicator(indicator).setPeriod("periods/fy-2006-07").setValue("7.5").build())
            .iterator());
    assertEquals(1, response.getAcceptedCount());
    var shown = client.listOutturns(ListOutturnsRequest.newBuilder().setParent(indicator).build()).getOutturns(0);
    assertEquals(PublicationState.PUBLICATION_STATE_PUBLISHED, shown.getState());
    assertTrue(shown.hasPublishTime());
    assertEquals(PublicationState.PUBLICATION_STATE_PUBLISHED, client.getEntry(GetEntryRequest.newBuilder()
        .setName(indicator + "/entries/fy-2006-07").build()).getState());

    client.deleteIndicator(DeleteIndicatorRequest.newBuilder().setName(indicator).setForce(true).build());
    var archived = expect(Status.Code.FAILED_PRECONDITION, () -> client.saveEntry(
        save(indicator + "/entries/fy-2006-07", "8").build()));
    assertEquals("INDICATOR_ARCHIVED", errorInfo(archived).getReason());
  }
}
