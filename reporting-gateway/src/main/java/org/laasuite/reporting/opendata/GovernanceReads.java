package org.laasuite.reporting.opendata;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import jakarta.inject.Singleton;
import java.util.List;
import org.laasuite.partnership.v1.Body;
import org.laasuite.partnership.v1.GetMeetingRequest;
import org.laasuite.partnership.v1.ListBodiesRequest;
import org.laasuite.partnership.v1.ListMeetingsRequest;
import org.laasuite.partnership.v1.ListMembershipsRequest;
import org.laasuite.partnership.v1.ListOrganisationsRequest;
import org.laasuite.partnership.v1.ListPeopleRequest;
import org.laasuite.partnership.v1.Meeting;
import org.laasuite.partnership.v1.Membership;
import org.laasuite.partnership.v1.Organisation;
import org.laasuite.partnership.v1.Person;
import org.laasuite.reporting.upstream.Answers;
import org.laasuite.reporting.upstream.Paging;
import org.laasuite.reporting.upstream.Upstreams;

/**
 * The partnership's governance as the partnership service gives it to the caller of the request being served (the
 * caller's token passed on, the gateway's own identity for an anonymous reader: {@link Upstreams}): organisations,
 * people, bodies, every membership and meeting. Five listings asked at once, each page after page, then each
 * meeting whole (its attendance and agenda items), all at once.
 */
@Singleton
public class GovernanceReads {

  /** What the open-data outputs of the governance are made from. */
  public record Governance(List<Organisation> organisations, List<Person> people, List<Body> bodies,
      List<Membership> memberships, List<Meeting> meetings) {
  }

  private final Upstreams upstreams;

  public GovernanceReads(Upstreams upstreams) {
    this.upstreams = upstreams;
  }

  /** Everything, each meeting whole (its attendance, items and actions): what health, Popolo and OParl need. */
  public Governance read() {
    return read(true);
  }

  /** Everything, the meetings as listed (no attendance, items or actions): enough for lists and calendars. */
  public Governance readListed() {
    return read(false);
  }

  private Governance read(boolean whole) {
    var organisations = Paging.all(t -> upstreams.partnership().listOrganisations(ListOrganisationsRequest
        .newBuilder().setPageSize(Paging.PAGE).setPageToken(t).build()), r -> r.getOrganisationsList(),
        r -> r.getNextPageToken());
    var people = Paging.all(t -> upstreams.partnership().listPeople(ListPeopleRequest.newBuilder()
        .setPageSize(Paging.PAGE).setPageToken(t).build()), r -> r.getPeopleList(), r -> r.getNextPageToken());
    var bodies = Paging.all(t -> upstreams.partnership().listBodies(ListBodiesRequest.newBuilder()
        .setPageSize(Paging.PAGE).setPageToken(t).build()), r -> r.getBodiesList(), r -> r.getNextPageToken());
    var memberships = Paging.all(t -> upstreams.partnership().listMemberships(ListMembershipsRequest.newBuilder()
        .setParent("bodies/-").setPageSize(Paging.PAGE).setPageToken(t).build()), r -> r.getMembershipsList(),
        r -> r.getNextPageToken());
    var meetings = Paging.all(t -> upstreams.partnership().listMeetings(ListMeetingsRequest.newBuilder()
        .setPageSize(Paging.PAGE).setPageToken(t).build()), r -> r.getMeetingsList(), r -> r.getNextPageToken());
    if (!whole) {
      return new Governance(await(organisations), await(people), await(bodies), await(memberships), await(meetings));
    }
    // A listed meeting comes without its attendance and items: each is asked for whole, all at once, as the same
    // caller (the stub is made here, on the request's thread, which knows the caller).
    var stub = upstreams.partnership();
    var complete = Futures.transformAsync(meetings, listed -> Futures.allAsList(listed.stream()
        .map(m -> stub.getMeeting(GetMeetingRequest.newBuilder().setName(m.getName()).build()))
        .toList()), MoreExecutors.directExecutor());
    return new Governance(await(organisations), await(people), await(bodies), await(memberships), await(complete));
  }

  /** Only the organisations. */
  public List<Organisation> organisations() {
    return await(Paging.all(t -> upstreams.partnership().listOrganisations(ListOrganisationsRequest.newBuilder()
        .setPageSize(Paging.PAGE).setPageToken(t).build()), r -> r.getOrganisationsList(), r -> r.getNextPageToken()));
  }

  private <T> List<T> await(ListenableFuture<List<T>> call) {
    // Paging.all chains one call per page, each with its own deadline: the whole listing is given that many.
    return Answers.orPassOn(call, upstreams.deadline().multipliedBy(4), Upstreams.PARTNERSHIP);
  }
}
