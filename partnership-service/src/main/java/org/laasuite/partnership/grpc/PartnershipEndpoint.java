package org.laasuite.partnership.grpc;

import static org.laasuite.common.grpc.Unary.reply;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.Violations;
import org.laasuite.partnership.body.BodyService;
import org.laasuite.partnership.body.Membership;
import org.laasuite.partnership.directory.DirectoryService;
import org.laasuite.partnership.directory.Person;
import org.laasuite.partnership.governance.GovernanceService;
import org.laasuite.partnership.importer.PartnershipImporter;
import org.laasuite.partnership.meeting.MeetingMapper;
import org.laasuite.partnership.meeting.MeetingService;
import org.laasuite.partnership.plan.PlanService;
import org.laasuite.partnership.v1.*;

/** The gRPC face of the partnership service: thin; errors are ApiExceptions the shared interceptor translates. */
@Singleton
public class PartnershipEndpoint extends PartnershipServiceGrpc.PartnershipServiceImplBase {

  private final DirectoryService directory;
  private final BodyService bodies;
  private final MeetingService meetings;
  private final GovernanceService governance;
  private final PlanService plans;
  private final PartnershipImporter importer;

  public PartnershipEndpoint(DirectoryService directory, BodyService bodies, MeetingService meetings,
      GovernanceService governance, PlanService plans, PartnershipImporter importer) {
    this.directory = directory;
    this.bodies = bodies;
    this.meetings = meetings;
    this.governance = governance;
    this.plans = plans;
    this.importer = importer;
  }

  private Map<Long, org.laasuite.partnership.directory.Organisation> orgsOf(List<Person> people) {
    return directory.organisationsById(people.stream().map(Person::organisationId).filter(Objects::nonNull)
        .collect(Collectors.toSet()));
  }

  @Override
  public void getOrganisation(GetOrganisationRequest r, StreamObserver<Organisation> out) {
    reply(out, () -> directory.toProto(directory.organisation(r.getName(), "name")));
  }

  @Override
  public void listOrganisations(ListOrganisationsRequest r, StreamObserver<ListOrganisationsResponse> out) {
    reply(out, () -> {
      Pages.Page p = Pages.page(r.getPageSize(), r.getPageToken(), "organisations");
      var rows = directory.listOrganisations(p);
      return ListOrganisationsResponse.newBuilder().addAllOrganisations(rows.stream().map(directory::toProto).toList())
          .setNextPageToken(p.nextToken(rows.size())).build();
    });
  }

  @Override
  public void createOrganisation(CreateOrganisationRequest r, StreamObserver<Organisation> out) {
    reply(out, () -> directory.toProto(directory.create(r.getOrganisation())));
  }

  @Override
  public void getPerson(GetPersonRequest r, StreamObserver<org.laasuite.partnership.v1.Person> out) {
    reply(out, () -> {
      Person p = directory.person(r.getName(), "name");
      return DirectoryService.toProto(p, orgsOf(List.of(p)));
    });
  }

  @Override
  public void listPeople(ListPeopleRequest r, StreamObserver<ListPeopleResponse> out) {
    reply(out, () -> {
      Pages.Page p = Pages.page(r.getPageSize(), r.getPageToken(), "people");
      var rows = directory.listPeople(p);
      var orgs = orgsOf(rows);
      return ListPeopleResponse.newBuilder().addAllPeople(rows.stream().map(x -> DirectoryService.toProto(x, orgs))
          .toList()).setNextPageToken(p.nextToken(rows.size())).build();
    });
  }

  @Override
  public void createPerson(CreatePersonRequest r, StreamObserver<org.laasuite.partnership.v1.Person> out) {
    reply(out, () -> {
      Person p = directory.create(r.getPerson());
      return DirectoryService.toProto(p, orgsOf(List.of(p)));
    });
  }

