package org.laasuite.reporting.assembly;

import com.google.protobuf.FieldMask;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laasuite.common.LpsaRewardRule;
import org.laasuite.common.grpc.Moneys;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.Violations;
import org.laasuite.funding.v1.ListLpsaTargetsRequest;
import org.laasuite.funding.v1.ListLpsaTargetsResponse;
import org.laasuite.funding.v1.LpsaTarget;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.ListIndicatorReportsRequest;
import org.laasuite.indicators.v1.ListIndicatorReportsResponse;
import org.laasuite.indicators.v1.Period;
import org.laasuite.reporting.upstream.Paging;
import org.laasuite.reporting.upstream.Upstreams;
import org.laasuite.reporting.v1.LpsaRewardForecast;
import org.laasuite.reporting.v1.LpsaTargetForecast;
import org.laasuite.reporting.v1.Section;
import org.laasuite.reporting.v1.UnavailableSection;

/**
 * The LPSA reward forecast (docs/lpsa-reward.md, "Forecast"): each stretch target the funding service holds, its
 * indicator's latest outturn (the one the judgement rule judges) fed into the reward rule. A target the rule cannot
 * be applied to says why (no grant recorded, no expected figure, no outturn yet) and is left out of the total, never
 * counted as nothing payable.
 */
@Singleton
public class LpsaForecasts {

  /** What the forecast reads of each report: the indicator, its latest outturn, and the periods' labels. */
  private static final FieldMask OUTTURNS = FieldMask.newBuilder().addPaths("indicator")
      .addPaths("computed_judgement").addPaths("periods").build();

  private final Upstreams upstreams;

  public LpsaForecasts(Upstreams upstreams) {
    this.upstreams = upstreams;
  }

  /** Both services asked at once; one that does not answer is listed as unavailable. */
  public LpsaRewardForecast forecast() {
    upstreams.reconnect();
    var targets = new Fetch<>(Section.SECTION_FUNDING, Upstreams.FUNDING, Paging.all(token -> upstreams.funding()
        .listLpsaTargets(ListLpsaTargetsRequest.newBuilder().setPageSize(Paging.PAGE).setPageToken(token).build()),
        ListLpsaTargetsResponse::getLpsaTargetsList, ListLpsaTargetsResponse::getNextPageToken), upstreams.deadline());
    var request = ListIndicatorReportsRequest.newBuilder().setPageSize(Paging.PAGE).setReadMask(OUTTURNS);
    var reports = new Fetch<>(Section.SECTION_PERFORMANCE, Upstreams.INDICATORS, Paging.all(token -> upstreams
        .indicators().listIndicatorReports(request.setPageToken(token).build()),
        ListIndicatorReportsResponse::getReportsList, ListIndicatorReportsResponse::getNextPageToken),
        upstreams.deadline());
    List<UnavailableSection> unavailable = new ArrayList<>();
    List<LpsaTarget> held = targets.result(unavailable).orElse(List.of());
    Optional<List<IndicatorReport>> read = reports.result(unavailable);
    return of(held, read.orElse(null)).toBuilder().addAllUnavailable(unavailable).build();
  }

  /**
   * The forecast of {@code targets} from {@code reports} (null: the indicators service did not answer, so no
   * target's outturn is known), by indicator code then target.
   */
  public static LpsaRewardForecast of(List<LpsaTarget> targets, List<IndicatorReport> reports) {
    Map<String, IndicatorReport> byName = new HashMap<>();
    if (reports != null) {
      reports.forEach(r -> byName.put(r.getIndicator().getName(), r));
    }
    var out = LpsaRewardForecast.newBuilder();
    long total = 0;
    for (LpsaTarget t : targets.stream().sorted(Comparator.comparing(LpsaTarget::getIndicator)
        .thenComparing(LpsaTarget::getId)).toList()) {
      LpsaTargetForecast f = forecast(t, byName.get(t.getIndicator()), reports != null);
      out.addTargets(f);
      if (f.getComputable()) {
        out.setComputable(out.getComputable() + 1);
        total += Moneys.pence(f.getReward().getPayable(), "payable", new Violations());
      }
    }
    return out.setTotalPayable(Moneys.gbp(total)).build();
  }

  /** One target's forecast: the rule's answer, or why there is none. */
  static LpsaTargetForecast forecast(LpsaTarget t, IndicatorReport report, boolean indicatorsRead) {
    var f = LpsaTargetForecast.newBuilder().setTarget(t);
    List<String> missing = new ArrayList<>();
    if (!t.hasRewardGrant()) {
      missing.add("the reward grant is not recorded in the papers");
    }
    if (!t.hasExpectedWithoutStretch()) {
      missing.add("the performance expected without the stretch is not recorded in the papers");
    }
    BigDecimal outturn = null;
    if (report == null) {
      missing.add(indicatorsRead ? t.getIndicator() + " is not in the indicator catalogue"
          : "the indicators service did not answer, so the latest outturn is not known");
    } else {
      f.setCode(report.getIndicator().getId()).setTitle(report.getIndicator().getTitle());
      var judged = report.getComputedJudgement();
      if (judged.hasOutturn() && !judged.getOutturn().getValue().isEmpty()) {
        outturn = new BigDecimal(judged.getOutturn().getValue());
        f.setOutturn(judged.getOutturn()).setOutturnPeriod(judged.getPeriod()).setOutturnPeriodLabel(report
            .getPeriodsList().stream().filter(p -> p.getName().equals(judged.getPeriod())).map(Period::getLabel)
            .findFirst().orElse(""));
      } else {
        missing.add("there is no outturn yet");
      }
    }
    if (!missing.isEmpty()) {
      return f.setComputable(false).setExplanation("Not computable: " + String.join("; ", missing) + ".").build();
    }
    Violations v = new Violations();
    long grant = Moneys.pence(t.getRewardGrant(), "reward_grant", v);
    BigDecimal expected = Protos.decimal(t.getExpectedWithoutStretch(), "expected_without_stretch", v).orElseThrow();
    BigDecimal stretch = Protos.decimal(t.getStretchTarget(), "stretch_target", v).orElseThrow();
    BigDecimal threshold = t.hasThreshold() ? Protos.decimal(t.getThreshold(), "threshold", v).orElseThrow()
        : LpsaRewardRule.DEFAULT_THRESHOLD;
    var result = LpsaRewardRule.calculate(grant, expected, stretch, outturn, threshold);
    return f.setComputable(true).setReward(LpsaRewardRule.toProto(result)).setExplanation(result.explanation())
        .build();
  }
}
