package org.laasuite.reporting.upstream;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.grpc.MetricCollectingClientInterceptor;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.laasuite.funding.v1.FundingServiceGrpc;
import org.laasuite.funding.v1.FundingServiceGrpc.FundingServiceFutureStub;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.indicators.v1.IndicatorServiceGrpc.IndicatorServiceFutureStub;
import org.laasuite.partnership.v1.PartnershipServiceGrpc;
import org.laasuite.partnership.v1.PartnershipServiceGrpc.PartnershipServiceFutureStub;

/**
 * The three services the gateway reads from: one long-lived channel each, stubs with the deadline
 * set per call. Every outgoing call is counted and timed (grpc.client.* metrics, by service and
 * method), which is also how tests count the calls a page makes.
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

  public Upstreams(@Value("${laa.services.indicators}") String indicatorsAddress,
      @Value("${laa.services.funding}") String fundingAddress,
      @Value("${laa.services.partnership}") String partnershipAddress,
      @Value("${laa.reporting.deadline:2s}") Duration deadline, MeterRegistry registry) {
    this.indicators = channel(indicatorsAddress, registry);
    this.funding = channel(fundingAddress, registry);
    this.partnership = channel(partnershipAddress, registry);
    this.deadline = deadline;
  }

  private static ManagedChannel channel(String address, MeterRegistry registry) {
    return ManagedChannelBuilder.forTarget(address).usePlaintext()
        .intercept(new MetricCollectingClientInterceptor(registry)).build();
  }

  public Duration deadline() {
    return deadline;
  }

  public IndicatorServiceFutureStub indicators() {
    return IndicatorServiceGrpc.newFutureStub(indicators).withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
  }

  public FundingServiceFutureStub funding() {
    return FundingServiceGrpc.newFutureStub(funding).withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
  }

  public PartnershipServiceFutureStub partnership() {
    return PartnershipServiceGrpc.newFutureStub(partnership)
        .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * After a failed call: a service that was unreachable is tried again at the next request rather
   * than after gRPC's reconnect back-off (up to two minutes), so its sections return as soon as it does.
   */
  public void failed(String service, Status status) {
    if (status.getCode() == Status.Code.UNAVAILABLE) {
      switch (service) {
        case INDICATORS -> indicators.resetConnectBackoff();
        case FUNDING -> funding.resetConnectBackoff();
        default -> partnership.resetConnectBackoff();
      }
    }
  }

  @PreDestroy
  void close() {
    indicators.shutdownNow();
    funding.shutdownNow();
    partnership.shutdownNow();
  }
}
