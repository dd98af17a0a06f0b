package org.laasuite.funding.stream;

import org.laasuite.common.grpc.Protos;

public final class FundingStreamMapper {

  private FundingStreamMapper() {
  }

  public static org.laasuite.funding.v1.FundingStream toProto(FundingStream s) {
    var b = org.laasuite.funding.v1.FundingStream.newBuilder()
        .setName(s.name()).setId(s.code()).setTitle(s.title()).setDisplayName(s.displayName())
        .setFunder(s.funder()).setProgramme(s.programme()).setBlock(s.block()).setArrangement(s.arrangement())
        .setPreviouslyPooled(s.previouslyPooled()).setHeading(s.heading()).setConditions(s.conditions())
        .setNote(s.note());
    if (s.startDate() != null) {
      b.setStartDate(Protos.date(s.startDate()));
    }
    if (s.endDate() != null) {
      b.setEndDate(Protos.date(s.endDate()));
    }
    if (s.createTime() != null) {
      b.setCreateTime(Protos.timestamp(s.createTime()));
    }
    if (s.updateTime() != null) {
      b.setUpdateTime(Protos.timestamp(s.updateTime()));
    }
    return b.build();
  }

  public static org.laasuite.funding.v1.Allocation toProto(FundingStream s, Allocation a) {
    var b = org.laasuite.funding.v1.Allocation.newBuilder()
        .setName(s.name() + "/allocations/" + a.financialYear()).setFinancialYear(a.financialYear())
        .setNote(a.note());
    if (a.capital() != null) {
      b.setCapital(a.capital().toProto());
    }
    if (a.revenue() != null) {
      b.setRevenue(a.revenue().toProto());
    }
    if (a.createTime() != null) {
      b.setCreateTime(Protos.timestamp(a.createTime()));
    }
    return b.build();
  }
}
