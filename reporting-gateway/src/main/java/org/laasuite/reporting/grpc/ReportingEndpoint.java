package org.laasuite.reporting.grpc;

import static org.laasuite.common.grpc.Unary.reply;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.reporting.assembly.Assembler;
import org.laasuite.reporting.assembly.Commitments;
import org.laasuite.reporting.v1.CommitmentPage;
import org.laasuite.reporting.v1.GetCommitmentPageRequest;
import org.laasuite.reporting.assembly.ExitPlans;
import org.laasuite.reporting.assembly.LpsaForecasts;
import org.laasuite.reporting.v1.GetLpsaRewardForecastRequest;
import org.laasuite.reporting.v1.LpsaRewardForecast;
import org.laasuite.reporting.v1.BlockSummary;
import org.laasuite.reporting.v1.ExitPlan;
import org.laasuite.reporting.v1.GetExitPlanRequest;
import org.laasuite.reporting.v1.GetBlockSummaryRequest;
import org.laasuite.reporting.v1.GetPerformanceReportRequest;
import org.laasuite.reporting.v1.GetReportCardRequest;
import org.laasuite.reporting.v1.ListJudgementDisagreementsRequest;
import org.laasuite.reporting.v1.ListJudgementDisagreementsResponse;
import org.laasuite.reporting.v1.PerformanceReport;
import org.laasuite.reporting.v1.ReportCard;
import org.laasuite.reporting.v1.ReportingServiceGrpc;

/** The gRPC face of the gateway: the same model the pages and the JSON API serve. */
@Singleton
public class ReportingEndpoint extends ReportingServiceGrpc.ReportingServiceImplBase {

  private final Assembler assembler;
  private final Commitments commitments;
  private final ExitPlans exitPlans;
  private final LpsaForecasts lpsa;

  public ReportingEndpoint(Assembler assembler, Commitments commitments, ExitPlans exitPlans,
      LpsaForecasts lpsa) {
    this.assembler = assembler;
    this.commitments = commitments;
    this.exitPlans = exitPlans;
    this.lpsa = lpsa;
  }

  @Override
  public void getCommitmentPage(GetCommitmentPageRequest r, StreamObserver<CommitmentPage> out) {
    reply(out, () -> commitments.page(Commitments.commitmentName(r.getName(), "name")));
  }

  @Override
  public void getReportCard(GetReportCardRequest r, StreamObserver<ReportCard> out) {
    reply(out, () -> {
      String indicator = Assembler.indicatorName(r.getName(), "name");
      return assembler.card(indicator, assembler.year(r.getFinancialYear(), "financial_year"));
    });
  }

  @Override
  public void getBlockSummary(GetBlockSummaryRequest r, StreamObserver<BlockSummary> out) {
    reply(out, () -> {
      Violations v = new Violations();
      ProtoEnums.required(r.getBlock(), "block", v);
      v.throwIfAny();
      return assembler.block(r.getBlock(), assembler.year(r.getFinancialYear(), "financial_year"));
    });
  }

  @Override
  public void getPerformanceReport(GetPerformanceReportRequest r, StreamObserver<PerformanceReport> out) {
    reply(out, () -> {
      Violations v = new Violations();
      ProtoEnums.required(r.getKind(), "kind", v);
      v.throwIfAny();
      return assembler.report(r.getKind(), assembler.year(r.getFinancialYear(), "financial_year"));
    });
  }

  @Override
  public void listJudgementDisagreements(ListJudgementDisagreementsRequest r,
      StreamObserver<ListJudgementDisagreementsResponse> out) {
    reply(out, () -> {
      if (!r.getThemeGroup().isEmpty()) {
        Violations v = new Violations();
        ResourceNames.BODIES.id(r.getThemeGroup(), "theme_group", v);
        v.throwIfAny();
      }
      return assembler.disagreements(r.getThemeGroup());
    });
  }

  @Override
  public void getExitPlan(GetExitPlanRequest r, StreamObserver<ExitPlan> out) {
    reply(out, () -> {
      Violations v = new Violations();
      java.time.LocalDate asOf = r.hasAsOf() ? Protos.date(r.getAsOf(), "as_of", v).orElse(null) : null;
      v.throwIfAny();
      return exitPlans.plan(asOf, r.getHorizonMonths());
    });
  }

  @Override
  public void getMoneyBehindTheRed(org.laasuite.reporting.v1.GetMoneyBehindTheRedRequest r,
      StreamObserver<org.laasuite.reporting.v1.MoneyBehindTheRed> out) {
    reply(out, () -> assembler.moneyBehindTheRed(assembler.year(r.getFinancialYear(), "financial_year")));
  }

  @Override
  public void getLpsaRewardForecast(GetLpsaRewardForecastRequest r, StreamObserver<LpsaRewardForecast> out) {
    reply(out, lpsa::forecast);
  }
}
