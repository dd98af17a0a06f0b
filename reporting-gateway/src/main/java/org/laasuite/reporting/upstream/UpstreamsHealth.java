package org.laasuite.reporting.upstream;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * The gateway's view of the three services in {@code /health}: each channel's state (READY, IDLE,
 * CONNECTING, TRANSIENT_FAILURE) and address. Always UP, and kept out of the readiness and liveness
 * probes: a service that is down leaves its sections unavailable, it does not take the gateway out.
 */
@Singleton
public class UpstreamsHealth implements HealthIndicator {

  private final Upstreams upstreams;

  public UpstreamsHealth(Upstreams upstreams) {
    this.upstreams = upstreams;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    return Publishers.just(HealthResult.builder("upstreams", HealthStatus.UP).details(upstreams.states()).build());
  }
}
