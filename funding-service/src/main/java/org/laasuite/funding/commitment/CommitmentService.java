package org.laasuite.funding.commitment;

import org.laasuite.common.grpc.ResourceNames;
import io.grpc.Status;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Moneys;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.Violations;
import org.laasuite.funding.Amount;
import org.laasuite.common.FinancialYear;
import org.laasuite.funding.commitment.CommitmentRepositories.CommitmentAmountRepository;
import org.laasuite.funding.commitment.CommitmentRepositories.CommitmentRepository;
import org.laasuite.funding.commitment.CommitmentRepositories.SpendRepository;
import org.laasuite.funding.stream.AllocationRow;
import org.laasuite.funding.stream.AllocationRepository;
import org.laasuite.funding.stream.FundingStreamRow;
import org.laasuite.funding.stream.FundingStreamService;
import org.laasuite.funding.v1.CommitmentKind;
import org.laasuite.funding.v1.YearAmount;
import org.laasuite.funding.v1.Commitment;
import org.laasuite.funding.v1.Spend;

/** Commitments (what the money pays for) and the spend against them. */
@Singleton
public class CommitmentService implements FundingStreamService.CommitmentCheck {


  private final CommitmentRepository commitments;
  private final CommitmentAmountRepository amounts;
  private final SpendRepository spend;
  private final CommitmentSupports supports;
  private final FundingStreamService streams;
  private final AllocationRepository allocations;

  public CommitmentService(CommitmentRepository commitments, CommitmentAmountRepository amounts, SpendRepository spend,
      CommitmentSupports supports, FundingStreamService streams, AllocationRepository allocations) {
    this.commitments = commitments;
    this.amounts = amounts;
    this.spend = spend;
    this.supports = supports;
    this.streams = streams;
    this.allocations = allocations;
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

  /** The amounts, supports and streams of many commitments: three statements whatever their number. */
  public List<Full> full(List<CommitmentRow> cs) {
    List<Long> ids = cs.stream().map(CommitmentRow::id).toList();
    Map<Long, List<CommitmentAmountRow>> amountsOf = ids.isEmpty() ? Map.of()
        : amounts.findByCommitmentIdInOrderByFinancialYear(ids).stream()
            .collect(Collectors.groupingBy(CommitmentAmountRow::commitmentId));
    Map<Long, List<String>> supportsOf = supports.of(ids);
    Set<Long> streamIds = cs.stream().map(CommitmentRow::streamId).filter(java.util.Objects::nonNull)
        .collect(Collectors.toSet());
    Map<Long, FundingStreamRow> streamsById = streamIds.isEmpty() ? Map.of()
        : streams.byIds(streamIds);
    return cs.stream().map(c -> new Full(c, amountsOf.getOrDefault(c.id(), List.of()),
        supportsOf.getOrDefault(c.id(), List.of()), c.streamId() == null ? null : streamsById.get(c.streamId())))
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

  /**
   * Creates a commitment. For each year with an amount it checks what the stream has left (its
   * allocation less what is already committed); more than that is refused, unless
   * {@code allowOverCommitment}, when the commitment is stored flagged as over-committed.
   */
  @Transactional
  public Full create(Commitment in, boolean allowOverCommitment) {
    Violations v = new Violations();
    String p = "commitment.";
    ResourceNames.COMMITMENTS.validId(in.getId(), p + "id", v);
    v.requiredText(in.getTitle(), Violations.MAX_TITLE, p + "title");
    v.requiredText(in.getProgramme(), Violations.MAX_TITLE, p + "programme");
    v.check(in.getKind() != CommitmentKind.COMMITMENT_KIND_UNSPECIFIED && in.getKind() != CommitmentKind.UNRECOGNIZED,
        p + "kind", "must be PROJECT, POST, THEME_GROUP_WORK or OTHER");
    v.check(in.getPosts() >= 0 && in.getPosts() <= 10_000, p + "posts", "must be 0 to 10,000");
    v.maxLength(in.getSource(), Violations.MAX_TITLE, p + "source");
    v.maxLength(in.getNote(), Violations.MAX_TEXT, p + "note");
    LocalDate start = in.hasStartDate() ? Protos.date(in.getStartDate(), p + "start_date", v).orElse(null) : null;
    LocalDate end = in.hasEndDate() ? Protos.date(in.getEndDate(), p + "end_date", v).orElse(null) : null;
    if (start != null && end != null) {
      v.check(!end.isBefore(start), p + "end_date", "is before start_date " + start);
    }
    FundingStreamRow stream = null;
    if (!in.getFundingStream().isEmpty()) {
      try {
        stream = streams.get(in.getFundingStream(), p + "funding_stream");
      } catch (ApiException e) {
        v.add(p + "funding_stream", in.getFundingStream() + (e.code() == Status.Code.NOT_FOUND ? " does not exist"
            : " must look like 'fundingStreams/{id}'"));
      }
    }
    List<String> supported = new ArrayList<>();
    for (int i = 0; i < in.getSupportsIndicatorsCount(); i++) {
      String r = in.getSupportsIndicators(i);
      if (v.check(ResourceNames.INDICATORS.isName(r), p + "supports_indicators[" + i + "]",
          "must look like 'indicators/{code}'")) {
        supported.add(r);
      }
    }
    for (int i = 0; i < in.getSupportsBodiesCount(); i++) {
      String r = in.getSupportsBodies(i);
      if (v.check(ResourceNames.BODIES.isName(r), p + "supports_bodies[" + i + "]",
          "must look like 'bodies/{id}'")) {
        supported.add(r);
      }
    }
    List<CommitmentAmountRow> years = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean over = false;
    for (int i = 0; i < in.getAmountsCount(); i++) {
      YearAmount ya = in.getAmounts(i);
      String f = p + "amounts[" + i + "]";
      FinancialYear year = FinancialYear.parse(ya.getFinancialYear(), f + ".financial_year", v);
      Amount amount = Amount.fromProto(ya.getAmount(), f + ".amount", v);
      if (year == null || amount == null) {
        continue;
      }
      v.check(seen.add(year.toString()), f + ".financial_year", year + " is given twice");
      if (stream != null && amount.quantified()) {
        String problem = overCommitment(stream, year, amount.pence());
        if (problem != null && allowOverCommitment) {
          over = true;
        } else if (problem != null) {
          v.add(f + ".amount", problem + "; set allow_over_commitment to record it anyway, flagged");
        }
      }
      years.add(new CommitmentAmountRow(null, 0, year.toString(), amount.pence(), amount.status(), amount.text()));
    }
    v.throwIfAny();
    if (commitments.existsByCode(in.getId())) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "COMMITMENT_ALREADY_EXISTS",
          "commitments/" + in.getId() + " already exists", p + "id");
    }
    CommitmentRow saved = commitments.save(new CommitmentRow(null, in.getId(), in.getTitle(), in.getKind(),
        in.getProgramme(), stream == null ? null : stream.id(), in.getPosts(), start, end, in.getSource(),
        in.getNote(), over, null));
    amounts.saveAll(years.stream().map(a -> new CommitmentAmountRow(null, saved.id(), a.financialYear(), a.pence(),
        a.status(), a.originalText())).toList());
    supports.save(saved.id(), supported);
    return full(List.of(saved)).getFirst();
  }

