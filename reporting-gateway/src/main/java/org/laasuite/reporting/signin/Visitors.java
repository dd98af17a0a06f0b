package org.laasuite.reporting.signin;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/**
 * Who is reading a page, as its header shows them (templates/layout.html): the person signed in, with a sign-out
 * form, or a link to sign in; and the local mode banner whenever sign-in is simulated. The pages themselves are the
 * same for everyone: what is published is public.
 */
@Singleton
public class Visitors {

  /**
   * @param signedIn who is signed in; null for an anonymous reader
   * @param csrfToken the token the sign-out form carries; empty for an anonymous reader, who has no form to send
   */
  public record Visitor(SignedIn signedIn, boolean localMode, String csrfToken) {
  }

  private final LocalMode localMode;
  private final CsrfTokens csrf;

  Visitors(LocalMode localMode, CsrfTokens csrf) {
    this.localMode = localMode;
    this.csrf = csrf;
  }

  public Visitor of(HttpRequest<?> request) {
    SignedIn signedIn = request.getUserPrincipal(Authentication.class).flatMap(SignedIn::of).orElse(null);
    return new Visitor(signedIn, localMode.active(), signedIn == null ? "" : csrf.forPage(request));
  }

  /** A page's template variables with its visitor ({@code visitor}) added. */
  public Map<String, Object> page(HttpRequest<?> request, Map<String, Object> model) {
    Map<String, Object> withVisitor = new HashMap<>(model);
    withVisitor.put("visitor", of(request));
    return withVisitor;
  }
}
