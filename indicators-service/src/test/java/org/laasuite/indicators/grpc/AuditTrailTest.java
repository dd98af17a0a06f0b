package org.laasuite.indicators.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laasuite.testkit.AuditTrail.X_REQUEST_ID;
import static org.laasuite.testkit.AuditTrail.actions;
import static org.laasuite.testkit.AuditTrail.assertEvent;
import static org.laasuite.testkit.AuditTrail.field;
import static org.laasuite.testkit.AuditTrail.naming;
import static org.laasuite.testkit.AuditTrail.resources;
import static org.laasuite.testkit.GrpcErrors.expect;
import static org.laasuite.testkit.GrpcErrors.expectInvalid;

import com.google.protobuf.ByteString;
import com.google.protobuf.FieldMask;
import com.google.type.Date;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.grpc.server.GrpcServerChannel;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laasuite.indicators.v1.*;
import org.laasuite.partnership.v1.Body;
import org.laasuite.partnership.v1.BodyType;
import org.laasuite.partnership.v1.CreateBodyRequest;
import org.laasuite.partnership.v1.CreateMembershipRequest;
import org.laasuite.partnership.v1.CreateOrganisationRequest;
import org.laasuite.partnership.v1.CreatePersonRequest;
import org.laasuite.partnership.v1.CreateSignInLinkRequest;
import org.laasuite.partnership.v1.Membership;
import org.laasuite.partnership.v1.Organisation;
import org.laasuite.partnership.v1.PartnershipServiceGrpc;
import org.laasuite.partnership.v1.Person;
import org.laasuite.partnership.v1.Role;
import org.laasuite.partnership.v1.SignInLink;
import org.laasuite.testkit.AuditTrail;
import org.laasuite.testkit.OwnDatabaseTest;
import org.laasuite.testkit.TestIssuer;
import org.laasuite.type.v1.AuditEvent;
import org.laasuite.type.v1.LaaBlock;
import org.laasuite.type.v1.ListAuditEventsRequest;

/**
 * Every write of the catalogue (indicators created, changed, deleted or archived and undeleted, areas, periods, and
 * Simple View imports) leaves one audit event in its transaction, naming the caller, the person the partnership
 * service links their sign-in to (asked as for their rights, of the real service), the method, the resource before
 * and after, the request_id, the call id and the client's address; a refused write leaves none.
 */
@MicronautTest(transactional = false)
class AuditTrailTest extends OwnDatabaseTest {

  private static final String SERVICE = "laa.indicators.v1.IndicatorService/";
  /** Pat of the City Council sits on the performance (PIE) group, which manages indicators. */
  private static final String PIE = "sub-audit-pie";

  @Inject
  IndicatorServiceGrpc.IndicatorServiceBlockingStub admin;
  @Inject
  @GrpcChannel(GrpcServerChannel.NAME)
  ManagedChannel channel;
  private final AuditTrail trail = new AuditTrail(r -> admin.listAuditEvents(r));

  @Override
  public Map<String, String> getProperties() {
    return OtherServices.with(super.getProperties());
  }

  @BeforeAll
  void aPerformanceOfficerInThePartnership() {
    ManagedChannel partnershipChannel = OtherServices.get().partnership.adminChannel();
    try {
      var partnership = PartnershipServiceGrpc.newBlockingStub(partnershipChannel);
      partnership.createOrganisation(CreateOrganisationRequest.newBuilder().setOrganisation(Organisation.newBuilder()
          .setId("audit-council").setTitle("City Council")).build());
      partnership.createPerson(CreatePersonRequest.newBuilder().setPerson(Person.newBuilder().setId("audit-pat")
          .setDisplayName("Pat Performance").setOrganisation("organisations/audit-council")).build());
      partnership.createBody(CreateBodyRequest.newBuilder().setBody(Body.newBuilder().setId("audit-pie-group")
          .setTitle("Performance group").setType(BodyType.BODY_TYPE_PIE_GROUP)).build());
      partnership.createMembership(CreateMembershipRequest.newBuilder().setParent("bodies/audit-pie-group")
          .setMembership(Membership.newBuilder().setPerson("people/audit-pat").setRole(Role.ROLE_MEMBER)
              .setStartDate(Date.newBuilder().setYear(2007).setMonth(4).setDay(1))).build());
      partnership.createSignInLink(CreateSignInLinkRequest.newBuilder().setParent("people/audit-pat")
          .setSignInLink(SignInLink.newBuilder().setIssuer(TestIssuer.ISSUER).setSubject(PIE)).build());
    } finally {
      partnershipChannel.shutdownNow();
    }
  }

  private IndicatorServiceGrpc.IndicatorServiceBlockingStub as(String subject) {
    return IndicatorServiceGrpc.newBlockingStub(channel).withCallCredentials(TestIssuer.as(subject));
  }

