package org.laasuite.reporting.upstream;

import io.grpc.CallCredentials;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.laasuite.auth.BearerToken;
import org.laasuite.auth.Caller;
import org.laasuite.common.grpc.Channels;
import org.laasuite.common.security.Callers;
import org.laasuite.funding.v1.FundingServiceGrpc;
import org.laasuite.funding.v1.FundingServiceGrpc.FundingServiceFutureStub;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.indicators.v1.ImportSimpleViewEvent;
import org.laasuite.indicators.v1.ImportSimpleViewRequest;
import org.laasuite.indicators.v1.StreamImportSimpleViewRequest;
import org.laasuite.indicators.v1.IndicatorServiceGrpc.IndicatorServiceFutureStub;
import org.laasuite.partnership.v1.PartnershipServiceGrpc;
import org.laasuite.partnership.v1.PartnershipServiceGrpc.PartnershipServiceFutureStub;
import org.laasuite.type.v1.WatchChangesRequest;
import org.laasuite.type.v1.WatchChangesResponse;

/**
 * The three services the gateway reads from: one long-lived channel each ({@link Channels}), stubs with the
 * deadline set per call, calling as the request's caller or as the gateway itself ({@link ServiceToken}). Every
 * outgoing call is counted and timed (grpc.client.* metrics, by service and method), which is also how tests
 * count the calls a page makes.
 */
@Singleton
public class Upstreams {

  public static final String INDICATORS = "indicators-service";
  public static final String FUNDING = "funding-service";
  public static final String PARTNERSHIP = "partnership-service";

  private final ManagedChannel indicators;
  private final ManagedChannel funding;
  private final ManagedChannel partnership;
  private final Duration deadline;
  private final Duration reconnectWait;
  private final CallCredentials ownCredentials;

  public Upstreams(@Value("${laa.services.indicators}") String indicatorsAddress,
      @Value("${laa.services.funding}") String fundingAddress,
      @Value("${laa.services.partnership}") String partnershipAddress,
      @Value("${laa.reporting.deadline:2s}") Duration deadline,
      @Value("${laa.reporting.reconnect-wait:300ms}") Duration reconnectWait, Channels channels,
      ServiceToken token) {
    this.indicators = channels.to(indicatorsAddress);
    this.funding = channels.to(fundingAddress);
    this.partnership = channels.to(partnershipAddress);
    this.deadline = deadline;
    this.reconnectWait = reconnectWait;
    this.ownCredentials = token.credentials();
  }

  /**
   * Whom a call is made as: the caller of the request being served, when it names one with a token the gateway
   * verified (a bearer token at /api, a token at its gRPC API), passed on for the service to verify itself; the
   * gateway itself otherwise. The pages a browser reads are public, so they are read as the gateway whoever is
   * signed in (a provider's access token lives minutes, a session hours); what needs the person's own identity
   * (their rights on /me) asks with their session's token. Asked when the request's stubs are made, on its thread.
   */
  private CallCredentials credentials() {
    Caller caller = Callers.current();
    if (caller != null) {
      return BearerToken.of(caller.token());
    }
    var request = ServerRequestContext.currentRequest();
    var bearer = request.flatMap(r -> r.getAttribute(Callers.HTTP_ATTRIBUTE, Caller.class));
    if (bearer.isPresent()) {
      return BearerToken.of(bearer.get().token());
    }
    return ownCredentials;
  }

  /**
   * Whether the calls made now are made as the gateway itself (no caller's token to pass on): what is read so is
   * the same for every reader, and may be kept for the next (PageCache).
   */
  public boolean readsAsItself() {
    return credentials() == ownCredentials;
  }

  /** Watches {@code service}'s committed writes (WatchChanges) as the gateway, until the stream ends. */
  public void watchChanges(String service, StreamObserver<WatchChangesResponse> out) {
    var request = WatchChangesRequest.getDefaultInstance();
    switch (service) {
      case INDICATORS -> IndicatorServiceGrpc.newStub(indicators).withCallCredentials(ownCredentials)
          .watchChanges(request, out);
      case FUNDING -> FundingServiceGrpc.newStub(funding).withCallCredentials(ownCredentials)
          .watchChanges(request, out);
      case PARTNERSHIP -> PartnershipServiceGrpc.newStub(partnership).withCallCredentials(ownCredentials)
          .watchChanges(request, out);
      default -> throw new IllegalArgumentException(service);
    }
  }

