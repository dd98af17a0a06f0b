package org.laasuite.indicators.indicator;

import com.google.rpc.PreconditionFailure;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Channels;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.security.Callers;
import org.laasuite.funding.v1.BatchGetIndicatorFundingRequest;
import org.laasuite.funding.v1.FundingServiceGrpc;
import org.laasuite.partnership.v1.ListActionsRequest;
import org.laasuite.partnership.v1.ListActionsResponse;
import org.laasuite.partnership.v1.PartnershipServiceGrpc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the other services hold that names an indicator: the commitments the funding service has
 * supporting it and the actions the partnership service has on it, open or done, asked on behalf of the
 * caller (with their token, which each service verifies). Asked before an
 * indicator is deleted for good, so that nothing is left naming an indicator that is gone.
 */
@Singleton
public class Referrers {

  private static final Logger LOG = LoggerFactory.getLogger(Referrers.class);

  private final ManagedChannel funding;
  private final ManagedChannel partnership;
  private final Duration deadline;

  public Referrers(@Value("${laa.services.funding}") String fundingAddress,
      @Value("${laa.services.partnership}") String partnershipAddress,
      @Value("${laa.services.deadline:5s}") Duration deadline, Channels channels) {
    this.funding = channels.to(fundingAddress);
    this.partnership = channels.to(partnershipAddress);
    this.deadline = deadline;
  }

  /**
   * Each commitment and action that names {@code indicator}, as the precondition its deletion breaks
   * (type COMMITMENT or ACTION, subject its resource name); UNAVAILABLE when either service cannot be asked.
   */
  public List<PreconditionFailure.Violation> of(IndicatorRow indicator) {
    reconnect(funding);
    reconnect(partnership);
    String name = indicator.name();
    List<PreconditionFailure.Violation> out = new ArrayList<>();
    var supporting = ask("funding-service", name, () -> FundingServiceGrpc.newBlockingStub(funding)
        .withCallCredentials(Callers.onBehalf()).withWaitForReady().withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
        .batchGetIndicatorFunding(BatchGetIndicatorFundingRequest.newBuilder().addIndicators(name).build()));
    supporting.getIndicatorsList().forEach(f -> f.getCommitmentsList().forEach(c -> out.add(
        violation("COMMITMENT", c.getCommitment().getName(), "'" + c.getCommitment().getTitle() + "' supports it"))));
    String token = "";
    do {
      String pageToken = token;
      ListActionsResponse page = ask("partnership-service", name, () -> PartnershipServiceGrpc
          .newBlockingStub(partnership).withCallCredentials(Callers.onBehalf()).withWaitForReady().withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
          .listActions(ListActionsRequest.newBuilder().setIndicator(name).setPageSize(Pages.MAX_SIZE)
              .setPageToken(pageToken).build()));
      page.getActionsList().forEach(a -> out.add(violation("ACTION", a.getName(), "'" + a.getText() + "' is on it")));
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    return out;
  }

  /**
   * A channel whose service could not be reached waits out a back-off of up to two minutes before it tries
   * again; a delete is rare, so it tries again now, and the calls wait for it to connect (within the deadline:
   * a service that is back answers, one still down makes the delete UNAVAILABLE when the deadline passes).
   */
  private static void reconnect(ManagedChannel channel) {
    if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
      channel.resetConnectBackoff();
    }
  }

  static PreconditionFailure.Violation violation(String type, String subject, String description) {
    return PreconditionFailure.Violation.newBuilder().setType(type).setSubject(subject).setDescription(description)
        .build();
  }

  /**
   * The service's answer; UNAVAILABLE (retryable) when it cannot be reached in time, and INTERNAL (logged)
   * when it refuses the question, which would be this service's mistake, not the caller's.
   */
  private static <T> T ask(String service, String indicator, Supplier<T> call) {
    try {
      return call.get();
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED
          || code == Status.Code.RESOURCE_EXHAUSTED) {
        throw new ApiException(Status.Code.UNAVAILABLE, "REFERRERS_UNAVAILABLE", service
            + " cannot be asked what refers to " + indicator + " (" + code + "); retry, or archive it with force",
            List.of());
      }
      LOG.error("{} refused to say what refers to {}", service, indicator, e);
      throw new IllegalStateException(service + " answered " + code, e);
    }
  }
}
