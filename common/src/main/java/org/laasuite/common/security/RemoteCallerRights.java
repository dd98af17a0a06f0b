package org.laasuite.common.security;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.laasuite.auth.BearerToken;
import org.laasuite.auth.Caller;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Channels;
import org.laasuite.partnership.v1.CallerRights;
import org.laasuite.partnership.v1.GetCallerRightsRequest;
import org.laasuite.partnership.v1.PartnershipServiceGrpc;

/**
 * A caller's rights as the partnership service says, asked with the caller's own token (so the partnership
 * service verifies who asks) and kept for {@code laa.security.rights-cache} (30 s; never past the token's
 * expiry), so that a burst of writes asks once while a membership that ends stops counting soon after.
 */
@Singleton
@Requires(property = "laa.services.partnership")
public class RemoteCallerRights implements CallerRightsSource {

  private static final int MAX_CACHED = 10_000;

  private final ManagedChannel partnership;
  private final Duration deadline;
  private final Duration keep;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(CallerRights rights, Instant until) {
  }

  public RemoteCallerRights(@Value("${laa.services.partnership}") String address,
      @Value("${laa.services.deadline:5s}") Duration deadline,
      @Value("${laa.security.rights-cache:30s}") Duration keep, Channels channels) {
    this.partnership = channels.to(address);
    this.deadline = deadline;
    this.keep = keep;
  }

  @Override
  public CallerRights rights(Caller caller) {
    Instant now = Instant.now();
    Cached cached = cache.get(caller.token());
    if (cached != null && now.isBefore(cached.until())) {
      return cached.rights();
    }
    CallerRights rights;
    try {
      rights = PartnershipServiceGrpc.newBlockingStub(partnership).withCallCredentials(BearerToken.of(caller.token()))
          .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
          .getCallerRights(GetCallerRightsRequest.getDefaultInstance());
    } catch (StatusRuntimeException e) {
      throw new ApiException(Status.Code.UNAVAILABLE, "RIGHTS_UNAVAILABLE", "the partnership service cannot say "
          + "what the caller may do now (" + e.getStatus().getCode() + "); retry later", List.of());
    }
    if (cache.size() > MAX_CACHED) {
      cache.clear();
    }
    Instant until = now.plus(keep);
    cache.put(caller.token(), new Cached(rights, until.isAfter(caller.expires()) ? caller.expires() : until));
    return rights;
  }
}
