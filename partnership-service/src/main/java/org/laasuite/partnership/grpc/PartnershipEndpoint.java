package org.laasuite.partnership.grpc;

import static org.laasuite.common.grpc.FieldBehaviors.sameInput;
import static org.laasuite.common.grpc.Unary.reply;

import com.google.protobuf.Empty;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.laasuite.common.audit.AuditLog;
import org.laasuite.common.audit.ChangeFeed;
import org.laasuite.common.db.RequestLog;
import org.laasuite.common.grpc.FieldMasks;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.common.security.Authorizer;
import org.laasuite.common.security.Callers;
import org.laasuite.partnership.access.AccessMapper;
import org.laasuite.partnership.access.AccessService;
import org.laasuite.partnership.body.BodyMapper;
import org.laasuite.partnership.body.BodyRow;
import org.laasuite.partnership.body.BodyService;
import org.laasuite.partnership.body.MembershipRow;
import org.laasuite.partnership.directory.DirectoryMapper;
import org.laasuite.partnership.directory.DirectoryService;
import org.laasuite.partnership.directory.OrganisationRow;
import org.laasuite.partnership.directory.PersonRow;
import org.laasuite.partnership.governance.GovernanceMapper;
import org.laasuite.partnership.governance.GovernanceService;
import org.laasuite.partnership.importer.PartnershipImporter;
import org.laasuite.partnership.meeting.ActionRow;
import org.laasuite.partnership.meeting.MeetingMapper;
import org.laasuite.partnership.meeting.MeetingRow;
import org.laasuite.partnership.meeting.MeetingService;
import org.laasuite.partnership.plan.PlanMapper;
import org.laasuite.partnership.plan.PlanService;
import org.laasuite.partnership.v1.*;
import org.laasuite.type.v1.ListAuditEventsRequest;
import org.laasuite.type.v1.ListAuditEventsResponse;
import org.laasuite.type.v1.WatchChangesRequest;
import org.laasuite.type.v1.WatchChangesResponse;

/** The gRPC face of the partnership service: thin; errors are ApiExceptions the shared interceptor translates. */
@Singleton
public class PartnershipEndpoint extends PartnershipServiceGrpc.PartnershipServiceImplBase {

  private final RequestLog requestLog;
  private final DirectoryService directory;
  private final BodyService bodies;
  private final MeetingService meetings;
  private final GovernanceService governance;
  private final PlanService plans;
  private final PartnershipImporter importer;
  private final AccessService access;
  private final Authorizer authorizer;
  private final AuditLog audit;
  private final ChangeFeed changes;

  public PartnershipEndpoint(DirectoryService directory, BodyService bodies, MeetingService meetings,
      GovernanceService governance, PlanService plans, PartnershipImporter importer, RequestLog requestLog,
      AccessService access, Authorizer authorizer, AuditLog audit, ChangeFeed changes) {
    this.audit = audit;
    this.changes = changes;
    this.requestLog = requestLog;
    this.access = access;
    this.authorizer = authorizer;
    this.directory = directory;
    this.bodies = bodies;
    this.meetings = meetings;
    this.governance = governance;
    this.plans = plans;
    this.importer = importer;
  }

  private Map<Long, OrganisationRow> orgsOf(List<PersonRow> people) {
    return directory.organisationsById(people.stream().map(PersonRow::organisationId).filter(Objects::nonNull)
        .collect(Collectors.toSet()));
  }

  @Override
  public void getOrganisation(GetOrganisationRequest r, StreamObserver<Organisation> out) {
    reply(out, () -> DirectoryMapper.toProto(directory.organisation(r.getName(), "name")));
  }

  @Override
  public void listOrganisations(ListOrganisationsRequest r, StreamObserver<ListOrganisationsResponse> out) {
    reply(out, () -> {
      Pages.Page p = Pages.page(r.getPageSize(), r.getPageToken(), "organisations");
      var slice = directory.listOrganisations(p);
      return ListOrganisationsResponse.newBuilder().addAllOrganisations(slice.map(DirectoryMapper::toProto))
          .setNextPageToken(slice.nextPageToken()).build();
    });
  }