  private static CreateIndicatorRequest indicator(String code) {
    return CreateIndicatorRequest.newBuilder().setIndicator(Indicator.newBuilder().setId(code)
        .setTitle("Audited " + code).setBlock(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE)
        .setPolarity(Polarity.POLARITY_LOWER_IS_BETTER)).build();
  }

  @Test
  void aCreateAnUpdateAndADeleteEachLeaveOneEventNamingTheCallerAndTheRequest() {
    AtomicReference<Metadata> answered = new AtomicReference<>();
    String requestId = UUID.randomUUID().toString();
    Indicator created = naming(admin, "call-indicator-1", answered).createIndicator(indicator("T-AUDIT")
        .toBuilder().setRequestId(requestId).build());
    assertEquals("call-indicator-1", answered.get().get(X_REQUEST_ID));
    String name = created.getName();
    naming(admin, "call-indicator-2", answered).updateIndicator(UpdateIndicatorRequest.newBuilder()
        .setIndicator(Indicator.newBuilder().setName(name).setTitle("Renamed"))
        .setUpdateMask(FieldMask.newBuilder().addPaths("title")).build());
    naming(admin, "call-indicator-3", answered).deleteIndicator(DeleteIndicatorRequest.newBuilder().setName(name)
        .build());

    List<AuditEvent> events = trail.events(name);
    assertEquals(List.of("delete", "update", "create"), actions(events));
    AuditEvent create = events.get(2);
    AuditEvent update = events.get(1);
    AuditEvent delete = events.get(0);
    assertEvent(create, SERVICE + "CreateIndicator", "create", name, TestIssuer.ADMIN, requestId, "call-indicator-1");
    assertFalse(create.hasBefore());
    assertEquals("POLARITY_LOWER_IS_BETTER", field(create.getAfter(), "polarity"));
    assertEvent(update, SERVICE + "UpdateIndicator", "update", name, TestIssuer.ADMIN, "", "call-indicator-2");
    assertEquals(List.of("Audited T-AUDIT", "Renamed"),
        List.of(field(update.getBefore(), "title"), field(update.getAfter(), "title")));
    assertEquals(List.of("title", "update_time", "etag"), update.getChangedFieldsList());
    assertEvent(delete, SERVICE + "DeleteIndicator", "delete", name, TestIssuer.ADMIN, "", "call-indicator-3");
    assertEquals("Renamed", field(delete.getBefore(), "title"));
    assertFalse(delete.hasAfter(), "deleted for good: nothing referred to it");
  }

  @Test
  void archivingAndUndeletingAreEventsWithTheIndicatorAsItBecameAndAnUndeleteOfACurrentOneNone() {
    Indicator created = admin.createIndicator(indicator("T-ARCHIVED"));
    admin.deleteIndicator(DeleteIndicatorRequest.newBuilder().setName(created.getName()).setForce(true).build());
    admin.undeleteIndicator(UndeleteIndicatorRequest.newBuilder().setName(created.getName()).build());
    admin.undeleteIndicator(UndeleteIndicatorRequest.newBuilder().setName(created.getName()).build());
    List<AuditEvent> events = trail.events(created.getName());
    assertEquals(List.of("undelete", "delete", "create"), actions(events), "the second undelete changed nothing");
    AuditEvent archived = events.get(1);
    assertTrue(archived.getAfter().containsFields("delete_time") && !archived.getBefore().containsFields("delete_time"),
        archived::toString);
    assertTrue(archived.getChangedFieldsList().contains("delete_time"));
    assertTrue(events.get(0).getChangedFieldsList().contains("delete_time"));
  }

  @Test
  void areasAndPeriodsAreEventsToo() {
    admin.createArea(CreateAreaRequest.newBuilder().setArea(Area.newBuilder().setId("audit-ward")
        .setTitle("Audit ward").setType(AreaType.AREA_TYPE_WARD)).build());
    admin.createPeriod(CreatePeriodRequest.newBuilder().setPeriod(Period.newBuilder().setId("audit-fy-2009-10")
        .setType(PeriodType.PERIOD_TYPE_FINANCIAL_YEAR).setStartDate(Fixtures.date(2009, 4, 1))
        .setEndDate(Fixtures.date(2010, 3, 31)).setLabel("2009-10")).build());
    assertEquals("Audit ward", field(trail.events("areas/audit-ward").getFirst().getAfter(), "title"));
    assertEquals(SERVICE + "CreatePeriod", trail.events("periods/audit-fy-2009-10").getFirst().getMethod());
  }