  /** Null when the stream can afford {@code pence} in {@code year}; else why not. */
  private String overCommitment(FundingStreamRow stream, FinancialYear year, long pence) {
    AllocationRow a = allocations.findByStreamIdAndFinancialYear(stream.id(), year.toString()).orElse(null);
    if (a == null) {
      return stream.name() + " has no allocation for " + year;
    }
    if (a.hasUnquantified()) {
      return null; // part of the allocation is not yet quantified: nothing to hold the commitment against
    }
    long left = a.quantifiedPence() - amounts.committedFrom(stream.id(), year.toString());
    return pence <= left ? null : Moneys.format(pence) + " is more than " + stream.name() + " has left in " + year
        + " (" + Moneys.format(Math.max(left, 0)) + " of " + Moneys.format(a.quantifiedPence()) + ")";
  }

  @Transactional
  public SpendRow createSpend(String parent, Spend in) {
    CommitmentRow c = find(parent, "parent");
    Violations v = new Violations();
    FinancialYear year = FinancialYear.parse(in.getFinancialYear(), "spend.financial_year", v);
    v.check(in.getQuarter() >= 1 && in.getQuarter() <= 4, "spend.quarter", "must be 1 (April-June) to 4 (January-March)");
    Long pence = v.check(in.hasAmount(), "spend.amount", "is required") ? Moneys.pence(in.getAmount(), "spend.amount", v)
        : null;
    v.maxLength(in.getNote(), Violations.MAX_TEXT, "spend.note");
    if (year != null && in.getQuarter() >= 1 && in.getQuarter() <= 4) {
      LocalDate qs = year.quarterStart(in.getQuarter());
      LocalDate qe = year.quarterEnd(in.getQuarter());
      String when = year + " Q" + in.getQuarter() + " (" + qs + " to " + qe + ")";
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
    }
    v.throwIfAny();
    if (spend.existsByCommitmentIdAndFinancialYearAndQuarter(c.id(), year.toString(), in.getQuarter())) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "SPEND_ALREADY_EXISTS",
          parent + " already has spend for " + year + " Q" + in.getQuarter(), "spend.quarter");
    }
    return spend.save(new SpendRow(null, c.id(), year.toString(), in.getQuarter(), pence, in.getNote(), null));
  }

  /** A page of the commitment's spend, in year and quarter order. */
  public Pages.Slice<SpendRow> listSpend(CommitmentRow commitment, Pages.Page page) {
    return page.slice(spend.page(commitment.id(), page.size(), page.offset()));
  }
}
