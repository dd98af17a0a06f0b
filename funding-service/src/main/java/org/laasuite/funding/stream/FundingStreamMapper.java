package org.laasuite.funding.stream;

import java.time.LocalDate;
import java.util.Set;
import org.laasuite.common.FinancialYear;
import org.laasuite.common.grpc.FieldBehaviors;
import org.laasuite.common.grpc.FieldMasks;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.funding.AmountMapper;
import org.laasuite.funding.AmountValue;
import org.laasuite.funding.v1.Allocation;
import org.laasuite.funding.v1.Arrangement;
import org.laasuite.funding.v1.FundingStream;
import org.laasuite.funding.v1.ListFundingStreamsRequest;
import org.laasuite.funding.v1.UpdateFundingStreamRequest;
import org.laasuite.type.v1.LaaBlock;

/** Funding streams and allocations to and from their protos, checking the shape of what clients send. */
public final class FundingStreamMapper {

  static final Set<String> UPDATABLE = Set.of("title", "funder", "programme", "block", "arrangement",
      "previously_pooled", "heading", "start_date", "end_date", "conditions", "note");

  private FundingStreamMapper() {
  }

  /** The listing's filters, checked into {@code v}. */
  public static FundingStreamService.Filter filter(ListFundingStreamsRequest r, Violations v) {
    ProtoEnums.known(r.getBlock(), "block", v);
    ProtoEnums.known(r.getArrangement(), "arrangement", v);
    v.maxLength(r.getProgramme(), Violations.MAX_TITLE, "programme");
    LaaBlock block = r.getBlock();
    Arrangement arrangement = r.getArrangement();
    return new FundingStreamService.Filter(
        ProtoEnums.nameOrNull(block),
        ProtoEnums.nameOrNull(arrangement),
        r.getProgramme().isEmpty() ? null : r.getProgramme());
  }

  public static FundingStream toProto(FundingStreamRow s) {
    var b = FundingStream.newBuilder()
        .setName(s.name()).setId(s.code()).setTitle(s.title()).setDisplayName(s.displayName())
        .setFunder(s.funder()).setProgramme(s.programme()).setBlock(s.block()).setArrangement(s.arrangement())
        .setPreviouslyPooled(s.previouslyPooled()).setHeading(s.heading()).setConditions(s.conditions())
        .setNote(s.note()).setEtag(s.etag());
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
      b.setCapital(AmountMapper.toProto(a.capital()));
    }
    if (a.revenue() != null) {
      b.setRevenue(AmountMapper.toProto(a.revenue()));
    }
    if (a.createTime() != null) {
      b.setCreateTime(Protos.timestamp(a.createTime()));
    }
    return b.build();
  }

  /** A new stream as a client (or the importer) described it; fields are named {@code p} + their name. */
  public static FundingStreamRow fromProto(FundingStream in, String p, Violations v) {
    FieldBehaviors.checkRequired(in, p, v); // what the proto marks REQUIRED, with the rules below
    ResourceNames.FUNDING_STREAMS.validId(in.getId(), p + "id", v);
    v.maxLength(in.getTitle(), Violations.MAX_TITLE, p + "title");
    v.maxLength(in.getFunder(), Violations.MAX_TITLE, p + "funder");
    v.maxLength(in.getProgramme(), Violations.MAX_TITLE, p + "programme");
    v.maxLength(in.getHeading(), Violations.MAX_TITLE, p + "heading");
    v.maxLength(in.getConditions(), Violations.MAX_TEXT, p + "conditions");
    v.maxLength(in.getNote(), Violations.MAX_TEXT, p + "note");
    ProtoEnums.required(in.getBlock(), p + "block", v);
    ProtoEnums.required(in.getArrangement(), p + "arrangement", v);
    LocalDate start = in.hasStartDate() ? Protos.date(in.getStartDate(), p + "start_date", v).orElse(null) : null;
    LocalDate end = in.hasEndDate() ? Protos.date(in.getEndDate(), p + "end_date", v).orElse(null) : null;
    if (start != null && end != null) {
      v.check(!end.isBefore(start), p + "end_date", "is before start_date " + start);
    }
    return new FundingStreamRow(null, in.getId(), in.getTitle(), in.getFunder(), in.getProgramme(), in.getBlock(),
        in.getArrangement(), in.getPreviouslyPooled(), in.getHeading(), start, end, in.getConditions(), in.getNote(),
        0, null, null, 0);
  }

  /** The update mask's paths, and the stream's name, checked into {@code v}. */
  public static Set<String> updatePaths(UpdateFundingStreamRequest r, Violations v) {
    Set<String> paths = FieldMasks.paths(r.getUpdateMask(), UPDATABLE, v);
    ResourceNames.FUNDING_STREAMS.id(r.getFundingStream().getName(), "funding_stream.name", v);
    return paths;
  }

  /** {@code existing} with the fields {@code paths} names taken from {@code in}, checked as a whole. */
  public static FundingStreamRow merge(FundingStreamRow existing, FundingStream in, Set<String> paths, String p,
      Violations v) {
    FundingStreamRow u = fromProto(FieldMasks.merge(toProto(existing), in, paths), p, v);
    return new FundingStreamRow(existing.id(), existing.code(), u.title(), u.funder(), u.programme(), u.block(),
        u.arrangement(), u.previouslyPooled(), u.heading(), u.startDate(), u.endDate(), u.conditions(), u.note(),
        existing.position(), existing.createTime(), null, existing.version());
  }

  /** A new allocation of {@code stream}'s, or null (with violations) when its year is not one. */
  public static AllocationRow fromProto(Allocation in, FundingStreamRow stream, String p, Violations v) {
    FieldBehaviors.checkRequired(in, p, v); // what the proto marks REQUIRED, with the rules below
    FinancialYear year = FinancialYear.parse(in.getFinancialYear(), p + "financial_year", v);
    AmountValue capital = in.hasCapital() ? AmountMapper.fromProto(in.getCapital(), p + "capital", v) : null;
    AmountValue revenue = in.hasRevenue() ? AmountMapper.fromProto(in.getRevenue(), p + "revenue", v) : null;
    v.check(in.hasCapital() || in.hasRevenue(), p + "revenue", "an allocation needs capital, revenue or both");
    v.maxLength(in.getNote(), Violations.MAX_TEXT, p + "note");
    if (year != null && stream.endDate() != null) {
      v.check(!year.start().isAfter(stream.endDate()), p + "financial_year",
          year + " starts after the stream ends (" + stream.endDate() + ")");
    }
    return year == null ? null : AllocationRow.of(stream.id(), year.toString(), capital, revenue, in.getNote());
  }
}