  /** Each service's channel: its address and connectivity state, as /health shows them. */
  public Map<String, Map<String, String>> states() {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    out.put(INDICATORS, state(indicators));
    out.put(FUNDING, state(funding));
    out.put(PARTNERSHIP, state(partnership));
    return out;
  }

  private static Map<String, String> state(ManagedChannel channel) {
    return Map.of("address", channel.authority(), "state", channel.getState(false).name());
  }

  public Duration deadline() {
    return deadline;
  }

  public IndicatorServiceFutureStub indicators() {
    return IndicatorServiceGrpc.newFutureStub(indicators).withCallCredentials(credentials())
        .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
  }

  public FundingServiceFutureStub funding() {
    return FundingServiceGrpc.newFutureStub(funding).withCallCredentials(credentials())
        .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
  }

  public PartnershipServiceFutureStub partnership() {
    return PartnershipServiceGrpc.newFutureStub(partnership).withCallCredentials(credentials())
        .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * The indicators service called as the person whose token this is (a signed-in person's, from their session):
   * what the gateway reads or writes on their behalf, their pending figures and their returns, which the service
   * checks against that person's rights, never the gateway's.
   */
  public IndicatorServiceFutureStub indicatorsAs(String token) {
    return indicators().withCallCredentials(BearerToken.of(token));
  }

  /**
   * StreamImportSimpleView as the person whose token this is (the import is theirs, audited as them), its progress and
   * result to {@code out}, allowed {@code deadline}: an import takes longer than a page's reads.
   */
  public void streamImportSimpleView(String token, ImportSimpleViewRequest request, Duration deadline,
      StreamObserver<ImportSimpleViewEvent> out) {
    IndicatorServiceGrpc.newStub(indicators).withCallCredentials(BearerToken.of(token))
        .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS).streamImportSimpleView(
        StreamImportSimpleViewRequest.newBuilder().setRequest(request).build(), out);
  }

  /** The partnership service called as the person whose token this is: what they may do, asked as them. */
  public PartnershipServiceFutureStub partnershipAs(String token) {
    return partnership().withCallCredentials(BearerToken.of(token));
  }

  /**
   * Called before a page's calls. A channel whose service could not be reached stays in
   * TRANSIENT_FAILURE (gRPC's pick-first keeps it there until a connection is READY) and waits out a
   * reconnect back-off of up to two minutes, failing calls at once meanwhile. So that a service's
   * sections return as soon as it does, every such channel is asked to reconnect now, all at once,
   * and given {@code reconnectWait} to become READY: a service that is back answers this page; one
   * still down fails its section after that short wait, not after the whole deadline.
   */
  public void reconnect() {
    List<ManagedChannel> failed = Stream.of(indicators, funding, partnership)
        .filter(c -> c.getState(false) == ConnectivityState.TRANSIENT_FAILURE).toList();
    if (failed.isEmpty()) {
      return;
    }
    failed.forEach(ManagedChannel::resetConnectBackoff);
    long until = System.nanoTime() + Math.min(reconnectWait.toNanos(), deadline.toNanos());
    for (ManagedChannel channel : failed) {
      awaitReady(channel, until);
    }
  }

  private static void awaitReady(ManagedChannel channel, long until) {
    ConnectivityState state = channel.getState(false);
    try {
      while (state != ConnectivityState.READY && state != ConnectivityState.SHUTDOWN) {
        CountDownLatch changed = new CountDownLatch(1);
        // Fires at once if the state is no longer `state` (a reconnect quicker than this line).
        channel.notifyWhenStateChanged(state, changed::countDown);
        long left = until - System.nanoTime();
        if (left <= 0 || !changed.await(left, TimeUnit.NANOSECONDS)) {
          return;
        }
        state = channel.getState(false);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
