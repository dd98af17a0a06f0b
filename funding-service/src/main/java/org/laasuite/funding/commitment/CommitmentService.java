package org.laasuite.funding.commitment;

import io.grpc.Status;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.laasuite.common.FinancialYear;
import org.laasuite.common.audit.AuditLog;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Moneys;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.funding.commitment.CommitmentRepositories.CommitmentAmountRepository;
import org.laasuite.funding.commitment.CommitmentRepositories.CommitmentRepository;
import org.laasuite.funding.commitment.CommitmentRepositories.SpendRepository;
import org.laasuite.funding.stream.AllocationRepository;
import org.laasuite.funding.stream.AllocationRow;
import org.laasuite.funding.stream.FundingStreamRow;
import org.laasuite.funding.stream.FundingStreamService;
import org.laasuite.funding.v1.Spend;

/** Commitments (what the money pays for) and the spend against them. */
@Singleton
public class CommitmentService implements FundingStreamService.CommitmentCheck {


  private final CommitmentRepository commitments;
  private final CommitmentAmountRepository amounts;
  private final SpendRepository spend;
  private final CommitmentSupports supports;
  private final CommitmentDetails details;
  private final FundingStreamService streams;
  private final AllocationRepository allocations;
  private final AuditLog audit;

  public CommitmentService(CommitmentRepository commitments, CommitmentAmountRepository amounts, SpendRepository spend,
      CommitmentSupports supports, CommitmentDetails details, FundingStreamService streams, AllocationRepository allocations, AuditLog audit) {
    this.commitments = commitments;
    this.amounts = amounts;
    this.spend = spend;
    this.supports = supports;
    this.details = details;
    this.streams = streams;
    this.allocations = allocations;
    this.audit = audit;
  }

  @Override
  public long countFor(long streamId) {
    return commitments.countByStreamId(streamId);
  }

  /** A commitment with everything that belongs to it, ready to map. */
  public record Full(CommitmentRow commitment, List<CommitmentAmountRow> amounts, List<String> supports,
      FundingStreamRow stream) {
  }

  public Full get(String name) {
    CommitmentRow c = find(name, "name");
    return full(List.of(c)).getFirst();
  }

  /** The commitment {@code name} names, on its own; NOT_FOUND when there is none. */
  public CommitmentRow find(String name, String field) {
    return ResourceNames.COMMITMENTS.find(name, field, commitments::findByCode);
  }

  /** The amounts, supports and streams of many commitments: one statement whatever their number. */
  public List<Full> full(List<CommitmentRow> cs) {
    var details = this.details.of(cs.stream().map(CommitmentRow::id).toList());
    return cs.stream().map(c -> new Full(c, details.amounts().getOrDefault(c.id(), List.of()),
        details.supports().getOrDefault(c.id(), List.of()), c.streamId() == null ? null
            : details.streams().get(c.streamId())))
        .toList();
  }

  /** A page of commitments, all or those one stream pays for, in code order. */
  public Pages.Slice<Full> list(String fundingStream, Pages.Page page) {
    Long streamId = fundingStream.isEmpty() ? null : streams.get(fundingStream, "funding_stream").id();
    return page.slice(full(commitments.page(streamId, page.size(), page.offset())));
  }

  /** A page of the commitments whose funding ends before {@code before}: the succession risks. */
  public Pages.Slice<Full> endingBefore(LocalDate before, Pages.Page page) {
    return page.slice(full(commitments.endingBefore(before, page.size(), page.offset())));
  }

  /** A new commitment as the client described it, its shape checked (CommitmentMapper.fromProto). */
  public record Draft(CommitmentRow commitment, String fundingStream, List<CommitmentAmountRow> amounts,
      List<String> supports) {
  }

