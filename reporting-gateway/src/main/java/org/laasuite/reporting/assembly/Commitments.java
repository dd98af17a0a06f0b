package org.laasuite.reporting.assembly;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.Status;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Moneys;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.funding.v1.Commitment;
import org.laasuite.funding.v1.FundingStream;
import org.laasuite.funding.v1.GetCommitmentRequest;
import org.laasuite.funding.v1.GetFundingStreamRequest;
import org.laasuite.funding.v1.ListSpendRequest;
import org.laasuite.funding.v1.ListSpendResponse;
import org.laasuite.funding.v1.Spend;
import org.laasuite.indicators.v1.BatchGetIndicatorReportsRequest;
import org.laasuite.indicators.v1.BatchGetIndicatorReportsResponse;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.partnership.v1.GetOrganisationRequest;
import org.laasuite.partnership.v1.ListActionsRequest;
import org.laasuite.partnership.v1.ListActionsResponse;
import org.laasuite.partnership.v1.ListDecisionsRequest;
import org.laasuite.partnership.v1.Organisation;
import org.laasuite.reporting.assembly.Fetch.FetchFailed;
import org.laasuite.reporting.cache.PageCache;
import org.laasuite.reporting.upstream.Paging;
import org.laasuite.reporting.upstream.Upstreams;
import org.laasuite.reporting.v1.CommitmentPage;
import org.laasuite.reporting.v1.IndicatorLine;
import org.laasuite.reporting.v1.Section;
import org.laasuite.reporting.v1.UnavailableSection;

/**
 * Builds a commitment's page as the {@link Assembler} builds a card: the commitment and its spend (funding service),
 * the decisions and the actions about it (partnership service), all asked at once; then what only the commitment
 * names: the indicators it supports with their judgements, its stream's title and its recipient's. A service that
 * fails or is late leaves its section unavailable (each section said once); an unknown commitment is NOT_FOUND.
 */
@Singleton
public class Commitments {

  private final Upstreams upstreams;
  private final Assembler assembler;
  private final PageCache cache;
  private final Clock clock = Clock.systemDefaultZone();

  public Commitments(Upstreams upstreams, Assembler assembler, PageCache cache) {
    this.upstreams = upstreams;
    this.assembler = assembler;
    this.cache = cache;
  }

  /** The commitment a page is for, from "wardens", "commitments/wardens" or "commitmentPages/wardens". */
  public static String commitmentName(String asked, String field) {
    String id = asked.replaceFirst("^(commitments|commitmentPages)/", "");
    if (!ResourceNames.COMMITMENTS.isId(id)) {
      throw ApiException.invalid(field, "must be a commitment id of lower-case letters, digits and dashes like "
          + "'partnership-support-officers'");
    }
    return ResourceNames.COMMITMENTS.name(id);
  }

  /** The page of commitment {@code name} ("commitments/{id}"), kept until anything under it changes. */
  public CommitmentPage page(String name) {
    return cache.model("commitment " + name, upstreams.readsAsItself(), () -> assemble(name));
  }

  /** The page assembled afresh. */
  public CommitmentPage assemble(String name) {
    upstreams.reconnect();
    var commitment = fetch(Section.SECTION_FUNDING, Upstreams.FUNDING, upstreams.funding().getCommitment(
        GetCommitmentRequest.newBuilder().setName(name).build()));
    var spend = fetch(Section.SECTION_FUNDING, Upstreams.FUNDING, Paging.all(token -> upstreams.funding().listSpend(
        ListSpendRequest.newBuilder().setParent(name).setPageSize(Paging.PAGE).setPageToken(token).build()),
        ListSpendResponse::getSpendList, ListSpendResponse::getNextPageToken));
    var decisions = assembler.decisions(ListDecisionsRequest.newBuilder().setCommitment(name));
    var actions = fetch(Section.SECTION_GOVERNANCE, Upstreams.PARTNERSHIP, Paging.all(token -> upstreams.partnership()
        .listActions(ListActionsRequest.newBuilder().setCommitment(name).setPageSize(Paging.PAGE).setPageToken(token)
            .build()), ListActionsResponse::getActionsList, ListActionsResponse::getNextPageToken));
    List<UnavailableSection> unavailable = new ArrayList<>();
    var page = CommitmentPage.newBuilder().setName("commitmentPages/" + name.substring(name.indexOf('/') + 1))
        .setCommitmentName(name);
    Commitment c = null;
    try {
      c = commitment.await();
      page.setCommitment(c);
    } catch (FetchFailed e) {
      if (e.status.getCode() == Status.Code.NOT_FOUND) {
        throw ApiException.notFound("COMMITMENT", name);
      }
      unavailable.add(e.unavailable);
    }
    if (c != null) {
      String stream = c.getFundingStream();
      var streamTitle = stream.isEmpty() ? null : fetch(Section.SECTION_FUNDING, Upstreams.FUNDING,
          upstreams.funding().getFundingStream(GetFundingStreamRequest.newBuilder().setName(stream).build()));
      var reports = c.getSupportsIndicatorsCount() == 0 ? null : fetch(Section.SECTION_PERFORMANCE,
          Upstreams.INDICATORS, Futures.transform(upstreams.indicators().batchGetIndicatorReports(
              BatchGetIndicatorReportsRequest.newBuilder().addAllNames(c.getSupportsIndicatorsList()).build()),
              BatchGetIndicatorReportsResponse::getReportsList, MoreExecutors.directExecutor()));
      var recipient = c.getRecipient().isEmpty() ? null : fetch(Section.SECTION_GOVERNANCE, Upstreams.PARTNERSHIP,
          upstreams.partnership().getOrganisation(GetOrganisationRequest.newBuilder().setName(c.getRecipient())
              .build()));
      if (streamTitle != null) {
        streamTitle.result(unavailable).map(FundingStream::getDisplayName).ifPresent(page::setFundingStreamDisplayName);
      }
      Optional<List<IndicatorReport>> judged = reports == null ? Optional.empty() : reports.result(unavailable);
      for (int i = 0; i < c.getSupportsIndicatorsCount(); i++) {
        String indicator = c.getSupportsIndicators(i);
        page.addIndicators(judged.isPresent() ? Assembler.line(judged.get().get(i), "", List.of())
            : IndicatorLine.newBuilder().setIndicator(indicator)
                .setCode(indicator.substring(indicator.indexOf('/') + 1)).build());
      }
      if (recipient != null) {
        recipient.result(unavailable).map(Organisation::getTitle).ifPresent(page::setRecipientTitle);
      }
    }
    spend.result(unavailable).ifPresent(s -> {
      page.addAllSpend(s);
      page.setSpent(Moneys.gbp(s.stream().mapToLong(x -> MoneyBehind.pence(x.getAmount())).sum()));
    });
    decisions.result(unavailable).ifPresent(page::addAllDecisions);
    actions.result(unavailable).ifPresent(page::addAllActions);
    return page.addAllUnavailable(Assembler.once(unavailable)).setAssembleTime(Protos.timestamp(clock.instant())).build();
  }

  private <T> Fetch<T> fetch(Section section, String service, ListenableFuture<T> call) {
    return new Fetch<>(section, service, call, upstreams.deadline());
  }
}
