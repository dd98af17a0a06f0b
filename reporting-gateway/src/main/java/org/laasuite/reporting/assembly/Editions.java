package org.laasuite.reporting.assembly;

import io.grpc.StatusException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.indicators.v1.Edition;
import org.laasuite.indicators.v1.GetEditionRequest;
import org.laasuite.indicators.v1.ListEditionsRequest;
import org.laasuite.indicators.v1.ListEditionsResponse;
import org.laasuite.reporting.upstream.Answers;
import org.laasuite.reporting.upstream.Upstreams;

/**
 * A period's published editions (the indicators service's Edition: its report frozen as it was published), read as
 * the gateway: they are public.
 */
@Singleton
public class Editions {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

  private final Upstreams upstreams;

  public Editions(Upstreams upstreams) {
    this.upstreams = upstreams;
  }

  /** The edition {@code id} ("fy-2007-08-q2-1"), with its frozen reports and what was corrected since. */
  public Edition get(String id, String field) {
    String name = id.replaceFirst("^editions/", "");
    if (!ID.matcher(name).matches()) {
      throw ApiException.invalid(field, "must be an edition like 'fy-2007-08-q2-1' (lower-case letters, digits and "
          + "dashes), not '" + (name.length() > 80 ? name.substring(0, 80) + "..." : name) + "'");
    }
    return Answers.orPassOn(upstreams.indicators().getEdition(GetEditionRequest.newBuilder()
        .setName("editions/" + name).build()), upstreams.deadline(), Upstreams.INDICATORS);
  }

  /**
   * The editions of {@code period} ("periods/fy-2007-08-q2"), newest first, without their reports: none for a period
   * the indicators service does not know, and none listed when it cannot say now (the report is shown all the same).
   */
  public List<Edition> of(String period) {
    List<Edition> out = new ArrayList<>();
    String token = "";
    try {
      do {
        ListEditionsResponse page = Answers.await(upstreams.indicators().listEditions(ListEditionsRequest.newBuilder()
            .setPeriod(period).setPageSize(100).setPageToken(token).build()), upstreams.deadline());
        out.addAll(page.getEditionsList());
        token = page.getNextPageToken();
      } while (!token.isEmpty());
    } catch (StatusException e) {
      return List.of(); // a period it does not know has none; one it cannot list now shows none
    }
    return out;
  }
}