  /**
   * Creates a commitment. For each year with an amount it checks what the stream has left (its
   * allocation less what is already committed); more than that is refused, unless
   * {@code allowOverCommitment}, when the commitment is stored flagged as over-committed. A retry (a
   * stored commitment with its id that {@code sameAs} the one asked for says is the same) answers the
   * stored one first, before its amount could be counted against itself.
   */
  @Transactional
  public Full create(Draft d, boolean allowOverCommitment, Function<Full, Predicate<Full>> sameAs) {
    Violations v = new Violations();
    String p = "commitment.";
    CommitmentRow in = d.commitment();
    FundingStreamRow stream = d.fundingStream().isEmpty() ? null
        : streams.findOrViolation(d.fundingStream(), p + "funding_stream", v);
    var stored = commitments.findByCode(in.code()).map(c -> full(List.of(c)).getFirst());
    if (stored.isPresent() && v.isEmpty()
        && sameAs.apply(new Full(in, d.amounts(), d.supports(), stream)).test(stored.get())) {
      return stored.get();
    }
    boolean over = false;
    for (int i = 0; i < d.amounts().size(); i++) {
      CommitmentAmountRow a = d.amounts().get(i);
      if (stream != null && a.pence() != null) {
        String problem = overCommitment(stream, a.financialYear(), a.pence());
        if (problem != null && allowOverCommitment) {
          over = true;
        } else if (problem != null) {
          v.add(p + "amounts[" + i + "].amount", problem + "; set allow_over_commitment to record it anyway, flagged");
        }
      }
    }
    v.throwIfAny();
    if (stored.isPresent()) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "COMMITMENT_ALREADY_EXISTS",
          in.name() + " already exists", p + "id");
    }
    CommitmentRow saved = commitments.save(new CommitmentRow(null, in.code(), in.title(), in.kind(),
        in.programme(), stream == null ? null : stream.id(), in.posts(), in.startDate(), in.endDate(), in.source(),
        in.note(), over, in.recipient(), null));
    amounts.saveAll(d.amounts().stream().map(a -> new CommitmentAmountRow(null, saved.id(), a.financialYear(),
        a.pence(), a.status(), a.originalText())).toList());
    supports.save(saved.id(), d.supports());
    Full created = full(List.of(saved)).getFirst();
    audit.record(AuditLog.CREATE, saved.name(), null, CommitmentMapper.toProto(created));
    return created;
  }

  /** Null when the stream can afford {@code pence} in {@code year}; else why not. */
  private String overCommitment(FundingStreamRow stream, String year, long pence) {
    AllocationRow a = allocations.findByStreamIdAndFinancialYear(stream.id(), year).orElse(null);
    if (a == null) {
      return stream.name() + " has no allocation for " + year;
    }
    if (a.hasUnquantified()) {
      return null; // part of the allocation is not yet quantified: nothing to hold the commitment against
    }
    long left = a.quantifiedPence() - amounts.committedFrom(stream.id(), year);
    return pence <= left ? null : Moneys.format(pence) + " is more than " + stream.name() + " has left in " + year
        + " (" + Moneys.format(Math.max(left, 0)) + " of " + Moneys.format(a.quantifiedPence()) + ")";
  }

  /**
   * Records spend {@code s} against commitment {@code c}, unless its quarter falls outside the
   * commitment's or its stream's dates, or the quarter has spend already.
   */
  @Transactional
  public SpendRow createSpend(CommitmentRow c, SpendRow s) {
    Violations v = new Violations();
    FinancialYear year = FinancialYear.parse(s.financialYear(), "spend.financial_year", v);
    int quarter = s.quarter();
    LocalDate qs = year.quarterStart(quarter);
    LocalDate qe = year.quarterEnd(quarter);
    String when = year + " Q" + quarter + " (" + qs + " to " + qe + ")";
    FundingStreamRow stream = c.streamId() == null ? null : streams.byIds(Set.of(c.streamId())).get(c.streamId());
    if (c.endDate() != null) {
      v.check(!qs.isAfter(c.endDate()), "spend.quarter", when + " is after the commitment's funding ends ("
          + c.endDate() + ")");
    }
    if (c.startDate() != null) {
      v.check(!qe.isBefore(c.startDate()), "spend.quarter", when + " is before the commitment starts ("
          + c.startDate() + ")");
    }
    if (stream != null && stream.endDate() != null) {
      v.check(!qs.isAfter(stream.endDate()), "spend.quarter", when + " is after " + stream.name() + " ends ("
          + stream.endDate() + ")");
    }
    if (stream != null && stream.startDate() != null) {
      v.check(!qe.isBefore(stream.startDate()), "spend.quarter", when + " is before " + stream.name()
          + " starts (" + stream.startDate() + ")");
    }
    v.throwIfAny();
    if (spend.existsByCommitmentIdAndFinancialYearAndQuarter(c.id(), s.financialYear(), quarter)) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "SPEND_ALREADY_EXISTS",
          c.name() + " already has spend for " + year + " Q" + quarter, "spend.quarter");
    }
    SpendRow saved = spend.save(new SpendRow(null, c.id(), s.financialYear(), quarter, s.pence(), s.note(), null));
    Spend created = CommitmentMapper.toProto(c, saved);
    audit.record(AuditLog.CREATE, created.getName(), null, created);
    return saved;
  }

  /** A page of the commitment's spend, in year and quarter order. */
  public Pages.Slice<SpendRow> listSpend(CommitmentRow commitment, Pages.Page page) {
    return page.slice(spend.page(commitment.id(), page.size(), page.offset()));
  }
}
