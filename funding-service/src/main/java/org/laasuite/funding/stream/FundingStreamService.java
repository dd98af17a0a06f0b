package org.laasuite.funding.stream;

import io.grpc.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.laasuite.common.audit.AuditLog;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Etags;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.funding.v1.Allocation;

/** Funding streams and their allocations: rules and transactions. */
@Singleton
public class FundingStreamService {

  private final FundingStreamRepository streams;
  private final AllocationRepository allocations;
  private final AuditLog audit;

  public FundingStreamService(FundingStreamRepository streams, AllocationRepository allocations, AuditLog audit) {
    this.streams = streams;
    this.allocations = allocations;
    this.audit = audit;
  }

  public FundingStreamRow get(String name, String field) {
    return ResourceNames.FUNDING_STREAMS.find(name, field, streams::findByCode);
  }

  /** The stream {@code name} names, or null with a violation of {@code field} (malformed, or absent). */
  public FundingStreamRow findOrViolation(String name, String field, Violations v) {
    return ResourceNames.FUNDING_STREAMS.findOrViolation(name, field, v, streams::findByCode);
  }

  /** Streams by id: one statement. */
  public Map<Long, FundingStreamRow> byIds(Collection<Long> ids) {
    return streams.findByIdIn(ids).stream().collect(Collectors.toMap(FundingStreamRow::id, s -> s));
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

  /**
   * Saves {@code candidate}; if its id is taken, answers the stored one when {@code sameAsAsked} says
   * it is what was asked for (a retried create), and ALREADY_EXISTS otherwise.
   */
  @Transactional
  public FundingStreamRow create(FundingStreamRow candidate, Predicate<FundingStreamRow> sameAsAsked) {
    var existing = streams.findByCode(candidate.code());
    if (existing.isPresent() && sameAsAsked.test(existing.get())) {
      return existing.get();
    }
    if (existing.isPresent()) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "FUNDING_STREAM_ALREADY_EXISTS",
          candidate.name() + " already exists", "funding_stream.id");
    }
    FundingStreamRow saved = streams.save(candidate);
    audit.record(AuditLog.CREATE, saved.name(), null, FundingStreamMapper.toProto(saved));
    return saved;
  }

  /**
   * Changes the stream {@code name} names (NOT_FOUND if there is none) to what {@code change} makes of it
   * (FundingStreamMapper.merge), as its next version. The row is locked first, so concurrent updates apply one
   * after another, each to the one before; ABORTED when {@code etag} is set and not the current one. Nothing is
   * written when the change reports a violation.
   */
  @Transactional
  public FundingStreamRow update(String name, String etag,
      BiFunction<FundingStreamRow, Violations, FundingStreamRow> change) {
    FundingStreamRow existing = ResourceNames.FUNDING_STREAMS.find(name, "funding_stream.name", streams::lockByCode);
    Etags.check(etag, existing.etag(), name);
    Violations v = new Violations();
    FundingStreamRow changed = change.apply(existing, v);
    v.throwIfAny();
    FundingStreamRow updated = streams.update(changed.nextVersion());
    audit.record(AuditLog.UPDATE, name, FundingStreamMapper.toProto(existing), FundingStreamMapper.toProto(updated));
    return updated;
  }

  /** Deletes the stream; ABORTED, deleting nothing, when {@code etag} is set and stale. */
  @Transactional
  public void delete(String name, String etag, CommitmentCheck commitments) {
    FundingStreamRow s = ResourceNames.FUNDING_STREAMS.find(name, "name", streams::lockByCode);
    Etags.check(etag, s.etag(), name);
    if (commitments.countFor(s.id()) > 0) {
      throw new ApiException(Status.Code.FAILED_PRECONDITION, "FUNDING_STREAM_IN_USE",
          name + " pays for commitments; delete or move them first", List.of());
    }
    streams.delete(s);
    audit.record(AuditLog.DELETE, s.name(), FundingStreamMapper.toProto(s), null);
  }

  /** How many commitments a stream pays for (the commitment feature answers). */
  public interface CommitmentCheck {
    long countFor(long streamId);
  }

  /** Stores {@code a}, an allocation of {@code s}'s, unless the stream has one for that year already. */
  @Transactional
  public AllocationRow createAllocation(FundingStreamRow s, AllocationRow a) {
    if (allocations.findByStreamIdAndFinancialYear(s.id(), a.financialYear()).isPresent()) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "ALLOCATION_ALREADY_EXISTS",
          s.name() + " already has an allocation for " + a.financialYear(), "allocation.financial_year");
    }
    AllocationRow saved = allocations.save(a);
    Allocation created = FundingStreamMapper.toProto(s, saved);
    audit.record(AuditLog.CREATE, created.getName(), null, created);
    return saved;
  }

  /** A page of the stream's allocations, in year order. */
  public Pages.Slice<AllocationRow> listAllocations(FundingStreamRow stream, Pages.Page page) {
    return page.slice(allocations.page(stream.id(), page.size(), page.offset()));
  }
}
