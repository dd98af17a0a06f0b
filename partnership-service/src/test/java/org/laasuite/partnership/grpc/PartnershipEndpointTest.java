package org.laasuite.partnership.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laasuite.testkit.GrpcErrors.errorInfo;
import static org.laasuite.testkit.GrpcErrors.expect;
import static org.laasuite.testkit.GrpcErrors.expectInvalid;

import com.google.protobuf.ByteString;
import com.google.type.Date;
import io.grpc.Status;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.partnership.v1.*;
import org.laasuite.testkit.TestDatabase;
import org.laasuite.type.v1.ImportProblem;

/** The Coventry data set: structure, the two meetings of 2007, their actions. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnershipEndpointTest implements TestPropertyProvider {

  static final Path COVENTRY = Path.of("..", "data", "coventry-2007-08", "partnership.yaml");

  private final TestDatabase db = TestDatabase.forClass(PartnershipEndpointTest.class);

  @Inject
  PartnershipServiceGrpc.PartnershipServiceBlockingStub client;
  @Inject
  org.laasuite.testkit.SqlStatementCounter statements;

  private ImportPartnershipResponse imported;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = db.serviceProperties();
    p.put("laa.test.count-sql", "true");
    return p;
  }

  @BeforeAll
  void importCoventry() throws Exception {
    imported = client.importPartnership(ImportPartnershipRequest.newBuilder()
        .setContent(ByteString.copyFrom(Files.readAllBytes(COVENTRY))).setFileName("partnership.yaml").build());
  }

  private static Date date(int y, int m, int d) {
    return Date.newBuilder().setYear(y).setMonth(m).setDay(d).build();
  }

  @Test
  void theDataSetLoads() {
    assertEquals(List.of(), imported.getProblemsList());
    assertTrue(imported.getWritten());
    assertEquals(2, imported.getMeetings());
  }

  @Test
  void theLeadersAndAdvisorsMeetingReadsAsMinuted() {
    Meeting m = client.getMeeting(GetMeetingRequest.newBuilder().setName("meetings/leaders-and-advisors-2007-08-22")
        .build());
    assertEquals(date(2007, 8, 22), m.getDate());
    assertEquals("10:00", m.getStartTime());
    assertEquals("Corporate Training Centre, Elm Bank", m.getPlace());
    Map<AttendanceStatus, Long> counts = m.getAttendanceList().stream()
        .collect(Collectors.groupingBy(Attendance::getStatus, Collectors.counting()));
    assertEquals(Map.of(AttendanceStatus.ATTENDANCE_STATUS_PRESENT, 17L, AttendanceStatus.ATTENDANCE_STATUS_IN_ATTENDANCE, 3L,
        AttendanceStatus.ATTENDANCE_STATUS_APOLOGIES, 5L), counts);
    Attendance chair = m.getAttendance(0);
    assertEquals("people/les-ratcliffe", chair.getPerson());
    assertEquals(Role.ROLE_CHAIR, chair.getRole());
    assertEquals("organisations/coventry-partnership", chair.getAffiliation());
    assertEquals("Les Ratcliffe, Chair, Coventry Partnership", chair.getAsPrinted());
    Map<String, String> affiliation = m.getAttendanceList().stream()
        .collect(Collectors.toMap(Attendance::getPerson, Attendance::getAffiliation));
    assertEquals("bodies/coventry-partnership-secretariat", affiliation.get("people/june-morley"));
    assertEquals("bodies/children-and-young-peoples-partnership", affiliation.get("people/marc-harder"));
    assertEquals("organisations/nrf-team", affiliation.get("people/sharon-mace"));
    assertEquals("", affiliation.get("people/janice-nichols"), "a job title is not an organisation");
    assertEquals(24, affiliation.values().stream().filter(a -> !a.isEmpty()).count());
    Attendance apology = m.getAttendanceList().stream().filter(a -> a.getPerson().equals("people/john-mcnicholas"))
        .findFirst().orElseThrow();
    assertEquals(AttendanceStatus.ATTENDANCE_STATUS_APOLOGIES, apology.getStatus());
    assertEquals(Role.ROLE_CHAIR, apology.getRole());
    assertEquals("bodies/transport-theme-group", apology.getAffiliation());

    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), m.getItemsList().stream().map(AgendaItem::getNumber).toList());
    assertEquals("Welcome and Apologies", m.getItems(0).getTitle());
    assertEquals("Neighbourhood Renewal Funding Succession Strategy", m.getItems(2).getTitle());
    assertTrue(m.getActionsCount() >= 10);
    assertTrue(m.getActionsList().stream().allMatch(a -> a.getOwner().matches("(people|bodies)/.+")),
        "every action has an owner");
    Action report = m.getActionsList().stream().filter(a -> a.getText().startsWith("Sara Roach")).findFirst()
        .orElseThrow();
    assertEquals("people/sara-roach", report.getOwner());
    assertEquals(3, report.getItem());
  }

  /** Item 4 of 22 August 2007 is the paper on the funding of the Secretariat's posts: its decision and actions. */
  @Test
  void theDemoLinksTheSecretariatPostsDecisionAndActionsToTheirCommitments() {
    for (String commitment : List.of("commitments/partnership-support-officers", "commitments/communications-officer")) {
      var decisions = client.listDecisions(ListDecisionsRequest.newBuilder().setCommitment(commitment).build())
          .getDecisionsList();
      assertEquals(1, decisions.size(), commitment);
      Decision d = decisions.getFirst();
      assertEquals("meetings/leaders-and-advisors-2007-08-22", d.getMeeting());
      assertEquals(4, d.getItem());
      assertTrue(d.getText().startsWith("It was agreed that a questionnaire be sent"), d.getText());
      assertEquals("bodies/leaders-and-advisors", d.getBody());
      var actions = client.listActions(ListActionsRequest.newBuilder().setCommitment(commitment).build())
          .getActionsList();
      assertEquals(3, actions.size(), commitment);
      assertTrue(actions.stream().allMatch(a -> a.getItem() == 4));
    }
    Meeting m = client.getMeeting(GetMeetingRequest.newBuilder().setName("meetings/leaders-and-advisors-2007-08-22")
        .build());
    assertEquals(1, m.getDecisionsCount(), "only the decision the minutes tie to a commitment is linked");
    assertEquals(m.getDecisions(0).getText(), m.getItems(3).getDecisions(0), "and it stays among the item's decisions");
    assertEquals(List.of(), client.listDecisions(ListDecisionsRequest.newBuilder().setIndicator("indicators/CYP-28")
        .build()).getDecisionsList(), "no demo decision is about an indicator");
  }

  @Test
  void theOperationsGroupMeetingReadsAsMinuted() {
    Meeting m = client.getMeeting(GetMeetingRequest.newBuilder().setName("meetings/operations-group-2007-04-24")
        .build());
    Map<AttendanceStatus, Long> counts = m.getAttendanceList().stream()
        .collect(Collectors.groupingBy(Attendance::getStatus, Collectors.counting()));
    assertEquals(Map.of(AttendanceStatus.ATTENDANCE_STATUS_PRESENT, 5L, AttendanceStatus.ATTENDANCE_STATUS_IN_ATTENDANCE, 2L,
        AttendanceStatus.ATTENDANCE_STATUS_APOLOGIES, 7L), counts);
    assertEquals("people/stella-manzie", m.getAttendance(0).getPerson());
    assertEquals(Role.ROLE_CHAIR, m.getAttendance(0).getRole());
    assertEquals(9, m.getItemsCount());
    assertEquals("Compact & Guide to Partnership Working", m.getItems(1).getTitle());
    Action guide = m.getActionsList().stream().filter(a -> a.getText().startsWith("Rob to amend")).findFirst()
        .orElseThrow();
    assertEquals("people/rob-allison", guide.getOwner());
    assertEquals(ActionStatus.ACTION_STATUS_OPEN, guide.getStatus());
    assertTrue(m.getActionsList().stream().allMatch(a -> a.getMeetingDate().equals(date(2007, 4, 24))),
        "each action carries the date of the meeting that agreed it");
  }

  @Test
  void openActionsAreListedByOwner() {
    var sara = client.listActions(ListActionsRequest.newBuilder().setOwner("people/sara-roach")
        .setStatus(ActionStatus.ACTION_STATUS_OPEN).build());
    assertEquals(3, sara.getActionsCount(), sara.toString());
    assertTrue(sara.getActionsList().stream().allMatch(a -> a.getOwner().equals("people/sara-roach")));
    assertEquals("meetings/operations-group-2007-04-24", sara.getActions(0).getMeeting(), "oldest first");
    assertEquals("bodies/coventry-partnership-operations-group", sara.getActions(0).getBody());
    assertEquals(date(2007, 4, 24), sara.getActions(0).getMeetingDate());
    var groupHeld = client.listActions(ListActionsRequest.newBuilder().setOwner("bodies/leaders-and-advisors")
        .build());
    assertTrue(groupHeld.getActionsList().stream().anyMatch(a -> a.getNote().contains("No owner is named")),
        "an action the minutes give no owner is held by the group that agreed it, and says so");
  }

  @Test
  void openActionsAreCarriedToTheBodysNextMeetingUntilDone() throws Exception {
    client.createMeeting(CreateMeetingRequest.newBuilder().setMeeting(Meeting.newBuilder()
        .setId("operations-group-2007-06-13").setBody("bodies/coventry-partnership-operations-group")
        .setDate(date(2007, 6, 13)).addAttendance(Attendance.newBuilder().setPerson("people/stella-manzie")
            .setStatus(AttendanceStatus.ATTENDANCE_STATUS_PRESENT).setRole(Role.ROLE_CHAIR))
        .addItems(AgendaItem.newBuilder().setNumber(1).setTitle("Minutes and Matters Arising"))).build());
    Meeting june = client.getMeeting(GetMeetingRequest.newBuilder().setName("meetings/operations-group-2007-06-13")
        .build());
    long carried = june.getMattersArisingCount();
    assertTrue(june.getMattersArisingList().stream().anyMatch(a -> a.getText().startsWith("Rob to amend")));
    Action guide = june.getMattersArisingList().stream().filter(a -> a.getText().startsWith("Rob to amend"))
        .findFirst().orElseThrow();
    assertEquals("meetings/operations-group-2007-04-24", guide.getMeeting(), "a matter arising names its meeting");
    assertEquals(date(2007, 4, 24), guide.getMeetingDate(), "and the date it was agreed, not today's meeting's");
    Action done = client.updateActionStatus(UpdateActionStatusRequest.newBuilder().setName(guide.getName())
        .setStatus(ActionStatus.ACTION_STATUS_DONE).setNote("Guide presented to the May Board").build());
    assertEquals(ActionStatus.ACTION_STATUS_DONE, done.getStatus());
    assertEquals(date(2007, 4, 24), done.getMeetingDate(), "the updated action as read");
    Meeting again = client.getMeeting(GetMeetingRequest.newBuilder().setName("meetings/operations-group-2007-06-13")
        .build());
    assertEquals(carried - 1, again.getMattersArisingCount());
  }

  @Test
  void badMeetingsAreRejectedFieldByFieldAndNothingIsWritten() throws Exception {
    long meetings = db.rows("meeting");
    long actions = db.rows("action");
    var bad = Meeting.newBuilder().setId("bad-meeting").setBody("bodies/coventry-partnership-operations-group")
        .setDate(date(2007, 7, 1)).setPlace("x".repeat(5000))
        .addAttendance(Attendance.newBuilder().setPerson("people/les-ratcliffe").setStatus(AttendanceStatus.ATTENDANCE_STATUS_PRESENT))
        .addAttendance(Attendance.newBuilder().setPerson("people/les-ratcliffe").setStatus(AttendanceStatus.ATTENDANCE_STATUS_APOLOGIES))
        .addAttendance(Attendance.newBuilder().setPerson("people/sara-roach").setStatus(AttendanceStatus.ATTENDANCE_STATUS_PRESENT)
            .setSubstituteFor("people/rob-allison"))
        .addItems(AgendaItem.newBuilder().setNumber(1).setTitle("Item").setMinutes("m".repeat(200_000)))
        .addActions(Action.newBuilder().setItem(1).setText("Do something"))
        .addActions(Action.newBuilder().setItem(1).setText("Do it earlier").setOwner("people/sara-roach")
            .setDueDate(date(2007, 6, 1)));
    expectInvalid(() -> client.createMeeting(CreateMeetingRequest.newBuilder().setMeeting(bad).build()),
        "meeting.place", "meeting.attendance[1].person", "meeting.attendance[2].substitute_for",
        "meeting.items[0].minutes", "meeting.actions[0].owner", "meeting.actions[1].due_date");
    assertEquals(meetings, db.rows("meeting"));
    assertEquals(actions, db.rows("action"));
  }

  @Test
  void badStructureIsRejected() throws Exception {
    long memberships = db.rows("membership");
    expectInvalid(() -> client.createMembership(CreateMembershipRequest.newBuilder()
        .setParent("bodies/community-safety-partnership").setMembership(Membership.newBuilder()
            .setPerson("people/sara-roach").setRole(Role.ROLE_ADVISOR).setStartDate(date(2007, 4, 1))
            .setEndDate(date(2007, 3, 31))).build()), "membership.end_date");
    assertEquals(memberships, db.rows("membership"));
    long bodies = db.rows("body");
    expectInvalid(() -> client.createBody(CreateBodyRequest.newBuilder().setBody(Body.newBuilder()
        .setId("new-group").setTitle("New").setTypeValue(77)).build()), "body.type");
    expectInvalid(() -> client.createBody(CreateBodyRequest.newBuilder().setBody(Body.newBuilder()
        .setId("new-group").setTitle("t".repeat(3000)).setType(BodyType.BODY_TYPE_SUB_GROUP)
        .setRemit("r".repeat(30_000))).build()), "body.title", "body.remit");
    assertEquals(bodies, db.rows("body"));
  }

  @Test
  void membershipsAttendanceSearchAndResponsibilities() throws Exception {
    var memberships = client.listMemberships(ListMembershipsRequest.newBuilder().setParent("bodies/-")
        .setPerson("people/sara-roach").build());
    assertTrue(memberships.getMembershipsList().stream()
        .anyMatch(m -> m.getBody().equals("bodies/community-safety-partnership") && m.getRole() == Role.ROLE_ADVISOR),
        memberships.toString());

    // Every body's memberships, page by page (the open-data exports read them so): each once.
    var all = new java.util.ArrayList<Membership>();
    String token = "";
    do {
      var page = client.listMemberships(ListMembershipsRequest.newBuilder().setParent("bodies/-").setPageSize(7)
          .setPageToken(token).build());
      all.addAll(page.getMembershipsList());
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    assertEquals(db.rows("membership"), all.size());
    assertEquals(all.size(), all.stream().map(Membership::getName).distinct().count());

    AttendanceRecord record = client.getAttendanceRecord(GetAttendanceRecordRequest.newBuilder()
        .setPerson("people/sara-roach").build());
    assertTrue(record.getEntriesCount() >= 2);
    assertEquals(record.getEntriesCount(), record.getPresent() + record.getInAttendance() + record.getApologies()
        + record.getAbsent());

    var hits = client.searchMinutes(SearchMinutesRequest.newBuilder().setQuery("succession").build());
    assertEquals("meetings/leaders-and-advisors-2007-08-22", hits.getHits(0).getMeeting());
    assertEquals(3, hits.getHits(0).getItem());
    assertTrue(hits.getHits(0).getSnippet().contains("[Succession]") || hits.getHits(0).getSnippet()
        .contains("[succession]"), hits.getHits(0).getSnippet());

    var resp = client.batchGetResponsibilities(BatchGetResponsibilitiesRequest.newBuilder()
        .addBodies("bodies/community-safety-partnership").addBodies("bodies/no-such-group").build());
    assertEquals(2, resp.getResponsibilitiesCount());
    Responsibility csp = resp.getResponsibilities(0);
    assertEquals("Community Safety Partnership", csp.getDetail().getTitle());
    assertTrue(csp.getPeopleList().stream().anyMatch(p -> p.getRole() == Role.ROLE_CHAIR
        && p.getPerson().getName().equals("people/mark-taylor")), csp.toString());
    assertFalse(resp.getResponsibilities(1).hasDetail());
  }

  /** Memberships filtered by person are paged in SQL: one beyond the body's first page is still found. */
  @Test
  void aPersonsMembershipBeyondTheFirstPageIsListedAndPagingGivesEachOnce() {
    String board = "bodies/coventry-partnership-board";
    List<Membership> all = client.listMemberships(ListMembershipsRequest.newBuilder().setParent(board)
        .setPageSize(500).build()).getMembershipsList();
    assertTrue(all.size() > 3, all.toString());
    String person = all.getLast().getPerson();
    List<String> expected = all.stream().filter(m -> m.getPerson().equals(person)).map(Membership::getName).toList();
    assertTrue(all.subList(0, 3).stream().noneMatch(m -> m.getPerson().equals(person)), all.toString());

    var first = client.listMemberships(ListMembershipsRequest.newBuilder().setParent(board).setPerson(person)
        .setPageSize(3).build());
    assertEquals(expected.getFirst(), first.getMemberships(0).getName());

    List<String> paged = new java.util.ArrayList<>();
    String token = "";
    do {
      var page = client.listMemberships(ListMembershipsRequest.newBuilder().setParent(board).setPerson(person)
          .setPageSize(1).setPageToken(token).build());
      page.getMembershipsList().forEach(m -> paged.add(m.getName()));
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    assertEquals(expected, paged);

    List<String> everyone = new java.util.ArrayList<>();
    token = "";
    do {
      var page = client.listMemberships(ListMembershipsRequest.newBuilder().setParent(board).setPageSize(3)
          .setPageToken(token).build());
      page.getMembershipsList().forEach(m -> everyone.add(m.getName()));
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    assertEquals(all.stream().map(Membership::getName).toList(), everyone);
  }

  /** The contract between the demo data sets: every theme group an indicator names is a body here. */
  @Test
  void everyThemeGroupTheDemoIndicatorsNameExists() throws Exception {
    java.util.Set<String> named = new java.util.TreeSet<>();
    try (var reader = Files.newBufferedReader(Path.of("..", "data", "coventry-2007-08", "laa-simple-view.csv"))) {
      for (var rec : org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(reader)) {
        named.add("bodies/" + rec.get("theme_group_body"));
      }
    }
    var found = client.batchGetResponsibilities(BatchGetResponsibilitiesRequest.newBuilder().addAllBodies(named)
        .build());
    assertEquals(List.of(), found.getResponsibilitiesList().stream().filter(r -> !r.hasDetail())
        .map(Responsibility::getBody).toList());
    assertEquals(9, named.size());
  }

  /** A block summary asks by block: it must get every theme group whose indicators the block holds. */
  @Test
  void askingByBlockGivesEveryThemeGroupWhoseIndicatorsTheBlockHolds() throws Exception {
    java.util.Map<String, java.util.Set<String>> byBlock = new java.util.TreeMap<>();
    try (var reader = Files.newBufferedReader(Path.of("..", "data", "coventry-2007-08", "laa-simple-view.csv"))) {
      for (var rec : org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(reader)) {
        byBlock.computeIfAbsent(rec.get("block"), k -> new java.util.TreeSet<>())
            .add("bodies/" + rec.get("theme_group_body"));
      }
    }
    assertEquals(4, byBlock.size());
    for (var e : byBlock.entrySet()) {
      var found = client.batchGetResponsibilities(BatchGetResponsibilitiesRequest.newBuilder()
          .addBlocks(ProtoEnums.parse(org.laasuite.type.v1.LaaBlock.class, e.getKey()).orElseThrow()).build());
      var names = found.getResponsibilitiesList().stream().map(Responsibility::getBody).toList();
      assertTrue(names.containsAll(e.getValue()), e.getKey() + ": " + names);
      assertEquals(names.size(), new java.util.HashSet<>(names).size(), "no body twice: " + names);
    }
  }

  /**
   * What a block summary asks (blocks and every action on an indicator) and what a card asks (an indicator and its
   * theme group): two statements each, however many blocks, bodies and actions; caller rights are not asked.
   */
  @Test
  void responsibilitiesTakeTwoStatementsWhateverTheNumberOfBodies() {
    statements.reset();
    var oneBlock = client.batchGetResponsibilities(BatchGetResponsibilitiesRequest.newBuilder()
        .addBlocks(org.laasuite.type.v1.LaaBlock.LAA_BLOCK_SAFER_AND_STRONGER_COMMUNITIES).setAllIndicatorActions(true)
        .build());
    long forOne = statements.count();
    statements.reset();
    var allBlocks = client.batchGetResponsibilities(BatchGetResponsibilitiesRequest.newBuilder()
        .addAllBlocks(List.of(org.laasuite.type.v1.LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE,
            org.laasuite.type.v1.LaaBlock.LAA_BLOCK_SAFER_AND_STRONGER_COMMUNITIES,
            org.laasuite.type.v1.LaaBlock.LAA_BLOCK_HEALTHIER_COMMUNITIES_AND_OLDER_PEOPLE,
            org.laasuite.type.v1.LaaBlock.LAA_BLOCK_ECONOMIC_DEVELOPMENT_AND_ENTERPRISE))
        .setAllIndicatorActions(true).build());
    long forAll = statements.count();
    assertTrue(allBlocks.getResponsibilitiesCount() > oneBlock.getResponsibilitiesCount(),
        oneBlock.getResponsibilitiesCount() + " bodies for one block, " + allBlocks.getResponsibilitiesCount()
            + " for four");
    assertTrue(allBlocks.getResponsibilitiesList().stream().anyMatch(r -> r.getOpenActionsCount() > 0),
        "the bodies' actions read with them");
    assertFalse(allBlocks.getIndicatorActionsList().isEmpty());
    assertEquals(forOne, forAll, "statements for one block: " + forOne + ", for four: " + forAll);
    assertTrue(forAll <= 2, "at most 2 statements, was " + forAll);

    statements.reset();
    var card = client.batchGetResponsibilities(BatchGetResponsibilitiesRequest.newBuilder()
        .addIndicators("indicators/SSC-ENV-16").addBodies("bodies/progress-impact-and-evaluation-group").build());
    assertTrue(statements.count() <= 2, "a card's: at most 2 statements, was " + statements.count());
    assertEquals(1, card.getResponsibilitiesCount());
    assertEquals(List.of("people/helen-shankster"), card.getIndicatorActionsList().stream().map(Action::getOwner)
        .toList());
  }

  @Test
  void aBodysOpenActionsAreThoseItHoldsAndThoseAgreedAtItsMeetings() {
    var resp = client.batchGetResponsibilities(BatchGetResponsibilitiesRequest.newBuilder()
        .addBodies("bodies/progress-impact-and-evaluation-group").addBodies("bodies/leaders-and-advisors")
        .build());
    var pie = resp.getResponsibilities(0).getOpenActionsList();
    assertTrue(pie.stream().anyMatch(a -> a.getText().startsWith("PIE to build outcome planning")), pie.toString());
    assertTrue(pie.stream().allMatch(a -> a.getOwner().equals("bodies/progress-impact-and-evaluation-group")
        || a.getBody().equals("bodies/progress-impact-and-evaluation-group")), pie.toString());
    var leaders = resp.getResponsibilities(1).getOpenActionsList();
    assertFalse(leaders.isEmpty());
    assertTrue(leaders.stream().allMatch(a -> a.getBody().equals("bodies/leaders-and-advisors")
        && a.getStatus() == org.laasuite.partnership.v1.ActionStatus.ACTION_STATUS_OPEN), leaders.toString());
    assertTrue(leaders.stream().allMatch(a -> a.getMeeting().equals("meetings/leaders-and-advisors-2007-08-22")
        && a.getMeetingDate().equals(date(2007, 8, 22))), leaders.toString());
  }

  @Test
  void actionsOnIndicatorsAreFoundByIndicatorOneCallForAny() {
    var street = client.listActions(ListActionsRequest.newBuilder().setIndicator("indicators/SSC-ENV-15").build());
    assertEquals(List.of("Helen to present outcome on street cleanliness to the Operations Group in June"),
        street.getActionsList().stream().map(Action::getText).toList());
    assertEquals(List.of("indicators/SSC-ENV-14", "indicators/SSC-ENV-15", "indicators/SSC-ENV-16"),
        street.getActions(0).getIndicatorsList());
    assertEquals(0, client.listActions(ListActionsRequest.newBuilder().setIndicator("indicators/CYP-28").build())
        .getActionsCount());

    var asked = client.batchGetResponsibilities(BatchGetResponsibilitiesRequest.newBuilder()
        .addIndicators("indicators/SSC-ENV-16").addIndicators("indicators/CYP-28").build());
    assertEquals(0, asked.getResponsibilitiesCount());
    assertEquals(List.of("people/helen-shankster"), asked.getIndicatorActionsList().stream().map(Action::getOwner)
        .toList());
    assertEquals(date(2007, 4, 24), asked.getIndicatorActions(0).getMeetingDate(), "agreed at the April meeting");
    assertEquals(street.getActions(0), asked.getIndicatorActions(0), "as ListActions gives it");
    var none = client.batchGetResponsibilities(BatchGetResponsibilitiesRequest.newBuilder()
        .addIndicators("indicators/CYP-28").build());
    assertEquals(0, none.getIndicatorActionsCount());
    var all = client.batchGetResponsibilities(BatchGetResponsibilitiesRequest.newBuilder()
        .setAllIndicatorActions(true).build());
    assertTrue(all.getIndicatorActionsCount() >= 1 && all.getIndicatorActionsList().stream()
        .allMatch(a -> a.getIndicatorsCount() > 0 && a.getStatus() == ActionStatus.ACTION_STATUS_OPEN), all.toString());

    expectInvalid(() -> client.listActions(ListActionsRequest.newBuilder().setIndicator("CYP-28").build()),
        "indicator");
    expectInvalid(() -> client.batchGetResponsibilities(BatchGetResponsibilitiesRequest.newBuilder()
        .addIndicators("indicators/CYP-28").addIndicators("indicators/../x").build()), "indicators[1]");
  }

  @Test
  void anActionOnABadlyNamedIndicatorIsRejectedAndNothingIsWritten() throws Exception {
    long actions = db.rows("action");
    var bad = Meeting.newBuilder().setId("operations-group-2007-07-01")
        .setBody("bodies/coventry-partnership-operations-group").setDate(date(2007, 7, 1))
        .addItems(AgendaItem.newBuilder().setNumber(1).setTitle("NEET"))
        .addActions(Action.newBuilder().setItem(1).setText("Review the NEET figures").setOwner("people/sara-roach")
            .addIndicators("indicators/CYP-28").addIndicators("CYP-27").addIndicators("indicators/CYP-28"));
    expectInvalid(() -> client.createMeeting(CreateMeetingRequest.newBuilder().setMeeting(bad).build()),
        "meeting.actions[0].indicators[1]", "meeting.actions[0].indicators[2]");
    assertEquals(actions, db.rows("action"));
  }

  @Test
  void anActionStatusChangeWithAStaleEtagIsAbortedAndChangesNothing() {
    Meeting m = client.createMeeting(CreateMeetingRequest.newBuilder().setMeeting(Meeting.newBuilder()
        .setId("transport-theme-group-2007-09-03").setBody("bodies/transport-theme-group").setDate(date(2007, 9, 3))
        .addItems(AgendaItem.newBuilder().setNumber(1).setTitle("Bus routes"))
        .addActions(Action.newBuilder().setItem(1).setText("Survey the bus routes")
            .setOwner("bodies/transport-theme-group").setStatus(ActionStatus.ACTION_STATUS_DONE))).build());
    Action read = m.getActions(0);
    assertTrue(read.getEtag().startsWith("\""), "an action's etag is a quoted string: " + read.getEtag());

    Action changed = client.updateActionStatus(UpdateActionStatusRequest.newBuilder().setName(read.getName())
        .setStatus(ActionStatus.ACTION_STATUS_DONE).setNote("Surveyed in August").setEtag(read.getEtag()).build());
    assertEquals("Surveyed in August", changed.getNote());
    assertNotEquals(read.getEtag(), changed.getEtag(), "a change answers a new etag");

    var status = expect(Status.Code.ABORTED, () -> client.updateActionStatus(UpdateActionStatusRequest.newBuilder()
        .setName(read.getName()).setStatus(ActionStatus.ACTION_STATUS_DROPPED).setNote("Overwrites")
        .setEtag(read.getEtag()).build()));
    assertEquals("ETAG_MISMATCH", errorInfo(status).getReason());
    Action now = client.getMeeting(GetMeetingRequest.newBuilder().setName(m.getName()).build()).getActions(0);
    assertEquals(changed, now, "a refused change changes nothing");

    Action again = client.updateActionStatus(UpdateActionStatusRequest.newBuilder().setName(read.getName())
        .setStatus(ActionStatus.ACTION_STATUS_DROPPED).setEtag(changed.getEtag()).build());
    assertEquals(ActionStatus.ACTION_STATUS_DROPPED, again.getStatus());
    assertEquals("Surveyed in August", again.getNote(), "an empty note keeps the one there");
  }

  @Test
  void governanceRulesAreReported() {
    GovernanceReport r = client.checkGovernance(CheckGovernanceRequest.getDefaultInstance());
    assertTrue(r.getCommunityPlacesList().stream().anyMatch(c -> c.getBody().equals("bodies/transport-theme-group")
        && c.getRequired() == 2));
    assertEquals("bodies/coventry-partnership-board", r.getChairRotation().getBoard());
    assertFalse(r.getChairRotation().getExplanation().isEmpty());
  }

  @Test
  void registeredIdentifiersAreImportedAndOnesThatAreNoneAreProblems() throws Exception {
    var good = client.importPartnership(ImportPartnershipRequest.newBuilder().setContent(ByteString.copyFromUtf8("""
        organisations:
          - {id: registered-charity, name: Registered Charity, registered_identifiers: [GB-CHC-1000001]}
        """)).build());
    assertTrue(good.getWritten(), good.toString());
    assertEquals(List.of("GB-CHC-1000001"), client.getOrganisation(GetOrganisationRequest.newBuilder()
        .setName("organisations/registered-charity").build()).getRegisteredIdentifiersList());
    long organisations = db.rows("organisation");
    var bad = client.importPartnership(ImportPartnershipRequest.newBuilder().setContent(ByteString.copyFromUtf8("""
        organisations:
          - {id: other-charity, name: Other Charity, registered_identifiers: [GB-CHC-1000002, "charity 1000003"]}
        """)).build());
    assertFalse(bad.getWritten());
    List<String> paths = bad.getProblemsList().stream().map(ImportProblem::getPath).toList();
    assertTrue(paths.stream().anyMatch(p -> p.startsWith("organisations[0]") && p.contains("registered_identifiers")),
        paths.toString());
    assertEquals(organisations, db.rows("organisation"));
  }

  @Test
  void aDataSetWithProblemsNamesThemAndLoadsNothing() throws Exception {
    long people = db.rows("person");
    String yaml = """
        organisations:
          - {id: new-org, name: New Org, sector: GALACTIC}
        people:
          - {id: new-person, name: New Person, organisation: no-such-org}
        bodies:
          - {id: new-body, name: New Body, type: THEME_GROUP}
        meetings:
          - id: new-meeting
            body: new-body
            date: 2008-01-10
            attendance:
              - {person: ghost, status: PRESENT}
        """;
    var r = client.importPartnership(ImportPartnershipRequest.newBuilder().setContent(ByteString.copyFromUtf8(yaml))
        .build());
    assertFalse(r.getWritten());
    List<String> paths = r.getProblemsList().stream().map(ImportProblem::getPath).toList();
    assertTrue(paths.contains("organisations[0].sector"), paths.toString());
    assertTrue(paths.contains("people[0].organisation"), paths.toString());
    assertTrue(paths.contains("meetings[0].attendance[0].person"), paths.toString());
    assertEquals(people, db.rows("person"));
  }

  @Test
  void aFileThatIsNotUtf8TextIsAProblemNeverAnError() throws Exception {
    long people = db.rows("person");
    var latin1 = client.importPartnership(ImportPartnershipRequest.newBuilder()
        .setContent(ByteString.copyFrom("people:\n  - {id: zoe, name: Zo\u00eb}\n".getBytes(StandardCharsets.ISO_8859_1)))
        .build());
    assertFalse(latin1.getWritten());
    assertTrue(latin1.getProblems(0).getDescription().contains("not UTF-8"), latin1.toString());
    var nul = client.importPartnership(ImportPartnershipRequest.newBuilder()
        .setContent(ByteString.copyFromUtf8("people:\n  - {id: zoe, name: Zo\0e}\n")).build());
    assertFalse(nul.getWritten());
    assertEquals(2, nul.getProblems(0).getLine(), nul.toString());
    var empty = client.importPartnership(ImportPartnershipRequest.newBuilder().setContent(ByteString.copyFromUtf8(" "))
        .build());
    assertTrue(empty.getProblems(0).getDescription().contains("empty"), empty.toString());
    assertEquals(people, db.rows("person"));
  }
}
