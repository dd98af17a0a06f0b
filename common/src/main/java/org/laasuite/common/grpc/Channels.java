package org.laasuite.common.grpc;

import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.micronaut.core.order.OrderUtil;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The channels from this process to the suite's other services: one per address, shared by everything here that
 * calls that service (the indicators service asks the partnership service both what refers to an indicator and
 * what a caller may do), plaintext (inside the cluster, where the chart's NetworkPolicy says who may connect),
 * shut down with the process. Every call goes through the client interceptor beans, as on a channel micronaut-grpc
 * makes: micronaut-micrometer's (grpc.client.* metrics by service and method, once) and, with tracing on,
 * {@link GrpcTracing}'s.
 */
@Singleton
public class Channels {

  private final List<ClientInterceptor> interceptors;
  private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();

  public Channels(List<ClientInterceptor> interceptors) {
    List<ClientInterceptor> ordered = new ArrayList<>(interceptors);
    OrderUtil.sort(ordered);
    this.interceptors = List.copyOf(ordered);
  }

  /** The channel to {@code address} ("host:port" or a gRPC target), connecting when first used. */
  public ManagedChannel to(String address) {
    return channels.computeIfAbsent(address, a -> ManagedChannelBuilder.forTarget(a).usePlaintext()
        .intercept(interceptors).build());
  }

  @PreDestroy
  void close() {
    channels.values().forEach(ManagedChannel::shutdownNow);
  }
}
