package org.laasuite.reporting.assembly;

import com.google.protobuf.FieldMask;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Protos;
import org.laasuite.funding.v1.Commitment;
import org.laasuite.funding.v1.ListSuccessionRisksRequest;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.ListIndicatorReportsRequest;
import org.laasuite.partnership.v1.Body;
import org.laasuite.partnership.v1.ListBodiesRequest;
import org.laasuite.reporting.v1.ExitCandidate;
import org.laasuite.reporting.v1.ExitPlan;
import org.laasuite.reporting.v1.Section;
import org.laasuite.reporting.v1.UnavailableSection;
import org.laasuite.reporting.upstream.Paging;
import org.laasuite.reporting.upstream.Upstreams;
import org.laasuite.reporting.work.WorkSettings;

/**
 * Exit planning from the three services: the commitments whose funding ends within the horizon (funding's
 * ListSuccessionRisks, those not ended by the day reckoned from), the indicators each supports (those it names, else
 * those its bodies oversee: {@link Oversight}) with their judgement, trend and gap, ranked by {@link ExitRanking}. A
 * service that does not answer leaves its part out and is listed as unavailable; without funding there is nothing to
 * list.
 */
@Singleton
public class ExitPlans {

  /** Months ahead when none is asked. */
  public static final int DEFAULT_HORIZON = 12;
  private static final FieldMask LINES = FieldMask.newBuilder().addPaths("indicator").addPaths("computed_judgement")
      .addPaths("recorded_judgement").addPaths("trend").addPaths("gap").build();

  private final Upstreams upstreams;
  private final WorkSettings settings;

  public ExitPlans(Upstreams upstreams, WorkSettings settings) {
    this.upstreams = upstreams;
    this.settings = settings;
  }

  /** The day reckoned from when none is asked: the gateway's (laa.work.as-of, or today). */
  public LocalDate today() {
    return settings.today();
  }

  /** The plan from {@code asOf} (null: the gateway's day), {@code horizon} months ahead (0: 12; else 1 to 60). */
  public ExitPlan plan(LocalDate asOf, int horizon) {
    if (horizon < 0 || horizon > 60) {
      throw ApiException.invalid("horizon_months", "must be 1 to 60 months (0: " + DEFAULT_HORIZON + "), not "
          + horizon);
    }
    int months = horizon == 0 ? DEFAULT_HORIZON : horizon;
    LocalDate from = asOf == null ? settings.today() : asOf;
    LocalDate before = from.plusMonths(months);
    upstreams.reconnect();
    var endingCall = new Fetch<>(Section.SECTION_FUNDING, Upstreams.FUNDING, Paging.all(t -> upstreams.funding()
        .listSuccessionRisks(ListSuccessionRisksRequest.newBuilder().setEndsBefore(Protos.date(before))
            .setPageSize(Paging.PAGE).setPageToken(t).build()), r -> r.getCommitmentsList(),
        r -> r.getNextPageToken()), upstreams.deadline());
    var reportsCall = new Fetch<>(Section.SECTION_PERFORMANCE, Upstreams.INDICATORS, Paging.all(t -> upstreams
        .indicators().listIndicatorReports(ListIndicatorReportsRequest.newBuilder().setReadMask(LINES)
            .setPageSize(Paging.PAGE).setPageToken(t).build()), r -> r.getReportsList(), r -> r.getNextPageToken()),
        upstreams.deadline());
    var bodiesCall = new Fetch<>(Section.SECTION_GOVERNANCE, Upstreams.PARTNERSHIP, Paging.all(t -> upstreams
        .partnership().listBodies(ListBodiesRequest.newBuilder().setPageSize(Paging.PAGE).setPageToken(t).build()),
        r -> r.getBodiesList(), r -> r.getNextPageToken()), upstreams.deadline());
    List<UnavailableSection> unavailable = new ArrayList<>();
    Optional<List<Commitment>> ending = endingCall.result(unavailable);
    Optional<List<IndicatorReport>> reports = reportsCall.result(unavailable);
    Optional<List<Body>> bodies = bodiesCall.result(unavailable);
    List<Commitment> candidates = ending.orElse(List.of()).stream().filter(c -> c.hasEndDate()
        && !org.laasuite.reporting.work.DueRule.day(c.getEndDate()).isBefore(from)).toList();
    Map<String, ExitRanking.Supported> supported = new HashMap<>();
    Map<String, Body> byName = new HashMap<>();
    bodies.orElse(List.of()).forEach(b -> byName.put(b.getName(), b));
    for (Commitment c : candidates) {
      List<IndicatorReport> all = reports.orElse(List.of());
      boolean named = c.getSupportsIndicatorsCount() > 0;
      List<IndicatorReport> of = all.stream().filter(r -> named
          ? c.getSupportsIndicatorsList().contains(r.getIndicator().getName())
          : c.getSupportsBodiesList().stream().map(byName::get).anyMatch(b -> b != null
              && Oversight.oversees(b, r.getIndicator()))).toList();
      supported.put(c.getName(), new ExitRanking.Supported(of.stream().map(r -> Assembler.line(r, "", List.of()))
          .toList(), !named && !of.isEmpty()));
    }
    List<ExitCandidate> ranked = ExitRanking.rank(candidates, supported);
    return ExitPlan.newBuilder().setAsOf(Protos.date(from)).setHorizonMonths(months)
        .setEndsBefore(Protos.date(before)).addAllCandidates(ranked)
        .setPostsAtRisk(candidates.stream().mapToInt(Commitment::getPosts).sum()).addAllUnavailable(unavailable)
        .build();
  }
}
