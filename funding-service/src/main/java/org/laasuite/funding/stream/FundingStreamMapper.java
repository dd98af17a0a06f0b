package org.laasuite.funding.stream;

import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.Violations;
import org.laasuite.funding.v1.Arrangement;
import org.laasuite.funding.v1.ListFundingStreamsRequest;
import org.laasuite.type.v1.LaaBlock;
import org.laasuite.funding.v1.Allocation;
import org.laasuite.funding.v1.FundingStream;

public final class FundingStreamMapper {

  private FundingStreamMapper() {
  }

  /** The listing's filters, checked into {@code v}. */
  public static FundingStreamService.Filter filter(ListFundingStreamsRequest r, Violations v) {
    v.check(r.getBlock() != LaaBlock.UNRECOGNIZED, "block", "is not a known LAA block");
    v.check(r.getArrangement() != Arrangement.UNRECOGNIZED, "arrangement", "is not a known arrangement");
    v.maxLength(r.getProgramme(), Violations.MAX_TITLE, "programme");
    LaaBlock block = r.getBlock();
    Arrangement arrangement = r.getArrangement();
    return new FundingStreamService.Filter(
        block == LaaBlock.LAA_BLOCK_UNSPECIFIED || block == LaaBlock.UNRECOGNIZED ? null : block.name(),
        arrangement == Arrangement.ARRANGEMENT_UNSPECIFIED || arrangement == Arrangement.UNRECOGNIZED ? null
            : arrangement.name(),
        r.getProgramme().isEmpty() ? null : r.getProgramme());
  }

  public static FundingStream toProto(FundingStreamRow s) {
    var b = FundingStream.newBuilder()
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

  public static Allocation toProto(FundingStreamRow s, AllocationRow a) {
    var b = Allocation.newBuilder()
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
