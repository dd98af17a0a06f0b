package org.laasuite.indicators.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laasuite.testkit.GrpcErrors.errorInfo;
import static org.laasuite.testkit.GrpcErrors.expect;
import static org.laasuite.testkit.GrpcErrors.preconditionFailure;

import com.google.protobuf.FieldMask;
import com.google.rpc.PreconditionFailure;
import com.google.type.Decimal;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laasuite.funding.v1.Commitment;
import org.laasuite.funding.v1.CommitmentKind;
import org.laasuite.funding.v1.CreateCommitmentRequest;
import org.laasuite.funding.v1.FundingServiceGrpc;
import org.laasuite.indicators.v1.*;
import org.laasuite.partnership.v1.Action;
import org.laasuite.partnership.v1.AgendaItem;
import org.laasuite.partnership.v1.Body;
import org.laasuite.partnership.v1.BodyType;
import org.laasuite.partnership.v1.CreateBodyRequest;
import org.laasuite.partnership.v1.CreateMeetingRequest;
import org.laasuite.partnership.v1.Meeting;
import org.laasuite.partnership.v1.PartnershipServiceGrpc;
import org.laasuite.testkit.OwnDatabaseTest;
import org.laasuite.type.v1.LaaBlock;

/**
 * Deleting an indicator never leaves figures lost or names dangling: one that has figures, or that the
 * funding service's commitments or the partnership service's actions name, is refused with everything
 * that refers to it, unless the caller archives it (force), which keeps it all and can be undone.
 */
@MicronautTest(transactional = false)
class DeleteIndicatorTest extends OwnDatabaseTest {

  @Inject
  IndicatorServiceGrpc.IndicatorServiceBlockingStub client;

  private ManagedChannel fundingChannel;
  private ManagedChannel partnershipChannel;

  @Override
  public Map<String, String> getProperties() {
    return OtherServices.with(super.getProperties());
  }

  @BeforeAll
  void placesPeriodsAndChannels() {
    Fixtures.cityAnd2006To07(client);
    fundingChannel = OtherServices.get().funding.adminChannel();
    partnershipChannel = OtherServices.get().partnership.adminChannel();
  }

  @AfterAll
  void closeChannels() {
    fundingChannel.shutdownNow();
    partnershipChannel.shutdownNow();
  }

  private Indicator create(String code) {
    return client.createIndicator(CreateIndicatorRequest.newBuilder().setIndicator(Indicator.newBuilder().setId(code)
        .setTitle("Test " + code).setBlock(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE)
        .setPolarity(Polarity.POLARITY_LOWER_IS_BETTER)).build());
  }

  private Outturn outturn(String indicator, String value) {
    return client.createOutturn(CreateOutturnRequest.newBuilder().setParent(indicator).setOutturn(Outturn.newBuilder()
        .setPeriod("periods/fy-2006-07").setFigure(Figure.newBuilder().setValue(Decimal.newBuilder().setValue(value))))
        .build());
  }

  private Indicator get(String name) {
    return client.getIndicator(GetIndicatorRequest.newBuilder().setName(name).build());
  }

  private static DeleteIndicatorRequest delete(String name) {
    return DeleteIndicatorRequest.newBuilder().setName(name).build();
  }

  private List<String> listed(boolean showDeleted) {
    return client.listIndicators(ListIndicatorsRequest.newBuilder().setPageSize(500).setShowDeleted(showDeleted)
        .build()).getIndicatorsList().stream().map(Indicator::getName).toList();
  }

  @Test
  void anIndicatorNothingRefersToIsDeletedForGood() {
    Indicator unused = create("DEL-UNUSED");
    client.deleteIndicator(delete(unused.getName()));
    expect(Status.Code.NOT_FOUND, () -> get(unused.getName()));
    assertFalse(listed(true).contains(unused.getName()));
  }

  @Test
  void anIndicatorWithFiguresIsRefusedNamingThemAndKeepsThem() throws Exception {
    Indicator measured = create("DEL-FIGURES");
    outturn(measured.getName(), "9.4");

    var status = expect(Status.Code.FAILED_PRECONDITION, () -> client.deleteIndicator(delete(measured.getName())));
    assertEquals("INDICATOR_IN_USE", errorInfo(status).getReason());
    assertEquals(List.of(PreconditionFailure.Violation.newBuilder().setType("FIGURES")
        .setSubject(measured.getName() + "/outturns").setDescription("1 outturn").build()),
        preconditionFailure(status).getViolationsList());
    assertTrue(status.getMessage().contains("force"), status.getMessage());
    assertEquals(measured, get(measured.getName()), "nothing deleted");
    assertEquals("1", db.queryOne("SELECT count(*) FROM outturn o JOIN indicator i ON i.id = o.indicator_id"
        + " WHERE i.code = 'DEL-FIGURES'"), "the figure is there");
  }

  @Test
  void anIndicatorWithComparatorFiguresIsRefusedNamingThemAndKeepsThem() throws Exception {
    Indicator compared = create("DEL-COMPARED");
    client.createComparatorGroup(CreateComparatorGroupRequest.newBuilder().setComparatorGroup(ComparatorGroup
        .newBuilder().setId("del-england").setTitle("England").setKind(ComparatorGroupKind.COMPARATOR_GROUP_KIND_ENGLAND))
        .build());
    client.createComparatorFigure(CreateComparatorFigureRequest.newBuilder().setParent(compared.getName())
        .setComparatorFigure(ComparatorFigure.newBuilder().setGroup("comparatorGroups/del-england")
            .setPeriod("periods/fy-2006-07").setArea("England").setFigure(Figure.newBuilder().setOriginalText("7")))
        .build());

    var status = expect(Status.Code.FAILED_PRECONDITION, () -> client.deleteIndicator(delete(compared.getName())));
    assertEquals(List.of(PreconditionFailure.Violation.newBuilder().setType("FIGURES")
        .setSubject(compared.getName() + "/comparatorFigures").setDescription("1 comparator figure").build()),
        preconditionFailure(status).getViolationsList());
    assertEquals("1", db.queryOne("SELECT count(*) FROM comparator_figure f JOIN indicator i ON i.id = f.indicator_id"
        + " WHERE i.code = 'DEL-COMPARED'"), "the figure is there");
  }

