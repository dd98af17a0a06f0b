package org.laasuite.reporting.signin;

import io.micronaut.core.order.Ordered;
import io.micronaut.core.util.PathMatcher;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.csrf.filter.CsrfFilterConfiguration;
import io.micronaut.security.csrf.resolver.CsrfTokenResolver;
import io.micronaut.security.csrf.resolver.FutureCsrfTokenResolver;
import io.micronaut.security.csrf.validator.CsrfTokenValidator;
import io.micronaut.security.filters.SecurityFilter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every form sent to the gateway ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE} of a form body: the
 * methods and content types of {@code micronaut.security.csrf.filter}) must carry the CSRF token of its page: equal to
 * the {@code laa-csrf} cookie, and made by this gateway for the session the request belongs to, as Micronaut
 * Security's validator checks it. Otherwise it is refused (403, {@code web/Errors}) before anything reads it.
 *
 * <p>This is Micronaut Security's CSRF filter, but for waiting on the form. Its own filter, when the form's body
 * arrives after the request's head (as browsers send it), completes without a response, and the request fails with
 * a NullPointerException in Micronaut's filter chain (micronaut-security issue 1984, open for 4.15); so it is turned
 * off ({@code micronaut.security.csrf.filter.enabled: false}) and this one resolves the token with the same resolvers
 * (the form field, the {@code X-CSRF-TOKEN} header) and checks it with the same validator.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class CsrfCheck implements HttpServerFilter {

  private final CsrfFilterConfiguration configuration;
  private final List<FutureCsrfTokenResolver<HttpRequest<?>>> resolvers;
  private final CsrfTokenValidator<HttpRequest<?>> validator;
  private final ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> refusals;

  CsrfCheck(CsrfFilterConfiguration configuration, List<FutureCsrfTokenResolver<HttpRequest<?>>> futureResolvers,
      List<CsrfTokenResolver<HttpRequest<?>>> resolvers, CsrfTokenValidator<HttpRequest<?>> validator,
      ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> refusals) {
    this.configuration = configuration;
    this.resolvers = FutureCsrfTokenResolver.of(resolvers, futureResolvers);
    this.validator = validator;
    this.refusals = refusals;
  }

  /** After the security filter, which has read the session the token must belong to. */
  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.order() + 100;
  }

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
    if (!isForm(request)) {
      return chain.proceed(request);
    }
    return Mono.fromFuture(() -> passes(request)).flatMapMany(passes -> passes ? Flux.from(chain.proceed(request))
        : Mono.just(refusals.handle(request, new AuthorizationException(request.getAttribute(
            SecurityFilter.AUTHENTICATION, Authentication.class).orElse(null)))));
  }

  private boolean isForm(HttpRequest<?> request) {
    Optional<MediaType> type = request.getContentType();
    return configuration.getMethods().contains(request.getMethod())
        && PathMatcher.REGEX.matches(configuration.getRegexPattern(), request.getPath())
        && (type.isEmpty() || configuration.getContentTypes().contains(type.get()));
  }

  /** Whether a token the request carries (in any place a resolver looks) is valid for it. */
  private CompletableFuture<Boolean> passes(HttpRequest<?> request) {
    List<CompletableFuture<Boolean>> checks = resolvers.stream().map(r -> r.resolveToken(request)
        .thenApply(token -> token != null && !token.isBlank() && validator.validateCsrfToken(request, token))
        .exceptionally(e -> false)).toList();
    return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
        .thenApply(v -> checks.stream().anyMatch(CompletableFuture::join));
  }
}
