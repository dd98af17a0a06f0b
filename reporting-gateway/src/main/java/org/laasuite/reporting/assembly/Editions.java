package org.laasuite.reporting.assembly;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import io.grpc.StatusException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.indicators.v1.AttachEditionDocumentRequest;
import org.laasuite.indicators.v1.Edition;
import org.laasuite.indicators.v1.EditionDocument;
import org.laasuite.indicators.v1.GetEditionRequest;
import org.laasuite.indicators.v1.ListEditionsRequest;
import org.laasuite.indicators.v1.ListEditionsResponse;
import org.laasuite.reporting.upstream.Answers;
import org.laasuite.reporting.upstream.Upstreams;
import org.laasuite.reporting.v1.PerformanceReport;
import org.laasuite.reporting.v1.ReportKind;

/**
 * A period's published editions (the indicators service's Edition: its report frozen as it was published), read as
 * the gateway: they are public.
 */
@Singleton
public class Editions {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

  private final Upstreams upstreams;

  /** The review pack frozen with an edition: its document's id and what it holds. */
  public static final String REVIEW_PACK = "review-pack";
  static final String REVIEW_PACK_TYPE = "application/x-protobuf; messageType=" + PerformanceReport.getDescriptor()
      .getFullName();

  private final Assembler assembler;

  public Editions(Upstreams upstreams, Assembler assembler) {
    this.upstreams = upstreams;
    this.assembler = assembler;
  }

  /**
   * Freezes the review pack of {@code year} as it is now with the edition {@code edition} ("editions/…", just frozen
   * by publishing its period), attached as {@code token}'s person (who may publish). Once per edition: a retry after
   * it was attached (the same request id) answers as the first did. False, the publication standing, when the pack
   * cannot be assembled whole or attached now: the edition's quarterly report is frozen all the same.
   */
  public boolean freezeReviewPack(String edition, String year, String token) {
    PerformanceReport pack = assembler.report(ReportKind.REPORT_KIND_REVIEW_PACK, year);
    if (pack.getUnavailableCount() > 0) {
      return false; // never freeze a pack with a section missing
    }
    try {
      Answers.await(upstreams.indicatorsAs(token).attachEditionDocument(AttachEditionDocumentRequest.newBuilder()
          .setEdition(edition).setRequestId(UUID.nameUUIDFromBytes((edition + "/" + REVIEW_PACK)
              .getBytes(StandardCharsets.UTF_8)).toString())
          .setDocument(EditionDocument.newBuilder().setId(REVIEW_PACK).setMediaType(REVIEW_PACK_TYPE)
              .setContent(pack.toByteString())).build()), upstreams.deadline());
      return true;
    } catch (StatusException e) {
      return e.getStatus().getCode() == Status.Code.ALREADY_EXISTS;
    }
  }

  /** The review pack frozen with {@code edition}, or NOT_FOUND when none was. */
  public PerformanceReport reviewPack(Edition edition) {
    for (EditionDocument d : edition.getDocumentsList()) {
      if (d.getId().equals(REVIEW_PACK) && d.getMediaType().equals(REVIEW_PACK_TYPE)) {
        try {
          return PerformanceReport.parseFrom(d.getContent());
        } catch (InvalidProtocolBufferException e) {
          throw new IllegalStateException(edition.getName() + " holds an unreadable review pack", e);
        }
      }
    }
    throw new ApiException(Status.Code.NOT_FOUND, "REVIEW_PACK_NOT_FOUND", edition.getName()
        + " has no review pack frozen with it (it was published without one): its quarterly report is the edition",
        List.of());
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
