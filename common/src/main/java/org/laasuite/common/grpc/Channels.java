package org.laasuite.common.grpc;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.grpc.MetricCollectingClientInterceptor;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The channels from this process to the suite's other services: one per address, shared by everything here that
 * calls that service (the indicators service asks the partnership service both what refers to an indicator and
 * what a caller may do), plaintext (inside the cluster, where the chart's NetworkPolicy says who may connect),
 * every call counted and timed as grpc.client.* metrics by service and method; shut down with the process.
 */
@Singleton
public class Channels {

  private final MeterRegistry registry;
  private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();

  public Channels(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The channel to {@code address} ("host:port" or a gRPC target), connecting when first used. */
  public ManagedChannel to(String address) {
    return channels.computeIfAbsent(address, a -> ManagedChannelBuilder.forTarget(a).usePlaintext()
        .intercept(new MetricCollectingClientInterceptor(registry)).build());
  }

  @PreDestroy
  void close() {
    channels.values().forEach(ManagedChannel::shutdownNow);
  }
}
