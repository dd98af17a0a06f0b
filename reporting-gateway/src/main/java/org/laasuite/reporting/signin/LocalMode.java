package org.laasuite.reporting.signin;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.Status;
import io.grpc.StatusException;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laasuite.auth.LocalIssuer;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.partnership.v1.GetPersonRequest;
import org.laasuite.partnership.v1.ListPeopleRequest;
import org.laasuite.partnership.v1.ListPeopleResponse;
import org.laasuite.partnership.v1.Person;
import org.laasuite.reporting.upstream.Answers;
import org.laasuite.reporting.upstream.Upstreams;

/**
 * Local mode: the gateway is given the local issuer ({@code laa.security.local-issuer.*}, as bin/laa and the tests
 * give it) and no identity provider to sign browsers in with. Then sign-in is simulated: the sign-in page lists the
 * partnership's people (the partnership service's ListPeople) and one click signs in as one of them, with the same
 * session a real sign-in makes and a token of the local issuer for that person (subject: the person's resource
 * name, "people/sara-roach"), so that what the gateway later does on a person's behalf works the same in both.
 * Every page says so, since anyone who reaches the page can be anyone. A local issuer the gateway does not also
 * trust stops it at start.
 */
@Context
public class LocalMode {

  private final LocalIssuer issuer;
  private final boolean active;
  private final SignIns signIns;
  private final Upstreams upstreams;
  private final Duration lifetime;

  public LocalMode(@Value("${laa.security.local-issuer.directory:}") String directory,
      @Value("${laa.security.local-issuer.issuer:}") String issuer,
      @Value("${laa.security.session.seconds}") long sessionSeconds, SignIns signIns, Upstreams upstreams) {
    this.issuer = directory.isBlank() || issuer.isBlank() ? null : LocalIssuer.open(Path.of(directory), issuer);
    this.active = this.issuer != null && signIns.providers().isEmpty();
    if (active && signIns.trusted(issuer).isEmpty()) {
      throw new ConfigurationException("local mode: the local issuer " + issuer + " is not among the issuers the "
          + "gateway trusts (laa.security.issuers.*), so the tokens it would sign for people would be refused; "
          + "configure it there too");
    }
    this.signIns = signIns;
    this.upstreams = upstreams;
    this.lifetime = Duration.ofSeconds(sessionSeconds);
  }

  /** Whether sign-in is simulated. */
  public boolean active() {
    return active;
  }

  /** The people one may sign in as: all those the partnership service holds, in its order. */
  public List<Person> people() {
    List<Person> people = new ArrayList<>();
    String page = "";
    do {
      ListPeopleResponse r = call(upstreams.partnership().listPeople(ListPeopleRequest.newBuilder()
          .setPageSize(ResourceNames.MAX_BATCH).setPageToken(page).build()), "list the demo people")
          .orElse(ListPeopleResponse.getDefaultInstance());
      people.addAll(r.getPeopleList());
      page = r.getNextPageToken();
    } while (!page.isEmpty());
    return people;
  }

  /**
   * The session of the person {@code name} ("people/sara-roach"), with a token of the local issuer for them; NOT_FOUND
   * when the partnership has no such person, INVALID_ARGUMENT on {@code field} when it is no person's name.
   */
  SignedIn signIn(String name, String field) {
    if (!active) {
      throw new ApiException(Status.Code.NOT_FOUND, "NOT_LOCAL_MODE", "Sign-in is simulated only in local mode; "
          + "this gateway signs people in with their identity provider.", List.of());
    }
    Person person = ResourceNames.PEOPLE.find(name, field, id -> call(upstreams.partnership().getPerson(
        GetPersonRequest.newBuilder().setName(name).build()), "find " + name));
    String token = issuer.mint(person.getName(), Map.of("name", person.getDisplayName()), lifetime);
    return signIns.session(person.getName(), issuer.issuer(), person.getDisplayName(), "", token);
  }

  /** A call to the partnership service, waited for: empty for NOT_FOUND, any other failure as the visitor sees it. */
  private <T> Optional<T> call(ListenableFuture<T> call, String what) {
    try {
      return Optional.of(Answers.await(call, upstreams.deadline()));
    } catch (StatusException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw new ApiException(Status.Code.UNAVAILABLE, "PARTNERSHIP_UNAVAILABLE", "Cannot " + what + " now: "
          + Upstreams.PARTNERSHIP + " did not answer (" + e.getStatus().getCode() + "). Try again in a moment.",
          List.of());
    }
  }
}
