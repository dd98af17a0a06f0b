package org.laasuite.funding.commitment;

import org.laasuite.common.grpc.Moneys;
import org.laasuite.common.grpc.Protos;
import org.laasuite.funding.v1.YearAmount;
import org.laasuite.funding.v1.Commitment;
import org.laasuite.funding.v1.Spend;

public final class CommitmentMapper {

  private CommitmentMapper() {
  }

  public static Commitment toProto(CommitmentService.Full f) {
    CommitmentRow c = f.commitment();
    var b = Commitment.newBuilder()
        .setName(c.name()).setId(c.code()).setTitle(c.title()).setKind(c.kind()).setProgramme(c.programme())
        .setFundingStream(f.stream() == null ? "" : f.stream().name()).setPosts(c.posts()).setSource(c.source())
        .setNote(c.note()).setOverCommitted(c.overCommitted());
    if (c.startDate() != null) {
      b.setStartDate(Protos.date(c.startDate()));
    }
    if (c.endDate() != null) {
      b.setEndDate(Protos.date(c.endDate()));
    }
    f.amounts().forEach(a -> b.addAmounts(YearAmount.newBuilder().setFinancialYear(a.financialYear())
        .setAmount(a.amount().toProto())));
    f.supports().forEach(r -> {
      if (r.startsWith("indicators/")) {
        b.addSupportsIndicators(r);
      } else {
        b.addSupportsBodies(r);
      }
    });
    if (c.createTime() != null) {
      b.setCreateTime(Protos.timestamp(c.createTime()));
    }
    return b.build();
  }

  public static Spend toProto(CommitmentRow c, SpendRow s) {
    var b = Spend.newBuilder()
        .setName(c.name() + "/spend/" + s.financialYear() + "-q" + s.quarter())
        .setFinancialYear(s.financialYear()).setQuarter(s.quarter()).setAmount(Moneys.gbp(s.pence()))
        .setNote(s.note());
    if (s.createTime() != null) {
      b.setCreateTime(Protos.timestamp(s.createTime()));
    }
    return b.build();
  }
}