  private Body body(org.laasuite.partnership.body.Body b) {
    Set<Long> related = new HashSet<>();
    if (b.parentId() != null) {
      related.add(b.parentId());
    }
    if (b.successorId() != null) {
      related.add(b.successorId());
    }
    return BodyService.toProto(b, bodies.byIds(related));
  }

  @Override
  public void getBody(GetBodyRequest r, StreamObserver<Body> out) {
    reply(out, () -> body(bodies.get(r.getName(), "name")));
  }

  @Override
  public void listBodies(ListBodiesRequest r, StreamObserver<ListBodiesResponse> out) {
    reply(out, () -> {
      Violations v = new Violations();
      v.check(r.getType() != BodyType.UNRECOGNIZED, "type", "is not a known body type");
      Pages.Page p = Pages.page(r.getPageSize(), r.getPageToken(), "bodies;" + r.getType(), v);
      v.throwIfAny();
      var rows = bodies.list(p, r.getType());
      var related = bodies.byIds(rows.stream().flatMap(b -> java.util.stream.Stream.of(b.parentId(), b.successorId()))
          .filter(Objects::nonNull).collect(Collectors.toSet()));
      return ListBodiesResponse.newBuilder().addAllBodies(rows.stream().map(b -> BodyService.toProto(b, related))
          .toList()).setNextPageToken(p.nextToken(rows.size())).build();
    });
  }

  @Override
  public void createBody(CreateBodyRequest r, StreamObserver<Body> out) {
    reply(out, () -> body(bodies.create(r.getBody())));
  }

  private List<org.laasuite.partnership.v1.Membership> memberships(List<Membership> ms) {
    var people = directory.peopleById(ms.stream().map(Membership::personId).collect(Collectors.toSet()));
    var orgs = directory.organisationsById(ms.stream().map(Membership::representsId).filter(Objects::nonNull)
        .collect(Collectors.toSet()));
    var bs = bodies.byIds(ms.stream().map(Membership::bodyId).collect(Collectors.toSet()));
    return ms.stream().map(m -> BodyService.toProto(m, bs.get(m.bodyId()), people, orgs)).toList();
  }

  @Override
  public void createMembership(CreateMembershipRequest r,
      StreamObserver<org.laasuite.partnership.v1.Membership> out) {
    reply(out, () -> memberships(List.of(bodies.createMembership(r.getParent(), r.getMembership()))).getFirst());
  }

  @Override
  public void listMemberships(ListMembershipsRequest r, StreamObserver<ListMembershipsResponse> out) {
    reply(out, () -> {
      if (r.getParent().equals("bodies/-")) {
        Violations v = new Violations();
        v.check(!r.getPerson().isEmpty(), "person", "is required when the parent is 'bodies/-'");
        v.throwIfAny();
        var ms = bodies.membershipsOf(directory.person(r.getPerson(), "person"));
        return ListMembershipsResponse.newBuilder().addAllMemberships(memberships(ms)).build();
      }
      Pages.Page p = Pages.page(r.getPageSize(), r.getPageToken(), "memberships;" + r.getParent() + ";" + r.getPerson());
      var body = bodies.get(r.getParent(), "parent");
      Person person = r.getPerson().isEmpty() ? null : directory.person(r.getPerson(), "person");
      var ms = bodies.membershipsOf(body, person, p);
      return ListMembershipsResponse.newBuilder().addAllMemberships(memberships(ms))
          .setNextPageToken(p.nextToken(ms.size())).build();
    });
  }

  @Override
  public void getMeeting(GetMeetingRequest r, StreamObserver<Meeting> out) {
    reply(out, () -> MeetingMapper.toProto(meetings.get(r.getName())));
  }

  @Override
  public void listMeetings(ListMeetingsRequest r, StreamObserver<ListMeetingsResponse> out) {
    reply(out, () -> {
      Pages.Page p = Pages.page(r.getPageSize(), r.getPageToken(), "meetings;" + r.getBody());
      var rows = meetings.list(r.getBody(), p);
      var bs = bodies.byIds(rows.stream().map(org.laasuite.partnership.meeting.Meeting::bodyId)
          .collect(Collectors.toSet()));
      return ListMeetingsResponse.newBuilder().addAllMeetings(rows.stream()
          .map(m -> MeetingMapper.summary(m, bs.get(m.bodyId()))).toList())
          .setNextPageToken(p.nextToken(rows.size())).build();
    });
  }