  @Override
  public void createOrganisation(CreateOrganisationRequest r, StreamObserver<Organisation> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_PARTNERSHIP, "create",
          "organisations/" + r.getOrganisation().getId());
      return requestLog.once(r, () -> {
        Violations v = new Violations();
        var row = DirectoryMapper.fromProto(r.getOrganisation(), "organisation.", v);
        return DirectoryMapper.toProto(directory.create(row, v, sameInput(DirectoryMapper::toProto, row)));
      }, Organisation.parser());
    });
  }

  @Override
  public void getPerson(GetPersonRequest r, StreamObserver<Person> out) {
    reply(out, () -> {
      PersonRow p = directory.person(r.getName(), "name");
      return DirectoryMapper.toProto(p, orgsOf(List.of(p)));
    });
  }

  @Override
  public void listPeople(ListPeopleRequest r, StreamObserver<ListPeopleResponse> out) {
    reply(out, () -> {
      Pages.Page p = Pages.page(r.getPageSize(), r.getPageToken(), "people");
      var slice = directory.listPeople(p);
      var orgs = orgsOf(slice.items());
      return ListPeopleResponse.newBuilder().addAllPeople(slice.map(x -> DirectoryMapper.toProto(x, orgs)))
          .setNextPageToken(slice.nextPageToken()).build();
    });
  }

  @Override
  public void createPerson(CreatePersonRequest r, StreamObserver<Person> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_PARTNERSHIP, "create", "people/" + r.getPerson().getId());
      return requestLog.once(r, () -> {
        Violations v = new Violations();
        var row = DirectoryMapper.fromProto(r.getPerson(), "person.", v);
        PersonRow p = directory.create(row, r.getPerson().getOrganisation(), v,
            asked -> sameInput(x -> DirectoryMapper.toProto(x, orgsOf(List.of(x))), asked));
        return DirectoryMapper.toProto(p, orgsOf(List.of(p)));
      }, Person.parser());
    });
  }

  @Override
  public void updatePerson(UpdatePersonRequest r, StreamObserver<Person> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_PARTNERSHIP, "change", r.getPerson().getName());
      Violations v = new Violations();
      var paths = DirectoryMapper.updatePaths(r, v);
      v.throwIfAny();
      PersonRow p = directory.update(r.getPerson().getName(), r.getPerson().getEtag(), r.getPerson(), paths);
      return DirectoryMapper.toProto(p, orgsOf(List.of(p)));
    });
  }

  /** Bodies with the names of their parents and successors (one statement for any number). */
  private List<Body> bodies(List<BodyRow> rows) {
    var related = bodies.byIds(rows.stream().flatMap(b -> Stream.of(b.parentId(), b.successorId()))
        .filter(Objects::nonNull).collect(Collectors.toSet()));
    return rows.stream().map(b -> BodyMapper.toProto(b, related)).toList();
  }

  private Body body(BodyRow b) {
    return bodies(List.of(b)).getFirst();
  }

  @Override
  public void getBody(GetBodyRequest r, StreamObserver<Body> out) {
    reply(out, () -> body(bodies.get(r.getName(), "name")));
  }

  @Override
  public void listBodies(ListBodiesRequest r, StreamObserver<ListBodiesResponse> out) {
    reply(out, () -> {
      Violations v = new Violations();
      ProtoEnums.known(r.getType(), "type", v);
      Pages.Page p = Pages.page(r.getPageSize(), r.getPageToken(), "bodies;" + r.getType(), v);
      v.throwIfAny();
      var slice = bodies.list(r.getType(), p);
      return ListBodiesResponse.newBuilder().addAllBodies(bodies(slice.items()))
          .setNextPageToken(slice.nextPageToken()).build();
    });
  }

  @Override
  public void createBody(CreateBodyRequest r, StreamObserver<Body> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_PARTNERSHIP, "create", "bodies/" + r.getBody().getId());
      return requestLog.once(r, () -> {
        Violations v = new Violations();
        var row = BodyMapper.fromProto(r.getBody(), "body.", v);
        return body(bodies.create(row, r.getBody().getParent(), r.getBody().getSuccessor(), v,
            asked -> sameInput(this::body, asked)));
      }, Body.parser());
    });
  }

  private List<Membership> memberships(List<MembershipRow> ms) {
    var people = directory.peopleById(ms.stream().map(MembershipRow::personId).collect(Collectors.toSet()));
    var orgs = directory.organisationsById(ms.stream().map(MembershipRow::representsId).filter(Objects::nonNull)
        .collect(Collectors.toSet()));
    var bs = bodies.byIds(ms.stream().map(MembershipRow::bodyId).collect(Collectors.toSet()));
    return ms.stream().map(m -> BodyMapper.toProto(m, bs.get(m.bodyId()), people, orgs)).toList();
  }

  @Override
  public void createMembership(CreateMembershipRequest r,
      StreamObserver<Membership> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_PARTNERSHIP, "add a membership to", r.getParent());
      return requestLog.once(r, () -> {
        Violations v = new Violations();
        var in = r.getMembership();
        var row = BodyMapper.fromProto(in, "membership.", v);
        return memberships(List.of(bodies.createMembership(r.getParent(), row, in.getPerson(), in.getRepresents(), v)))
            .getFirst();
      }, Membership.parser());
    });
  }

  @Override
  public void listMemberships(ListMembershipsRequest r, StreamObserver<ListMembershipsResponse> out) {
    reply(out, () -> {
      boolean anyBody = r.getParent().equals("bodies/-");
      Violations v = new Violations();
      Pages.Page p = Pages.page(r.getPageSize(), r.getPageToken(), "memberships;" + r.getParent() + ";" + r.getPerson(),
          v);
      v.throwIfAny();
      var body = anyBody ? null : bodies.get(r.getParent(), "parent");
      PersonRow person = r.getPerson().isEmpty() ? null : directory.person(r.getPerson(), "person");
      var slice = bodies.memberships(body, person, p);
      return ListMembershipsResponse.newBuilder().addAllMemberships(memberships(slice.items()))
          .setNextPageToken(slice.nextPageToken()).build();
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
      var slice = meetings.list(r.getBody(), p);
      var bs = bodies.byIds(slice.items().stream().map(MeetingRow::bodyId)
          .collect(Collectors.toSet()));
      return ListMeetingsResponse.newBuilder().addAllMeetings(slice.map(m -> MeetingMapper.summary(m, bs.get(m.bodyId()))))
          .setNextPageToken(slice.nextPageToken()).build();
    });
  }

  @Override
  public void createMeeting(CreateMeetingRequest r, StreamObserver<Meeting> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_MEETINGS, "record", "meetings/" + r.getMeeting().getId());
      return requestLog.once(r, () -> {
        Violations v = new Violations();
        var draft = MeetingMapper.fromProto(r.getMeeting(), "meeting.", v);
        return MeetingMapper.toProto(meetings.create(draft, v, asked -> sameInput(MeetingMapper::toProto, asked)));
      }, Meeting.parser());
    });
  }

  @Override
  public void updateMeeting(UpdateMeetingRequest r, StreamObserver<Meeting> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_MEETINGS, "change", r.getMeeting().getName());
      Violations v = new Violations();
      Set<String> paths = FieldMasks.paths(r.getUpdateMask(), MeetingService.UPDATABLE, v);
      ResourceNames.MEETINGS.id(r.getMeeting().getName(), "meeting.name", v);
      if (paths.contains("status")) {
        ProtoEnums.required(r.getMeeting().getStatus(), "meeting.status", v);
      }
      v.throwIfAny();
      return requestLog.once(r, () -> MeetingMapper.toProto(meetings.update(r.getMeeting().getName(),
          r.getMeeting().getEtag(), r.getMeeting(), paths)), Meeting.parser());
    });
  }

  @Override
  public void approveMinutes(ApproveMinutesRequest r, StreamObserver<Meeting> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_MEETINGS, "approve the minutes of", r.getName());
      Violations v = new Violations();
      ResourceNames.MEETINGS.id(r.getName(), "name", v);
      ResourceNames.MEETINGS.id(r.getApprovingMeeting(), "approving_meeting", v);
      v.throwIfAny();
      return requestLog.once(r, () -> MeetingMapper.toProto(meetings.approve(r.getName(), r.getApprovingMeeting())),
          Meeting.parser());
    });
  }

  @Override
  public void listDecisions(ListDecisionsRequest r, StreamObserver<ListDecisionsResponse> out) {
    reply(out, () -> {
      Violations v = new Violations();
      if (!r.getIndicator().isEmpty()) {
        ResourceNames.INDICATORS.id(r.getIndicator(), "indicator", v);
      }
      if (!r.getCommitment().isEmpty()) {
        ResourceNames.COMMITMENTS.id(r.getCommitment(), "commitment", v);
      }
      Pages.Page p = Pages.page(r.getPageSize(), r.getPageToken(), "decisions;" + r.getIndicator() + ";"
          + r.getCommitment(), v);
      v.throwIfAny();
      var slice = meetings.listDecisions(r.getIndicator(), r.getCommitment(), p);
      var origins = meetings.originsOfDecisions(slice.items());
      return ListDecisionsResponse.newBuilder()
          .addAllDecisions(slice.map(d -> {
            MeetingRow m = origins.meetings().get(d.meetingId());
            return MeetingMapper.toProto(d, m, origins.bodies().get(m.bodyId()));
          }))
          .setNextPageToken(slice.nextPageToken()).build();
    });
  }

  @Override
  public void listMinutesRevisions(ListMinutesRevisionsRequest r, StreamObserver<ListMinutesRevisionsResponse> out) {
    reply(out, () -> {
      Pages.Page p = Pages.page(r.getPageSize(), r.getPageToken(), "minutesRevisions;" + r.getParent());
      MeetingRow m = meetings.find(r.getParent(), "parent");
      var slice = meetings.revisions(r.getParent(), p);
      return ListMinutesRevisionsResponse.newBuilder()
          .addAllMinutesRevisions(slice.map(x -> MeetingMapper.toProto(m, x)))
          .setNextPageToken(slice.nextPageToken()).build();
    });
  }

  /** Actions with the meetings and bodies they came from (two statements for any number). */
  private List<Action> actions(List<ActionRow> rows) {
    var origins = meetings.originsOf(rows);
    return rows.stream().map(a -> MeetingMapper.toProto(a, origins)).toList();
  }

  @Override
  public void listActions(ListActionsRequest r, StreamObserver<ListActionsResponse> out) {
    reply(out, () -> {
      Violations v = new Violations();
      MeetingMapper.checkActionFilters(r.getOwner(), r.getStatus(), r.getIndicator(), r.getCommitment(), v);
      Pages.Page p = Pages.page(r.getPageSize(), r.getPageToken(), "actions;" + r.getOwner() + ";" + r.getBody() + ";"
          + r.getStatus() + ";" + r.getIndicator() + ";" + r.getCommitment(), v);
      v.throwIfAny();
      var slice = meetings.listActions(r.getOwner(), r.getBody(), r.getStatus(), r.getIndicator(),
          r.getCommitment(), p);
      return ListActionsResponse.newBuilder().addAllActions(actions(slice.items()))
          .setNextPageToken(slice.nextPageToken()).build();
    });
  }

  @Override
  public void updateActionStatus(UpdateActionStatusRequest r, StreamObserver<Action> out) {
    reply(out, () -> {
      Violations v = new Violations();
      long id = MeetingMapper.checkStatusUpdate(r, v);
      v.throwIfAny();
      // Its holder (a person, or a body) decides whose right it takes.
      authorizer.require(Permission.PERMISSION_UPDATE_ACTIONS, List.of(meetings.action(id, r.getName()).owner()),
          "update the status of", r.getName());
      return actions(List.of(meetings.updateActionStatus(id, r.getName(), r.getEtag(), r.getStatus(), r.getNote())))
          .getFirst();
    });
  }


  @Override
  public void getAttendanceRecord(GetAttendanceRecordRequest r, StreamObserver<AttendanceRecord> out) {
    reply(out, () -> MeetingMapper.toProto(meetings.attendanceRecord(r.getPerson())));
  }

  @Override
  public void searchMinutes(SearchMinutesRequest r, StreamObserver<SearchMinutesResponse> out) {
    reply(out, () -> {
      Violations v = new Violations();
      v.requiredText(r.getQuery(), 1000, "query");
      Pages.Page p = Pages.page(r.getPageSize(), "", "minutes;" + r.getQuery(), v);
      v.throwIfAny();
      return SearchMinutesResponse.newBuilder().addAllHits(meetings.search(r.getQuery(), p).stream()
          .map(MeetingMapper::toProto).toList()).build();
    });
  }

  @Override
  public void batchGetResponsibilities(BatchGetResponsibilitiesRequest r,
      StreamObserver<BatchGetResponsibilitiesResponse> out) {
    reply(out, () -> {
      // Two statements: the bodies with their people, then the open actions with where they came from.
      var found = bodies.responsibilities(r.getBodiesList(), r.getBlocksList());
      var open = meetings.openActions(found.bodies(), r.getIndicatorsList(), r.getAllIndicatorActions());
      var origins = open.ofBodies().origins();
      return BatchGetResponsibilitiesResponse.newBuilder()
          .addAllResponsibilities(BodyMapper.toProto(found, MeetingMapper.toProto(open.ofBodies())))
          .addAllIndicatorActions(open.onIndicators().stream().map(a -> MeetingMapper.toProto(a, origins)).toList())
          .build();
    });
  }

  @Override
  public void checkGovernance(CheckGovernanceRequest r, StreamObserver<GovernanceReport> out) {
    reply(out, () -> GovernanceMapper.toProto(governance.check(LocalDate.now())));
  }

  @Override
  public void getImprovementPlan(GetImprovementPlanRequest r, StreamObserver<ImprovementPlan> out) {
    reply(out, () -> {
      var plan = plans.get(r.getName());
      return plans.toProto(plan, plans.itemsOf(List.of(plan)).getOrDefault(plan.id(), List.of()));
    });
  }

  @Override
  public void listImprovementPlans(ListImprovementPlansRequest r, StreamObserver<ListImprovementPlansResponse> out) {
    reply(out, () -> {
      Pages.Page p = Pages.page(r.getPageSize(), r.getPageToken(), "plans");
      var slice = plans.list(p);
      var items = plans.itemsOf(slice.items());
      var notes = plans.notesOf(items.values().stream().flatMap(List::stream).toList());
      return ListImprovementPlansResponse.newBuilder()
          .addAllImprovementPlans(slice.map(x -> PlanMapper.toProto(x, items.getOrDefault(x.id(), List.of()),
              notes)))
          .setNextPageToken(slice.nextPageToken()).build();
    });
  }

  @Override
  public void createImprovementItem(CreateImprovementItemRequest r, StreamObserver<ImprovementItem> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_MEETINGS, "add an item to", r.getParent());
      return requestLog.once(r, () -> plans.createItem(r.getParent(), r.getAreaRef().strip(), r.getAreaTitle(),
          r.getItem()), ImprovementItem.parser());
    });
  }

  @Override
  public void updateImprovementItem(UpdateImprovementItemRequest r, StreamObserver<ImprovementItem> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_MEETINGS, "change", r.getItem().getName());
      Violations v = new Violations();
      Set<String> paths = Set.of();
      if (r.getUpdateMask().getPathsCount() > 0) {
        paths = FieldMasks.paths(r.getUpdateMask(), PlanMapper.UPDATABLE_ITEM, v);
      } else if (!r.hasAddProgressNote()) {
        v.add("update_mask", "is required: name the fields to change, or add a progress note");
      }
      ResourceNames.child(r.getItem().getName(), ResourceNames.IMPROVEMENT_PLANS, PlanMapper.ITEMS, "item.name", v);
      v.throwIfAny();
      String author = authorizer.who();
      Set<String> masked = paths;
      return requestLog.once(r, () -> plans.updateItem(r.getItem().getName(), r.getItem().getEtag(), r.getItem(),
          masked, r.hasAddProgressNote() ? r.getAddProgressNote() : null, author, LocalDate.now()),
          ImprovementItem.parser());
    });
  }

  @Override
  public void listRisks(ListRisksRequest r, StreamObserver<ListRisksResponse> out) {
    reply(out, () -> {
      Pages.Page p = Pages.page(r.getPageSize(), r.getPageToken(), "risks");
      var slice = plans.risks(p);
      return ListRisksResponse.newBuilder().addAllRisks(slice.map(PlanMapper::toProto))
          .setNextPageToken(slice.nextPageToken()).build();
    });
  }

  @Override
  public void createRisk(CreateRiskRequest r, StreamObserver<Risk> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_MEETINGS, "add to the risk register",
          "risks/" + r.getRisk().getId());
      return requestLog.once(r, () -> PlanMapper.toProto(plans.createRisk(r.getRisk())), Risk.parser());
    });
  }

  @Override
  public void updateRisk(UpdateRiskRequest r, StreamObserver<Risk> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_MEETINGS, "change", r.getRisk().getName());
      Violations v = new Violations();
      Set<String> paths = FieldMasks.paths(r.getUpdateMask(), PlanMapper.UPDATABLE_RISK, v);
      ResourceNames.RISKS.id(r.getRisk().getName(), "risk.name", v);
      v.throwIfAny();
      return requestLog.once(r, () -> PlanMapper.toProto(plans.updateRisk(r.getRisk().getName(), r.getRisk().getEtag(),
          r.getRisk(), paths)), Risk.parser());
    });
  }

  @Override
  public void importPartnership(ImportPartnershipRequest r, StreamObserver<ImportPartnershipResponse> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_PARTNERSHIP, "import", "a partnership data set");
      return requestLog.once(r, () -> importer.importFile(r), ImportPartnershipResponse.parser());
    });
  }

  @Override
  public void getCallerRights(GetCallerRightsRequest r, StreamObserver<CallerRights> out) {
    reply(out, () -> AccessMapper.toProto(r.getPerson().isEmpty() ? access.of(Callers.current())
        : access.ofPerson(r.getPerson())));
  }

  @Override
  public void listRights(ListRightsRequest r, StreamObserver<ListRightsResponse> out) {
    reply(out, () -> {
      var page = access.everyone(Pages.page(r.getPageSize(), r.getPageToken(), "rights"));
      return ListRightsResponse.newBuilder().addAllPeople(page.map(AccessMapper::toProto))
          .setNextPageToken(page.nextPageToken()).build();
    });
  }

  @Override
  public void createSignInLink(CreateSignInLinkRequest r, StreamObserver<SignInLink> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_PARTNERSHIP, "link a sign-in to", r.getParent());
      return requestLog.once(r, () -> {
        Violations v = new Violations();
        var row = AccessMapper.fromProto(r.getSignInLink(), "sign_in_link", v);
        v.throwIfAny();
        return AccessMapper.toProto(access.link(r.getParent(), row));
      }, SignInLink.parser());
    });
  }

  @Override
  public void listSignInLinks(ListSignInLinksRequest r, StreamObserver<ListSignInLinksResponse> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_PARTNERSHIP, "list the sign-ins of", r.getParent());
      var page = access.links(r.getParent(), Pages.page(r.getPageSize(), r.getPageToken(),
          "signInLinks;" + r.getParent()));
      return ListSignInLinksResponse.newBuilder().addAllSignInLinks(page.map(AccessMapper::toProto))
          .setNextPageToken(page.nextPageToken()).build();
    });
  }

  @Override
  public void deleteSignInLink(DeleteSignInLinkRequest r, StreamObserver<Empty> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_PARTNERSHIP, "delete", r.getName());
      access.unlink(r.getName());
      return Empty.getDefaultInstance();
    });
  }

  @Override
  public void listAuditEvents(ListAuditEventsRequest r, StreamObserver<ListAuditEventsResponse> out) {
    reply(out, () -> {
      authorizer.require(Permission.PERMISSION_MANAGE_PARTNERSHIP, "read", "the partnership service's audit trail");
      return audit.list(r);
    });
  }

  @Override
  public void watchChanges(WatchChangesRequest r, StreamObserver<WatchChangesResponse> out) {
    changes.watch(out, authorizer, Permission.PERMISSION_MANAGE_PARTNERSHIP);
  }
}
