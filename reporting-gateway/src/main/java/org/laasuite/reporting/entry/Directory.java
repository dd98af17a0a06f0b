package org.laasuite.reporting.entry;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.StatusException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.laasuite.indicators.v1.ListPeriodsRequest;
import org.laasuite.indicators.v1.ListPeriodsResponse;
import org.laasuite.indicators.v1.Period;
import org.laasuite.partnership.v1.Body;
import org.laasuite.partnership.v1.BodyType;
import org.laasuite.partnership.v1.ListBodiesRequest;
import org.laasuite.partnership.v1.ListBodiesResponse;
import org.laasuite.partnership.v1.ListPeopleRequest;
import org.laasuite.partnership.v1.ListPeopleResponse;
import org.laasuite.partnership.v1.Person;
import org.laasuite.reporting.render.Fmt;
import org.laasuite.reporting.upstream.Answers;
import org.laasuite.reporting.upstream.Upstreams;

/**
 * The names a page shows for the partnership's people and bodies and for periods ("Mark Taylor" for
 * people/mark-taylor, "Community Safety Partnership", "Jul-Sep 07"), read as the gateway (they are public) when the
 * page first asks, once per page. Names are decoration: a service that cannot answer leaves the resource's id in
 * words, never a failed page.
 */
public final class Directory {

  private static final int PAGE = 500;

  private final Upstreams upstreams;
  private Map<String, Person> people;
  private Map<String, Body> bodies;
  private Map<String, Period> periods;

  public Directory(Upstreams upstreams) {
    this.upstreams = upstreams;
  }

  /** A person by their display name; whoever is not a person of the partnership ("issuer subject") as named. */
  public String person(String name) {
    if (name == null || name.isEmpty()) {
      return "someone";
    }
    if (!name.startsWith("people/")) {
      return name;
    }
    Person p = people().get(name);
    return p == null ? Fmt.INSTANCE.owner(name) : p.getDisplayName();
  }

  /** A body by its title. */
  public String body(String name) {
    if (name == null || name.isEmpty()) {
      return "its theme group";
    }
    Body b = bodies().get(name);
    return b == null ? Fmt.INSTANCE.owner(name) : b.getTitle();
  }

  /** Whether the partnership has this body. */
  public boolean hasBody(String name) {
    return bodies().containsKey(name);
  }

  /** Who publishes the partnership's figures: its performance (PIE) group, by title. */
  public String publishers() {
    return bodies().values().stream().filter(b -> b.getType() == BodyType.BODY_TYPE_PIE_GROUP).map(Body::getTitle)
        .findFirst().orElse("the performance group");
  }

  /** A period by its label ("Jul-Sep 07"), else its code. */
  public String period(String name) {
    Period p = periods().get(name);
    return p == null ? Fmt.INSTANCE.period(name) : p.getLabel().isBlank() ? p.getId() : p.getLabel();
  }

  /** Every period, the latest first. */
  public List<Period> periodsLatestFirst() {
    return periods().values().stream().sorted(Comparator.comparing((Period p) -> Fmt.INSTANCE.date(p.getStartDate()))
        .thenComparing(p -> Fmt.INSTANCE.date(p.getEndDate())).reversed()).toList();
  }

  private Map<String, Person> people() {
    if (people == null) {
      people = all(token -> upstreams.partnership().listPeople(ListPeopleRequest.newBuilder().setPageSize(PAGE)
          .setPageToken(token).build()), ListPeopleResponse::getPeopleList, ListPeopleResponse::getNextPageToken,
          Person::getName);
    }
    return people;
  }

  private Map<String, Body> bodies() {
    if (bodies == null) {
      bodies = all(token -> upstreams.partnership().listBodies(ListBodiesRequest.newBuilder().setPageSize(PAGE)
          .setPageToken(token).build()), ListBodiesResponse::getBodiesList, ListBodiesResponse::getNextPageToken,
          Body::getName);
    }
    return bodies;
  }

  private Map<String, Period> periods() {
    if (periods == null) {
      periods = all(token -> upstreams.indicators().listPeriods(ListPeriodsRequest.newBuilder().setPageSize(PAGE)
          .setPageToken(token).build()), ListPeriodsResponse::getPeriodsList, ListPeriodsResponse::getNextPageToken,
          Period::getName);
    }
    return periods;
  }

  /** Every item of a list method, page after page, by name; what was read before a failure. */
  private <R, T> Map<String, T> all(Function<String, ListenableFuture<R>> page, Function<R, List<T>> items,
      Function<R, String> next, Function<T, String> name) {
    Map<String, T> out = new LinkedHashMap<>();
    String token = "";
    try {
      do {
        R r = Answers.await(page.apply(token), upstreams.deadline());
        items.apply(r).forEach(t -> out.put(name.apply(t), t));
        token = next.apply(r);
      } while (!token.isEmpty());
    } catch (StatusException e) {
      // Names are decoration: ids in words stand in for them.
    }
    return out;
  }
}