  @Override
  public void createMeeting(CreateMeetingRequest r, StreamObserver<Meeting> out) {
    reply(out, () -> MeetingMapper.toProto(meetings.create(r.getMeeting())));
  }

  private static List<Action> actions(MeetingService.ActionPage page) {
    return page.actions().stream().map(a -> MeetingMapper.toProto(a, page.meetings().get(a.meetingId()),
        page.bodies().get(page.meetings().get(a.meetingId()).bodyId()))).toList();
  }

  @Override
  public void listActions(ListActionsRequest r, StreamObserver<ListActionsResponse> out) {
    reply(out, () -> {
      var page = meetings.listActions(r.getOwner(), r.getBody(), r.getStatus(), r.getIndicator(), r.getPageSize(),
          r.getPageToken());
      return ListActionsResponse.newBuilder().addAllActions(actions(page)).setNextPageToken(page.nextPageToken())
          .build();
    });
  }

  @Override
  public void updateActionStatus(UpdateActionStatusRequest r, StreamObserver<Action> out) {
    reply(out, () -> actions(meetings.updateActionStatus(r.getName(), r.getStatus(), r.getNote())).getFirst());
  }

  @Override
  public void getAttendanceRecord(GetAttendanceRecordRequest r, StreamObserver<AttendanceRecord> out) {
    reply(out, () -> meetings.attendanceRecord(r.getPerson()));
  }

  @Override
  public void searchMinutes(SearchMinutesRequest r, StreamObserver<SearchMinutesResponse> out) {
    reply(out, () -> SearchMinutesResponse.newBuilder().addAllHits(meetings.search(r.getQuery(), r.getPageSize()))
        .build());
  }

  @Override
  public void batchGetResponsibilities(BatchGetResponsibilitiesRequest r,
      StreamObserver<BatchGetResponsibilitiesResponse> out) {
    reply(out, () -> BatchGetResponsibilitiesResponse.newBuilder()
        .addAllResponsibilities(bodies.responsibilities(r.getBodiesList(), r.getBlocksList(),
            meetings::openActionsOf))
        .addAllIndicatorActions(meetings.openActionsOn(r.getIndicatorsList(), r.getAllIndicatorActions())).build());
  }

  @Override
  public void checkGovernance(CheckGovernanceRequest r, StreamObserver<GovernanceReport> out) {
    reply(out, () -> governance.check(LocalDate.now()));
  }

  @Override
  public void getImprovementPlan(GetImprovementPlanRequest r, StreamObserver<ImprovementPlan> out) {
    reply(out, () -> plans.get(r.getName()));
  }

  @Override
  public void listImprovementPlans(ListImprovementPlansRequest r, StreamObserver<ListImprovementPlansResponse> out) {
    reply(out, () -> {
      Pages.Page p = Pages.page(r.getPageSize(), r.getPageToken(), "plans");
      var rows = plans.list(p);
      return ListImprovementPlansResponse.newBuilder().addAllImprovementPlans(rows)
          .setNextPageToken(p.nextToken(rows.size())).build();
    });
  }

  @Override
  public void listRisks(ListRisksRequest r, StreamObserver<ListRisksResponse> out) {
    reply(out, () -> {
      Pages.Page p = Pages.page(r.getPageSize(), r.getPageToken(), "risks");
      var rows = plans.risks(p);
      return ListRisksResponse.newBuilder().addAllRisks(rows).setNextPageToken(p.nextToken(rows.size())).build();
    });
  }

  @Override
  public void importPartnership(ImportPartnershipRequest r, StreamObserver<ImportPartnershipResponse> out) {
    reply(out, () -> importer.importFile(r));
  }
}
