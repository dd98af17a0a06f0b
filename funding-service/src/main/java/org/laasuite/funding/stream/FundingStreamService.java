package org.laasuite.funding.stream;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.FieldMasks;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.funding.Amount;
import org.laasuite.common.FinancialYear;
import org.laasuite.funding.v1.Arrangement;
import org.laasuite.type.v1.LaaBlock;
import org.laasuite.funding.v1.Allocation;
import org.laasuite.funding.v1.FundingStream;

/** Funding streams and their allocations: rules and transactions. */
@Singleton
public class FundingStreamService {

  static final Set<String> UPDATABLE = Set.of("title", "funder", "programme", "block", "arrangement",
      "previously_pooled", "heading", "start_date", "end_date", "conditions", "note");

  private final FundingStreamRepository streams;
  private final AllocationRepository allocations;

  public FundingStreamService(FundingStreamRepository streams, AllocationRepository allocations) {
    this.streams = streams;
    this.allocations = allocations;
  }

  public FundingStreamRow get(String name, String field) {
    Violations v = new Violations();
    String code = ResourceNames.FUNDING_STREAMS.id(name, field, v);
    v.throwIfAny();
    return streams.findByCode(code).orElseThrow(() -> ApiException.notFound("FUNDING_STREAM", name));
  }

  /** Streams by id: one statement. */
  public java.util.Map<Long, FundingStreamRow> byIds(java.util.Collection<Long> ids) {
    return streams.findByIdIn(ids).stream().collect(java.util.stream.Collectors.toMap(FundingStreamRow::id, s -> s));
  }

  /** A listing's filters, each null when unset; {@link #query()} is what its page tokens are bound to. */
  public record Filter(@Nullable String block, @Nullable String arrangement, @Nullable String programme) {

    public String query() {
      return "streams;" + block + ";" + arrangement + ";" + programme;
    }
  }

  public Pages.Slice<FundingStreamRow> list(Filter filter, Pages.Page page) {
    return page.slice(streams.search(filter.block(), filter.arrangement(), filter.programme(), page.size(),
        page.offset()));
  }

  @Transactional
  public FundingStreamRow create(FundingStream in) {
    Violations v = new Violations();
    FundingStreamRow candidate = validated(in, "funding_stream.", v);
    v.throwIfAny();
    if (streams.existsByCode(candidate.code())) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "FUNDING_STREAM_ALREADY_EXISTS",
          candidate.name() + " already exists", "funding_stream.id");
    }
    return streams.save(candidate);
  }

  @Transactional
  public FundingStreamRow update(FundingStream in, FieldMask mask) {
    Violations v = new Violations();
    var paths = FieldMasks.paths(mask, UPDATABLE, v);
    String code = ResourceNames.FUNDING_STREAMS.id(in.getName(), "funding_stream.name", v);
    v.throwIfAny();
    FundingStreamRow existing = streams.findByCode(code)
        .orElseThrow(() -> ApiException.notFound("FUNDING_STREAM", in.getName()));
    var merged = FieldMasks.merge(FundingStreamMapper.toProto(existing), in, paths);
    FundingStreamRow u = validated(merged, "funding_stream.", v);
    v.throwIfAny();
    return streams.update(new FundingStreamRow(existing.id(), existing.code(), u.title(), u.funder(), u.programme(),
        u.block(), u.arrangement(), u.previouslyPooled(), u.heading(), u.startDate(), u.endDate(), u.conditions(),
        u.note(), existing.position(), existing.createTime(), null));
  }

  @Transactional
  public void delete(String name, CommitmentCheck commitments) {
    FundingStreamRow s = get(name, "name");
    if (commitments.countFor(s.id()) > 0) {
      throw new ApiException(Status.Code.FAILED_PRECONDITION, "FUNDING_STREAM_IN_USE",
          name + " pays for commitments; delete or move them first", List.of());
    }
    streams.delete(s);
  }

  /** How many commitments a stream pays for (the commitment feature answers). */
  public interface CommitmentCheck {
    long countFor(long streamId);
  }

  @Transactional
  public AllocationRow createAllocation(String parent, Allocation in) {
    FundingStreamRow s = get(parent, "parent");
    Violations v = new Violations();
    AllocationRow a = validatedAllocation(s, in, "allocation.", v);
    v.throwIfAny();
    if (allocations.findByStreamIdAndFinancialYear(s.id(), a.financialYear()).isPresent()) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "ALLOCATION_ALREADY_EXISTS",
          parent + " already has an allocation for " + a.financialYear(), "allocation.financial_year");
    }
    return allocations.save(a);
  }

  /** A page of the stream's allocations, in year order. */
  public Pages.Slice<AllocationRow> listAllocations(FundingStreamRow stream, Pages.Page page) {
    return page.slice(allocations.page(stream.id(), page.size(), page.offset()));
  }

  public static AllocationRow validatedAllocation(FundingStreamRow s, Allocation in, String p,
      Violations v) {
    FinancialYear year = FinancialYear.parse(in.getFinancialYear(), p + "financial_year", v);
    Amount capital = in.hasCapital() ? Amount.fromProto(in.getCapital(), p + "capital", v) : null;
    Amount revenue = in.hasRevenue() ? Amount.fromProto(in.getRevenue(), p + "revenue", v) : null;
    v.check(in.hasCapital() || in.hasRevenue(), p + "revenue", "an allocation needs capital, revenue or both");
    v.maxLength(in.getNote(), Violations.MAX_TEXT, p + "note");
    if (year != null && s.endDate() != null) {
      v.check(!year.start().isAfter(s.endDate()), p + "financial_year",
          year + " starts after the stream ends (" + s.endDate() + ")");
    }
    return year == null ? null : AllocationRow.of(s.id(), year.toString(), capital, revenue, in.getNote());
  }

  public static FundingStreamRow validated(FundingStream in, String p, Violations v) {
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
        0, null, null);
  }
}
