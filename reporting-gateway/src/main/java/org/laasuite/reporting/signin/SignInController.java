package org.laasuite.reporting.signin;

import io.grpc.Status;
import io.grpc.StatusException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.handlers.RedirectingLoginHandler;
import io.micronaut.security.rules.SecurityRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.laasuite.partnership.v1.CallerRights;
import org.laasuite.partnership.v1.GetCallerRightsRequest;
import org.laasuite.reporting.render.Pages;
import org.laasuite.reporting.upstream.Answers;
import org.laasuite.reporting.upstream.Upstreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sign-in page (the identity providers to sign in with, each a link to {@code /oauth/login/NAME}, where Micronaut
 * Security takes over; in local mode the demo people instead), local mode's sign-in as a demo person, and
 * {@code /me}, what the gateway knows of whoever is signed in. Signing out is Micronaut Security's
 * ({@code POST /sign-out}, a form with its CSRF token, in every page's header): it ends the session here, not at the
 * identity provider, where the person may be signed in to much else.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class SignInController {

  private static final Logger LOG = LoggerFactory.getLogger(SignInController.class);

  private final SignIns signIns;
  private final LocalMode localMode;
  private final Visitors visitors;
  private final CsrfTokens csrf;
  private final Pages pages;
  private final RedirectingLoginHandler<HttpRequest<?>, MutableHttpResponse<?>> sessions;
  private final Upstreams upstreams;

  SignInController(SignIns signIns, LocalMode localMode, Visitors visitors, CsrfTokens csrf, Pages pages,
      RedirectingLoginHandler<HttpRequest<?>, MutableHttpResponse<?>> sessions, Upstreams upstreams) {
    this.upstreams = upstreams;
    this.signIns = signIns;
    this.localMode = localMode;
    this.visitors = visitors;
    this.csrf = csrf;
    this.pages = pages;
    this.sessions = sessions;
  }

  /** {@code failed}: set by Micronaut Security when a sign-in came back and could not be checked (state, tokens). */
  @Get(uri = "/sign-in", produces = MediaType.TEXT_HTML)
  @Secured(SecurityRule.IS_ANONYMOUS)
  public HttpResponse<String> signIn(HttpRequest<?> request, @Nullable @QueryValue String failed) {
    Map<String, Object> model = new HashMap<>();
    model.put("providers", signIns.providers());
    model.put("failed", failed != null);
    model.put("people", localMode.active() ? localMode.people() : List.of());
    // The demo people's forms carry a token before anyone is signed in.
    model.put("csrfToken", localMode.active() ? csrf.forPage(request) : "");
    return html(pages.html("sign-in", visitors.page(request, model), false));
  }

  /** Local mode: signs in as the demo person {@code person} ("people/sara-roach"), as a real sign-in would. */
  @Post(uri = "/sign-in/local", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  @Secured(SecurityRule.IS_ANONYMOUS)
  public MutableHttpResponse<?> signInLocally(HttpRequest<?> request, @Body Map<String, String> form) {
    SignedIn session = localMode.signIn(form.get("person"), "person");
    LOG.info("signed in (local mode, simulated): {}", session.subject());
    return sessions.loginSuccess(session.authentication(), request);
  }

  @Get(uri = "/me", produces = MediaType.TEXT_HTML)
  @Secured(SecurityRule.IS_AUTHENTICATED)
  public HttpResponse<String> me(HttpRequest<?> request, Authentication authentication) {
    Map<String, Object> model = new HashMap<>();
    SignedIn me = SignedIn.of(authentication).orElseThrow();
    model.put("me", me);
    // What they may do and why, as the partnership service says from its governance data, asked with their own
    // token (which it verifies); rightsUnknown says why when it cannot say (a token it refuses, the service down).
    CallerRights rights = null;
    String unknown = "";
    try {
      rights = Answers.await(upstreams.partnershipAs(me.token()).getCallerRights(
          GetCallerRightsRequest.getDefaultInstance()), upstreams.deadline());
    } catch (StatusException e) {
      unknown = e.getStatus().getCode() == Status.Code.UNAUTHENTICATED
          ? "the partnership service does not accept your sign-in's token (" + e.getStatus().getDescription() + ")"
          : "the partnership service cannot say now (" + e.getStatus().getCode() + ")";
    }
    model.put("rights", rights == null ? List.of() : rights.getRightsList());
    model.put("person", rights == null ? "" : rights.getPerson());
    model.put("rightsUnknown", unknown);
    return html(pages.html("me", visitors.page(request, model), false));
  }

  private static HttpResponse<String> html(String body) {
    return HttpResponse.ok(body).contentType(MediaType.TEXT_HTML_TYPE + ";charset=utf-8");
  }
}
