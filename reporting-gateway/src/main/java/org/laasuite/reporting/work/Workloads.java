package org.laasuite.reporting.work;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.Status;
import io.grpc.StatusException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.ListIndicatorReportsRequest;
import org.laasuite.indicators.v1.ListIndicatorReportsResponse;
import org.laasuite.indicators.v1.ListPeriodsRequest;
import org.laasuite.indicators.v1.ListPeriodsResponse;
import org.laasuite.indicators.v1.Period;
import org.laasuite.partnership.v1.Action;
import org.laasuite.partnership.v1.ActionStatus;
import org.laasuite.partnership.v1.BatchGetResponsibilitiesRequest;
import org.laasuite.partnership.v1.BatchGetResponsibilitiesResponse;
import org.laasuite.partnership.v1.CallerRights;
import org.laasuite.partnership.v1.GetCallerRightsRequest;
import org.laasuite.partnership.v1.ListActionsRequest;
import org.laasuite.partnership.v1.ListActionsResponse;
import org.laasuite.partnership.v1.ListPeopleRequest;
import org.laasuite.partnership.v1.ListPeopleResponse;
import org.laasuite.partnership.v1.ListRightsRequest;
import org.laasuite.partnership.v1.ListRightsResponse;
import org.laasuite.partnership.v1.ListSignInLinksRequest;
import org.laasuite.partnership.v1.ListSignInLinksResponse;
import org.laasuite.partnership.v1.Person;
import org.laasuite.partnership.v1.SignInLink;
import org.laasuite.reporting.assembly.Fetch;
import org.laasuite.reporting.assembly.Fetch.FetchFailed;
import org.laasuite.reporting.upstream.Answers;
import org.laasuite.reporting.upstream.Paging;
import org.laasuite.reporting.upstream.Upstreams;
import org.laasuite.reporting.v1.Section;
import org.laasuite.reporting.v1.UnavailableSection;
import org.laasuite.reporting.v1.Work;

/**
 * A person's or a theme group's work, and everyone's for the reminders, from the services: every listing asked for
 * at once, each in as few calls as its size allows (500 a page), with the deadline; a service that does not answer
 * leaves its part of a page unavailable, as the reports do.
 */
@Singleton
public class Workloads {

  private final Upstreams upstreams;
  private final WorkSettings settings;

  public Workloads(Upstreams upstreams, WorkSettings settings) {
    this.upstreams = upstreams;
    this.settings = settings;
  }

  /** What {@code person} ("people/{id}") has to do; NOT_FOUND when there is no such person. */
  public Work person(String person) {
    upstreams.reconnect();
    var rights = fetch(Section.SECTION_GOVERNANCE, Upstreams.PARTNERSHIP, upstreams.partnership().getCallerRights(
        GetCallerRightsRequest.newBuilder().setPerson(person).build()));
    var actions = fetch(Section.SECTION_GOVERNANCE, Upstreams.PARTNERSHIP, openActions());
    var reports = fetch(Section.SECTION_PERFORMANCE, Upstreams.INDICATORS, reports(""));
    var periods = fetch(Section.SECTION_PERFORMANCE, Upstreams.INDICATORS, periods());
    List<UnavailableSection> unavailable = new ArrayList<>();
    CallerRights who;
    try {
      who = rights.await();
    } catch (FetchFailed e) {
      if (e.status.getCode() == Status.Code.NOT_FOUND) {
        throw ApiException.notFound("PERSON", person);
      }
      unavailable.add(e.unavailable);
      who = CallerRights.newBuilder().setPerson(person).build();
    }
    List<Action> open = answer(actions, unavailable);
    List<Period> known = answer(periods, unavailable);
    List<IndicatorReport> all = known == null ? null : answer(reports, unavailable);
    return builder(known).person(who, all, open).addAllUnavailable(unavailable).build();
  }

  /** What the theme group (or any body) {@code body} ("bodies/{id}") has to do; NOT_FOUND when there is none. */
  public Work themeGroup(String body) {
    upstreams.reconnect();
    var responsible = fetch(Section.SECTION_GOVERNANCE, Upstreams.PARTNERSHIP, upstreams.partnership()
        .batchGetResponsibilities(BatchGetResponsibilitiesRequest.newBuilder().addBodies(body).build()));
    var reports = fetch(Section.SECTION_PERFORMANCE, Upstreams.INDICATORS, reports(body));
    var periods = fetch(Section.SECTION_PERFORMANCE, Upstreams.INDICATORS, periods());
    List<UnavailableSection> unavailable = new ArrayList<>();
    BatchGetResponsibilitiesResponse r = answer(responsible, unavailable);
    if (r != null && !r.getResponsibilities(0).hasDetail()) {
      throw ApiException.notFound("BODY", body);
    }
    List<Period> known = answer(periods, unavailable);
    List<IndicatorReport> ofGroup = known == null ? null : answer(reports, unavailable);
    return builder(known).themeGroup(body, r == null ? "" : r.getResponsibilities(0).getDetail().getTitle(), ofGroup,
        r == null ? null : r.getResponsibilities(0).getOpenActionsList()).addAllUnavailable(unavailable).build();
  }

  /** A person of the partnership with their work and the addresses reminders reach them at (none: not known). */
  public record PersonWork(Work work, List<String> addresses) {
  }

