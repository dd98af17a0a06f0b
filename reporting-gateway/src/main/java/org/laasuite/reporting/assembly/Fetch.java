package org.laasuite.reporting.assembly;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.Status;
import io.grpc.StatusException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.laasuite.reporting.upstream.Answers;
import org.laasuite.reporting.v1.Section;
import org.laasuite.reporting.v1.UnavailableSection;

/**
 * One call to a service, already on its way. {@link #result} waits for it (the call carries its own
 * deadline) and turns a failure into the section it leaves unavailable, so a page is assembled from
 * whatever answered.
 */
public final class Fetch<T> {

  private final Section section;
  private final String service;
  private final ListenableFuture<T> future;
  private final Duration deadline;

  public Fetch(Section section, String service, ListenableFuture<T> future, Duration deadline) {
    this.section = section;
    this.service = service;
    this.future = future;
    this.deadline = deadline;
  }

  /** The answer, or empty with the section added to {@code unavailable}. */
  public Optional<T> result(List<UnavailableSection> unavailable) {
    try {
      return Optional.of(await());
    } catch (FetchFailed e) {
      unavailable.add(e.unavailable);
      return Optional.empty();
    }
  }

  /** The answer, or {@link FetchFailed} carrying the status, so that a caller can treat NOT_FOUND apart. */
  public T await() throws FetchFailed {
    try {
      return Answers.await(future, deadline);
    } catch (StatusException e) {
      throw new FetchFailed(e.getStatus(), unavailable(section, service, e.getStatus(), deadline));
    }
  }

  static UnavailableSection unavailable(Section section, String service, Status status, Duration deadline) {
    String reason = switch (status.getCode()) {
      case DEADLINE_EXCEEDED -> service + " did not answer within " + human(deadline);
      case UNAVAILABLE -> service + " cannot be reached";
      default -> service + " could not answer (" + status.getCode() + ")";
    };
    return UnavailableSection.newBuilder().setSection(section).setService(service)
        .setCode(status.getCode().name()).setReason(reason).build();
  }

  private static String human(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  public static final class FetchFailed extends Exception {
    public final Status status;
    public final UnavailableSection unavailable;

    FetchFailed(Status status, UnavailableSection unavailable) {
      super(status.toString(), null, false, false);
      this.status = status;
      this.unavailable = unavailable;
    }
  }
}