  @Test
  void anIndicatorTheOtherServicesNameIsRefusedNamingEachCommitmentAndAction() {
    Indicator named = create("DEL-NAMED");
    FundingServiceGrpc.newBlockingStub(fundingChannel).createCommitment(CreateCommitmentRequest.newBuilder()
        .setCommitment(Commitment.newBuilder().setId("del-named-project").setTitle("Mentoring project")
            .setKind(CommitmentKind.COMMITMENT_KIND_PROJECT).setProgramme("NRF")
            .addSupportsIndicators(named.getName())).build());
    var partnership = PartnershipServiceGrpc.newBlockingStub(partnershipChannel);
    partnership.createBody(CreateBodyRequest.newBuilder().setBody(Body.newBuilder().setId("del-named-group")
        .setTitle("Theme group").setType(BodyType.BODY_TYPE_THEME_GROUP)).build());
    Meeting meeting = partnership.createMeeting(CreateMeetingRequest.newBuilder().setMeeting(Meeting.newBuilder()
        .setId("del-named-group-2008-01-10").setBody("bodies/del-named-group")
        .setDate(Fixtures.date(2008, 1, 10)).addItems(AgendaItem.newBuilder().setNumber(1).setTitle("NEET"))
        .addActions(Action.newBuilder().setItem(1).setText("Report on NEET figures").setOwner("bodies/del-named-group")
            .addIndicators(named.getName()))).build());

    var status = expect(Status.Code.FAILED_PRECONDITION, () -> client.deleteIndicator(delete(named.getName())));
    assertEquals("INDICATOR_IN_USE", errorInfo(status).getReason());
    assertEquals(List.of(
        PreconditionFailure.Violation.newBuilder().setType("COMMITMENT").setSubject("commitments/del-named-project")
            .setDescription("'Mentoring project' supports it").build(),
        PreconditionFailure.Violation.newBuilder().setType("ACTION").setSubject(meeting.getActions(0).getName())
            .setDescription("'Report on NEET figures' is on it").build()),
        preconditionFailure(status).getViolationsList());
    assertEquals(named, get(named.getName()), "nothing deleted");
  }

  @Test
  void forceArchivesKeepingEverythingUntilUndeleted() {
    Indicator archived = create("DEL-ARCHIVE");
    Outturn figure = outturn(archived.getName(), "12.5");

    client.deleteIndicator(delete(archived.getName()).toBuilder().setForce(true).build());
    Indicator read = get(archived.getName());
    assertTrue(read.hasDeleteTime(), "still answered, with when it was archived");
    assertFalse(listed(false).contains(archived.getName()), "out of listings");
    assertTrue(listed(true).contains(archived.getName()), "unless asked for");
    assertEquals(List.of(figure), client.listOutturns(ListOutturnsRequest.newBuilder().setParent(archived.getName())
        .setView(FigureView.FIGURE_VIEW_LATEST).build()).getOutturnsList(), "its figures kept");
    assertEquals(List.of(figure), client.batchGetIndicatorReports(BatchGetIndicatorReportsRequest.newBuilder()
        .addNames(archived.getName()).setView(FigureView.FIGURE_VIEW_LATEST).build()).getReports(0).getOutturnsList(),
        "its report still read");

    var refused = expect(Status.Code.FAILED_PRECONDITION, () -> outturn(archived.getName(), "13"));
    assertEquals("INDICATOR_ARCHIVED", errorInfo(refused).getReason());
    expect(Status.Code.FAILED_PRECONDITION, () -> client.updateIndicator(UpdateIndicatorRequest.newBuilder()
        .setIndicator(Indicator.newBuilder().setName(archived.getName()).setTitle("Changed"))
        .setUpdateMask(FieldMask.newBuilder().addPaths("title")).build()));
    expect(Status.Code.ALREADY_EXISTS, () -> create("DEL-ARCHIVE"));
    client.deleteIndicator(delete(archived.getName()).toBuilder().setForce(true).build()); // archived already: no-op
    assertEquals(read, get(archived.getName()));

    Indicator back = client.undeleteIndicator(UndeleteIndicatorRequest.newBuilder().setName(archived.getName())
        .setEtag(read.getEtag()).build());
    assertFalse(back.hasDeleteTime());
    assertTrue(listed(false).contains(archived.getName()));
    outturn(archived.getName(), "13");
  }

  @Test
  void whenTheFundingServiceCannotBeAskedTheDeleteIsUnavailableAndForceStillArchives() throws Exception {
    Indicator indicator = create("DEL-OUTAGE");
    OtherServices others = OtherServices.get();
    others.funding.stop();
    try {
      var status = expect(Status.Code.UNAVAILABLE, () -> client.deleteIndicator(delete(indicator.getName())));
      assertEquals("REFERRERS_UNAVAILABLE", errorInfo(status).getReason());
      assertTrue(status.getMessage().startsWith("funding-service cannot be asked"), status.getMessage());
      assertEquals(indicator, get(indicator.getName()), "nothing deleted");
      client.deleteIndicator(delete(indicator.getName()).toBuilder().setForce(true).build());
      assertTrue(get(indicator.getName()).hasDeleteTime());
    } finally {
      others.funding.start();
      others.funding.awaitServing();
    }
  }
}