  /**
   * Everyone's work, for the reminders, with what is known of their addresses ({@code notes} says what could not be
   * read). All or nothing: when a service does not answer, the reminders wait for the next run rather than tell
   * people less than there is.
   */
  public record Everyone(List<PersonWork> people, List<String> notes) {
  }

  public Everyone everyone() throws StatusException {
    upstreams.reconnect();
    var rights = Paging.all(t -> upstreams.partnership().listRights(ListRightsRequest.newBuilder()
        .setPageSize(Paging.PAGE).setPageToken(t).build()), ListRightsResponse::getPeopleList,
        ListRightsResponse::getNextPageToken);
    var people = Paging.all(t -> upstreams.partnership().listPeople(ListPeopleRequest.newBuilder()
        .setPageSize(Paging.PAGE).setPageToken(t).build()), ListPeopleResponse::getPeopleList,
        ListPeopleResponse::getNextPageToken);
    var links = Paging.all(t -> upstreams.partnership().listSignInLinks(ListSignInLinksRequest.newBuilder()
        .setParent("people/-").setPageSize(Paging.PAGE).setPageToken(t).build()),
        ListSignInLinksResponse::getSignInLinksList, ListSignInLinksResponse::getNextPageToken);
    var actions = openActions();
    var reports = reports("");
    var periods = periods();
    List<String> notes = new ArrayList<>();
    Map<String, List<String>> addresses = new TreeMap<>();
    for (Person p : await(people)) {
      if (!p.getEmail().isEmpty()) {
        addresses.computeIfAbsent(p.getName(), k -> new ArrayList<>()).add(p.getEmail());
      }
    }
    try {
      for (SignInLink l : await(links)) {
        String person = l.getName().substring(0, l.getName().indexOf("/signInLinks/"));
        List<String> own = addresses.computeIfAbsent(person, k -> new ArrayList<>());
        if (!l.getEmail().isEmpty() && own.stream().noneMatch(a -> a.equalsIgnoreCase(l.getEmail()))) {
          own.add(l.getEmail());
        }
      }
    } catch (StatusException e) {
      if (e.getStatus().getCode() != Status.Code.PERMISSION_DENIED) {
        throw e;
      }
      notes.add("the e-mails of people's sign-in links were not read: only the partnership's admins may list them ("
          + e.getStatus().getDescription() + ")");
    }
    var builder = builder(await(periods));
    List<IndicatorReport> all = await(reports);
    List<Action> open = await(actions);
    List<PersonWork> out = new ArrayList<>();
    for (CallerRights r : await(rights)) {
      out.add(new PersonWork(builder.person(r, all, open).build(), addresses.getOrDefault(r.getPerson(), List.of())));
    }
    return new Everyone(out, notes);
  }

  /** Work reckoned on {@code periods} (null: unknown), today, with the configured lag. */
  public WorkBuilder builder(List<Period> periods) {
    return builder(periods, settings.today());
  }

  /** Work reckoned on {@code periods} (null: unknown) on the day {@code day}, with the configured lag. */
  public WorkBuilder builder(List<Period> periods, java.time.LocalDate day) {
    return new WorkBuilder(periods == null ? List.of() : periods, day, settings.lagDays());
  }

  /** Every open action: one call (more only past 500). */
  private ListenableFuture<List<Action>> openActions() {
    return Paging.all(t -> upstreams.partnership().listActions(ListActionsRequest.newBuilder()
        .setStatus(ActionStatus.ACTION_STATUS_OPEN).setPageSize(Paging.PAGE).setPageToken(t).build()),
        ListActionsResponse::getActionsList, ListActionsResponse::getNextPageToken);
  }

  /** Every indicator's report, or the theme group {@code themeGroup}'s (when not empty). */
  private ListenableFuture<List<IndicatorReport>> reports(String themeGroup) {
    return Paging.all(t -> upstreams.indicators().listIndicatorReports(ListIndicatorReportsRequest.newBuilder()
        .setThemeGroup(themeGroup).setPageSize(Paging.PAGE).setPageToken(t).build()),
        ListIndicatorReportsResponse::getReportsList, ListIndicatorReportsResponse::getNextPageToken);
  }

  /** Every period: the reporting periods of the indicators' frequencies lie among them. */
  public ListenableFuture<List<Period>> periods() {
    return Paging.all(t -> upstreams.indicators().listPeriods(ListPeriodsRequest.newBuilder()
        .setPageSize(Paging.PAGE).setPageToken(t).build()), ListPeriodsResponse::getPeriodsList,
        ListPeriodsResponse::getNextPageToken);
  }

  /** The answer, or null with its section unavailable (once per section). */
  private static <T> T answer(Fetch<T> fetch, List<UnavailableSection> unavailable) {
    try {
      return fetch.await();
    } catch (FetchFailed e) {
      if (unavailable.stream().noneMatch(u -> u.getSection() == e.unavailable.getSection())) {
        unavailable.add(e.unavailable);
      }
      return null;
    }
  }

  private <T> T await(ListenableFuture<T> call) throws StatusException {
    return Answers.await(call, upstreams.deadline());
  }

  private <T> Fetch<T> fetch(Section section, String service, ListenableFuture<T> call) {
    return new Fetch<>(section, service, call, upstreams.deadline());
  }
}
