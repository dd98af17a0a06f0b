package org.laasuite.reporting.entry;

import io.grpc.Status;
import io.grpc.StatusException;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.security.BearerCallers;
import org.laasuite.indicators.v1.Entry;
import org.laasuite.indicators.v1.FigureView;
import org.laasuite.indicators.v1.ListEntriesRequest;
import org.laasuite.indicators.v1.ListEntriesResponse;
import org.laasuite.indicators.v1.ListOutturnsRequest;
import org.laasuite.indicators.v1.ListOutturnsResponse;
import org.laasuite.indicators.v1.Outturn;
import org.laasuite.indicators.v1.PublicationState;
import org.laasuite.reporting.render.FigureTable;
import org.laasuite.reporting.render.Fmt;
import org.laasuite.reporting.render.PeriodNames;
import org.laasuite.reporting.signin.SignedIn;
import org.laasuite.reporting.signin.Visitors;
import org.laasuite.reporting.upstream.Answers;
import org.laasuite.reporting.upstream.Upstreams;
import org.laasuite.reporting.v1.ReportCard;

/**
 * What a report card shows of its figures beyond the latest published ones: each figure's revisions, who entered
 * and when ("9.5 provisional → 9.7 final"), for everyone, from its published revisions; and, for a signed-in person
 * who may see them, the figures still on their way to the public, each marked with whom it waits for ("awaiting
 * approval by the Community Safety Partnership"), with a preview of the card as it will be once they are published:
 * read with that person's own token, never cached, never shown to anyone else.
 */
@Singleton
public class CardFigures {

  private static final List<PublicationState> PENDING = List.of(PublicationState.PUBLICATION_STATE_DRAFT,
      PublicationState.PUBLICATION_STATE_SUBMITTED, PublicationState.PUBLICATION_STATE_APPROVED,
      PublicationState.PUBLICATION_STATE_RETURNED);

  private final Upstreams upstreams;
  private final Visitors visitors;

  public CardFigures(Upstreams upstreams, Visitors visitors) {
    this.upstreams = upstreams;
    this.visitors = visitors;
  }

  /** One revision of a figure: its text, provisional or final, who entered it and when it was published (or written). */
  public record Revision(String figure, String status, String by, String when) {
  }

  /** A figure's revisions, oldest first. */
  public record History(String period, String area, List<Revision> revisions) {
  }

  /** An entry on its way to the public: its period, its state, whom it waits for, and its figures. */
  public record Pending(String href, String period, String state, String mark, List<String> figures) {
  }

  /**
   * The token a card is previewed with ({@code preview} "1" or "true"): the signed-in person's; null when no preview
   * is asked; refused (401) when nobody is signed in.
   */
  public String previewToken(HttpRequest<?> request, String preview) {
    if (preview == null || !(preview.equals("1") || preview.equals("true"))) {
      return null;
    }
    SignedIn me = visitors.of(request).signedIn();
    if (me == null) {
      throw new ApiException(Status.Code.UNAUTHENTICATED, BearerCallers.TOKEN_MISSING, "Sign in to preview a card "
          + "with the figures that are not yet published: only those who enter, approve or publish them may.",
          List.of());
    }
    return me.token();
  }

  /** The card's template variables: {@code history}, {@code pending}, {@code preview} and {@code names}. */
  public Map<String, Object> model(HttpRequest<?> request, ReportCard card, String previewToken) {
    Directory names = new Directory(upstreams);
    Map<String, Object> model = new HashMap<>();
    model.put("names", names);
    model.put("preview", previewToken != null);
    SignedIn me = visitors.of(request).signedIn();
    model.put("pending", me == null ? List.of() : pending(card, me, names));
    model.put("history", card.hasPerformance() ? history(card, previewToken, names) : List.of());
    return model;
  }

  /** Each figure's revisions, where it has more than one or names who entered it, in the card's order. */
  private List<History> history(ReportCard card, String token, Directory names) {
    List<Outturn> all = new ArrayList<>();
    String page = "";
    do {
      var read = ListOutturnsRequest.newBuilder().setParent(card.getIndicator()).setShowSuperseded(true)
          .setPageSize(500).setPageToken(page);
      if (token != null) {
        read.setView(FigureView.FIGURE_VIEW_LATEST);
      }
      ListOutturnsResponse r = Answers.orPassOn((token == null ? upstreams.indicators() : upstreams.indicatorsAs(token))
          .listOutturns(read.build()), upstreams.deadline(), Upstreams.INDICATORS);
      all.addAll(r.getOutturnsList());
      page = r.getNextPageToken();
    } while (!page.isEmpty());
    PeriodNames periods = new PeriodNames(card.getPerformance());
    Map<String, List<Outturn>> byFigure = new LinkedHashMap<>();
    all.stream().sorted(Comparator.comparingInt((Outturn o) -> periods.order(o.getPeriod()))
        .thenComparing(Outturn::getPeriod).thenComparing(o -> FigureTable.areaRank(o.getArea()))
        .thenComparingInt(Outturn::getRevision))
        .forEach(o -> byFigure.computeIfAbsent(o.getPeriod() + " " + o.getArea(), k -> new ArrayList<>()).add(o));
    List<History> out = new ArrayList<>();
    for (List<Outturn> revisions : byFigure.values()) {
      if (revisions.size() < 2 && revisions.getFirst().getSubmittedBy().isEmpty()) {
        continue; // the figure the table shows, and nothing more to say of it
      }
      Outturn first = revisions.getFirst();
      out.add(new History(periods.label(first.getPeriod()), Fmt.INSTANCE.area(first.getArea()), revisions.stream()
          .map(o -> new Revision(Fmt.INSTANCE.figure(o.getFigure()), Fmt.INSTANCE.outturnStatus(o.getStatus()),
              o.getSubmittedBy().isEmpty() ? "" : names.person(o.getSubmittedBy()),
              Fmt.INSTANCE.when(o.hasPublishTime() ? o.getPublishTime() : o.getCreateTime()))).toList()));
    }
    return out;
  }

  /**
   * The card's entries on their way to the public, as the person may see them (ListEntries with view LATEST, asked
   * as them: none of an indicator whose pending figures they may not see).
   */
  private List<Pending> pending(ReportCard card, SignedIn me, Directory names) {
    ListEntriesResponse r;
    try {
      r = Answers.await(upstreams.indicatorsAs(me.token()).listEntries(ListEntriesRequest.newBuilder()
          .setParent(card.getIndicator()).addAllStates(PENDING).setView(FigureView.FIGURE_VIEW_LATEST)
          .setPageSize(500).build()), upstreams.deadline());
    } catch (StatusException e) {
      return List.of(); // the public card is whole without them: a token refused, a service slow
    }
    return r.getEntriesList().stream().map(e -> new Pending("/" + e.getName(), names.period(e.getPeriod()),
        Fmt.INSTANCE.state(e.getState()), mark(e, names), e.getOutturnsList().stream()
            .map(o -> Steps.outturn(o, names)).toList())).toList();
  }

  /** Whom an entry waits for, in words: "awaiting approval by the Community Safety Partnership". */
  static String mark(Entry e, Directory names) {
    return switch (e.getState()) {
      case PUBLICATION_STATE_DRAFT -> "a draft, not yet submitted for approval";
      case PUBLICATION_STATE_RETURNED -> "returned to be put right: " + e.getReturnReason();
      case PUBLICATION_STATE_SUBMITTED -> "awaiting approval by the " + names.body(e.getThemeGroup());
      case PUBLICATION_STATE_APPROVED -> "awaiting publication by the " + names.publishers();
      default -> "published";
    };
  }
}
