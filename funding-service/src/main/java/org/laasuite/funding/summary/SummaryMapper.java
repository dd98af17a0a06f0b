package org.laasuite.funding.summary;

import com.google.type.Money;
import org.laasuite.common.grpc.Moneys;
import org.laasuite.funding.AmountMapper;
import org.laasuite.funding.commitment.CommitmentMapper;
import org.laasuite.funding.stream.AllocationRow;
import org.laasuite.funding.stream.FundingStreamRow;
import org.laasuite.funding.v1.ArrangementFunding;
import org.laasuite.funding.v1.BlockFunding;
import org.laasuite.funding.v1.BlockTotals;
import org.laasuite.funding.v1.FundingLine;
import org.laasuite.funding.v1.FundingSummary;
import org.laasuite.funding.v1.IndicatorFunding;
import org.laasuite.funding.v1.SpendLine;
import org.laasuite.funding.v1.SpendReport;
import org.laasuite.funding.v1.SupportingCommitment;
import org.laasuite.funding.v1.Totals;

/** The summaries SummaryService computes, as their protos. */
public final class SummaryMapper {

  private SummaryMapper() {
  }

  public static Totals toProto(TotalsValue t) {
    return Totals.newBuilder().setCapital(Moneys.gbp(t.capitalPence())).setRevenue(Moneys.gbp(t.revenuePence()))
        .setTotal(Moneys.gbp(t.totalPence())).setUnquantifiedLines(t.unquantifiedLines()).build();
  }

  public static FundingSummary toProto(FundingSummaryValue s) {
    var out = FundingSummary.newBuilder().setFinancialYear(s.financialYear());
    s.arrangements().forEach(a -> out.addArrangements(toProto(a)));
    s.blocks().forEach(b -> out.addBlocks(toProto(b)));
    return out.setPooled(toProto(s.pooled())).setAligned(toProto(s.aligned())).setTotal(toProto(s.total())).build();
  }

  public static ArrangementFunding toProto(ArrangementFundingValue a) {
    var out = ArrangementFunding.newBuilder().setArrangement(a.arrangement());
    a.blocks().forEach(b -> out.addBlocks(toProto(b)));
    return out.setTotal(toProto(a.total())).build();
  }

  public static BlockFunding toProto(BlockFundingValue b) {
    var out = BlockFunding.newBuilder().setBlock(b.block());
    b.lines().forEach(l -> out.addLines(toProto(l)));
    return out.setSubtotal(toProto(b.subtotal())).build();
  }

  public static FundingLine toProto(FundingLineValue l) {
    FundingStreamRow s = l.stream();
    AllocationRow a = l.allocation();
    var line = FundingLine.newBuilder().setFundingStream(s.name()).setDisplayName(s.displayName())
        .setHeading(s.heading()).setPreviouslyPooled(s.previouslyPooled());
    if (a.capital() != null) {
      line.setCapital(AmountMapper.toProto(a.capital()));
    }
    if (a.revenue() != null) {
      line.setRevenue(AmountMapper.toProto(a.revenue()));
    }
    return line.build();
  }

  public static BlockTotals toProto(BlockTotalsValue b) {
    return BlockTotals.newBuilder().setBlock(b.block()).setPooled(toProto(b.pooled()))
        .setAligned(toProto(b.aligned())).build();
  }

  public static SpendReport toProto(SpendReportValue r) {
    var out = SpendReport.newBuilder().setFinancialYear(r.financialYear());
    r.lines().forEach(l -> out.addLines(toProto(l)));
    return out.setAllocated(Moneys.gbp(r.allocatedPence())).setSpent(Moneys.gbp(r.spentPence())).build();
  }

  public static SpendLine toProto(SpendLineValue l) {
    var out = SpendLine.newBuilder().setFundingStream(l.stream().name()).setDisplayName(l.stream().displayName())
        .setAllocated(Moneys.gbp(l.allocatedPence())).setCommitted(Moneys.gbp(l.committedPence()))
        .setSpent(Moneys.gbp(l.spentPence())).setRemaining(signed(l.remainingPence())).setOverspent(l.overspent())
        .setAllocationUnquantified(l.allocationUnquantified()).setBlock(l.stream().block())
        .setArrangement(l.stream().arrangement());
    if (l.stream().endDate() != null) {
      out.setEndDate(org.laasuite.common.grpc.Protos.date(l.stream().endDate()));
    }
    return out.build();
  }

  /** Money can be negative here only: an overspend. */
  private static Money signed(long pence) {
    if (pence >= 0) {
      return Moneys.gbp(pence);
    }
    var m = Moneys.gbp(-pence);
    return m.toBuilder().setUnits(-m.getUnits()).setNanos(-m.getNanos()).build();
  }

  public static IndicatorFunding toProto(IndicatorFundingValue f) {
    var out = IndicatorFunding.newBuilder().setIndicator(f.indicator());
    f.commitments().forEach(c -> out.addCommitments(toProto(c)));
    return out.build();
  }

  public static SupportingCommitment toProto(SupportingCommitmentValue c) {
    var out = SupportingCommitment.newBuilder().setCommitment(CommitmentMapper.toProto(c.commitment()))
        .setFundingStreamDisplayName(c.commitment().stream() == null ? "" : c.commitment().stream().displayName())
        .setSpent(Moneys.gbp(c.spentPence()));
    if (c.amount() != null) {
      out.setAmount(AmountMapper.toProto(c.amount()));
    }
    return out.build();
  }
}
