package org.laasuite.reporting.signin;

import io.grpc.Status;
import io.grpc.StatusException;
import jakarta.inject.Singleton;
import org.laasuite.partnership.v1.CallerRights;
import org.laasuite.partnership.v1.GetCallerRightsRequest;
import org.laasuite.reporting.upstream.Answers;
import org.laasuite.reporting.upstream.Upstreams;

/**
 * Who a signed-in person is to the partnership and what they may do, as the partnership service says from its
 * governance data when asked with their own token (which it verifies: it never takes the gateway's word for who
 * someone is).
 */
@Singleton
public class OwnRights {

  private final Upstreams upstreams;

  OwnRights(Upstreams upstreams) {
    this.upstreams = upstreams;
  }

  /** Their rights, or null with {@code unknown} saying why they cannot be known now. */
  public record Answer(CallerRights rights, String unknown) {
  }

  public Answer of(SignedIn me) {
    try {
      return new Answer(Answers.await(upstreams.partnershipAs(me.token()).getCallerRights(
          GetCallerRightsRequest.getDefaultInstance()), upstreams.deadline()), "");
    } catch (StatusException e) {
      return new Answer(null, e.getStatus().getCode() == Status.Code.UNAUTHENTICATED
          ? "the partnership service does not accept your sign-in's token (" + e.getStatus().getDescription() + ")"
          : "the partnership service cannot say now (" + e.getStatus().getCode() + ")");
    }
  }
}