  @Test
  void aRefusedWriteLeavesNoEvent() throws Exception {
    admin.createIndicator(indicator("T-TAKEN"));
    long before = db.rows("audit_event");
    expectInvalid(() -> admin.createIndicator(indicator("not a code")), "indicator.id");
    expect(Status.Code.ALREADY_EXISTS, () -> admin.createIndicator(indicator("T-TAKEN").toBuilder()
        .setIndicator(indicator("T-TAKEN").getIndicator().toBuilder().setTitle("Another")).build()));
    expectInvalid(() -> admin.updateIndicator(UpdateIndicatorRequest.newBuilder().setIndicator(Indicator.newBuilder()
        .setName("indicators/T-TAKEN").setBlockValue(7)).setUpdateMask(FieldMask.newBuilder().addPaths("block"))
        .build()), "indicator.block");
    expect(Status.Code.NOT_FOUND, () -> admin.deleteIndicator(DeleteIndicatorRequest.newBuilder()
        .setName("indicators/T-NEVER").build()));
    expect(Status.Code.PERMISSION_DENIED, () -> as("sub-stranger").createIndicator(indicator("T-NOT-ALLOWED")));
    assertEquals(before, db.rows("audit_event"));
  }

  private static final String SIMPLE_VIEW = """
      block,theme_group,code,row,row_kind,outcome,measure,units,polarity,baseline_date,baseline_value,\
      target_2005_06,target_2006_07,target_2007_08,target_2008_09,update_2004_05_date,update_2004_05_value,\
      update_2005_06_date,update_2005_06_value,update_2006_07_date,update_2006_07_value,traffic_light,comments
      CHILDREN_AND_YOUNG_PEOPLE,Audit Theme Group,AUD-1,1,indicator,Outcome,First audited measure,%,HIGHER_IS_BETTER,\
      2004-05,10,,,12,,,,,,,,,
      CHILDREN_AND_YOUNG_PEOPLE,Audit Theme Group,AUD-2,2,indicator,Outcome,Second audited measure,%,LOWER_IS_BETTER,\
      ,,,,,,,,,,,,,
      """;

  @Test
  void aSimpleViewImportIsOneEventForTheWholeFileAndARefusedOneNone() throws Exception {
    long before = db.rows("audit_event");
    var file = ImportSimpleViewRequest.newBuilder().setFileName("audit.csv");
    ImportSimpleViewResponse refused = admin.importSimpleView(file.clone().setContent(ByteString.copyFromUtf8(
        SIMPLE_VIEW.replace("LOWER_IS_BETTER", "SIDEWAYS"))).build());
    assertFalse(refused.getWritten());
    assertEquals(before, db.rows("audit_event"));

    ImportSimpleViewResponse imported = admin.importSimpleView(file.clone().setContent(ByteString.copyFromUtf8(
        SIMPLE_VIEW)).build());
    assertTrue(imported.getWritten(), imported::toString);
    assertEquals(before + 1, db.rows("audit_event"), "one event, not one per indicator, area or period");
    AuditEvent e = trail.events("indicators").getFirst();
    assertEvent(e, SERVICE + "ImportSimpleView", "import", "indicators", TestIssuer.ADMIN, "", e.getCallId());
    assertEquals(2, e.getAfter().getFieldsOrThrow("indicators").getNumberValue());
    assertEquals(1, e.getAfter().getFieldsOrThrow("targets").getNumberValue());
    assertEquals(List.of(), trail.events("indicators/AUD-1"));
    assertEquals(List.of("indicators"), resources(trail.events("indicators/")).stream()
        .filter(r -> r.equals("indicators") || r.startsWith("indicators/AUD-")).toList());
  }

  @Test
  void theTrailNamesThePersonThePartnershipLinksTheSignInToAndIsFilteredByPersonAndTime() {
    as(PIE).createIndicator(indicator("T-PATS"));
    admin.createIndicator(indicator("T-LATER"));
    List<AuditEvent> pats = trail.events(ListAuditEventsRequest.newBuilder().setPerson("people/audit-pat"));
    assertEquals(List.of("indicators/T-PATS"), resources(pats));
    AuditEvent pat = pats.getFirst();
    assertEquals(List.of("people/audit-pat", "organisations/audit-council", PIE),
        List.of(pat.getPerson(), pat.getOrganisation(), pat.getSubject()));
    trail.assertTimeRangeAround(pat, "indicators/T-LATER");
  }

  @Test
  void readingTheTrailNeedsTheRightToManageIndicators() {
    expect(Status.Code.PERMISSION_DENIED, () -> as("sub-stranger").listAuditEvents(
        ListAuditEventsRequest.getDefaultInstance()));
    as(PIE).listAuditEvents(ListAuditEventsRequest.getDefaultInstance());
  }

  @Test
  void badFiltersAreRefusedNamingEachField() {
    trail.assertBadFiltersAreRefused();
  }

  @Test
  void theServicesOwnDatabaseRoleCanNeitherChangeNorDeleteAnEvent() {
    admin.createIndicator(indicator("T-PERMANENT"));
    trail.assertAppendOnly(db, "indicators/T-PERMANENT");
  }
}
