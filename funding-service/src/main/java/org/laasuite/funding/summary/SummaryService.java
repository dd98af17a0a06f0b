package org.laasuite.funding.summary;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.laasuite.common.FinancialYear;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Moneys;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.funding.AmountMapper;
import org.laasuite.funding.commitment.CommitmentMapper;
import org.laasuite.funding.commitment.CommitmentRepositories.CommitmentAmountRepository;
import org.laasuite.funding.commitment.CommitmentRepositories.CommitmentRepository;
import org.laasuite.funding.commitment.CommitmentRepositories.SpendRepository;
import org.laasuite.funding.commitment.CommitmentService;
import org.laasuite.funding.commitment.StreamPence;
import org.laasuite.funding.stream.AllocationRepository;
import org.laasuite.funding.stream.AllocationRow;
import org.laasuite.funding.stream.FundingStreamRepository;
import org.laasuite.funding.stream.FundingStreamRow;
import org.laasuite.funding.v1.Arrangement;
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
import org.laasuite.type.v1.LaaBlock;

/** The summaries the partnership asks for, computed from the data in a few statements. */
@Singleton
public class SummaryService {

  /** The agreement's order of blocks. */
  static final List<LaaBlock> BLOCKS = List.of(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE,
      LaaBlock.LAA_BLOCK_SAFER_AND_STRONGER_COMMUNITIES, LaaBlock.LAA_BLOCK_HEALTHIER_COMMUNITIES_AND_OLDER_PEOPLE,
      LaaBlock.LAA_BLOCK_ECONOMIC_DEVELOPMENT_AND_ENTERPRISE);
  static final List<Arrangement> ARRANGEMENTS = List.of(Arrangement.ARRANGEMENT_AUTOMATICALLY_POOLED, Arrangement.ARRANGEMENT_OTHER_POOLED,
      Arrangement.ARRANGEMENT_ALIGNED);

  private final FundingStreamRepository streams;
  private final AllocationRepository allocations;
  private final CommitmentRepository commitments;
  private final CommitmentAmountRepository commitmentAmounts;
  private final SpendRepository spend;
  private final CommitmentService commitmentService;

  public SummaryService(FundingStreamRepository streams, AllocationRepository allocations,
      CommitmentRepository commitments, CommitmentAmountRepository commitmentAmounts, SpendRepository spend,
      CommitmentService commitmentService) {
    this.streams = streams;
    this.allocations = allocations;
    this.commitments = commitments;
    this.commitmentAmounts = commitmentAmounts;
    this.spend = spend;
    this.commitmentService = commitmentService;
  }

  /** Running capital and revenue sums in pence, counting lines not yet quantified. */
  static final class Sum {
    long capital;
    long revenue;
    int unquantified;

    void add(AllocationRow a) {
      capital += a.capitalPence() == null ? 0 : a.capitalPence();
      revenue += a.revenuePence() == null ? 0 : a.revenuePence();
      if (a.hasUnquantified()) {
        unquantified++;
      }
    }

    void add(Sum s) {
      capital += s.capital;
      revenue += s.revenue;
      unquantified += s.unquantified;
    }

    Totals toProto() {
      return Totals.newBuilder().setCapital(Moneys.gbp(capital)).setRevenue(Moneys.gbp(revenue))
          .setTotal(Moneys.gbp(capital + revenue)).setUnquantifiedLines(unquantified).build();
    }
  }

  private static FinancialYear year(String text) {
    Violations v = new Violations();
    FinancialYear y = FinancialYear.parse(text, "financial_year", v);
    v.throwIfAny();
    return y;
  }

  public FundingSummary summary(String financialYear) {
    String year = year(financialYear).toString();
    Map<Long, AllocationRow> byStream = allocations.findByFinancialYear(year).stream()
        .collect(Collectors.toMap(AllocationRow::streamId, a -> a));
    List<FundingStreamRow> all = streams.listInOrder();
    var out = FundingSummary.newBuilder().setFinancialYear(year);
    Sum pooled = new Sum();
    Sum aligned = new Sum();
    Map<LaaBlock, Sum> blockPooled = new LinkedHashMap<>();
    Map<LaaBlock, Sum> blockAligned = new LinkedHashMap<>();
    for (Arrangement arrangement : ARRANGEMENTS) {
      var af = ArrangementFunding.newBuilder().setArrangement(arrangement);
      Sum arrangementSum = new Sum();
      for (LaaBlock block : BLOCKS) {
        var bf = BlockFunding.newBuilder().setBlock(block);
        Sum blockSum = new Sum();
        for (FundingStreamRow s : all) {
          AllocationRow a = byStream.get(s.id());
          if (s.arrangement() != arrangement || s.block() != block || a == null) {
            continue;
          }
          var line = FundingLine.newBuilder().setFundingStream(s.name()).setDisplayName(s.displayName())
              .setHeading(s.heading()).setPreviouslyPooled(s.previouslyPooled());
          if (a.capital() != null) {
            line.setCapital(AmountMapper.toProto(a.capital()));
          }
          if (a.revenue() != null) {
            line.setRevenue(AmountMapper.toProto(a.revenue()));
          }
          bf.addLines(line);
          blockSum.add(a);
        }
        if (bf.getLinesCount() > 0) {
          af.addBlocks(bf.setSubtotal(blockSum.toProto()));
        }
        arrangementSum.add(blockSum);
        (arrangement == Arrangement.ARRANGEMENT_ALIGNED ? blockAligned : blockPooled).computeIfAbsent(block, b -> new Sum())
            .add(blockSum);
      }
      out.addArrangements(af.setTotal(arrangementSum.toProto()));
      (arrangement == Arrangement.ARRANGEMENT_ALIGNED ? aligned : pooled).add(arrangementSum);
    }
    Sum total = new Sum();
    total.add(pooled);
    total.add(aligned);
    for (LaaBlock block : BLOCKS) {
      out.addBlocks(BlockTotals.newBuilder().setBlock(block)
          .setPooled(blockPooled.getOrDefault(block, new Sum()).toProto())
          .setAligned(blockAligned.getOrDefault(block, new Sum()).toProto()));
    }
    return out.setPooled(pooled.toProto()).setAligned(aligned.toProto()).setTotal(total.toProto()).build();
  }

  public SpendReport spendReport(String financialYear, String fundingStream) {
    String year = year(financialYear).toString();
    Map<Long, Long> committed = commitmentAmounts.committedByStream(year).stream()
        .collect(Collectors.toMap(StreamPence::streamId, StreamPence::pence));
    Map<Long, Long> spent = spend.spentByStream(year).stream()
        .collect(Collectors.toMap(StreamPence::streamId, StreamPence::pence));
    Map<Long, AllocationRow> byStream = allocations.findByFinancialYear(year).stream()
        .collect(Collectors.toMap(AllocationRow::streamId, a -> a));
    List<FundingStreamRow> chosen = streams.listInOrder();
    if (!fundingStream.isEmpty()) {
      Violations v = new Violations();
      String code = ResourceNames.FUNDING_STREAMS.id(fundingStream, "funding_stream", v);
      v.throwIfAny();
      chosen = chosen.stream().filter(s -> s.code().equals(code)).toList();
      if (chosen.isEmpty()) {
        throw ApiException.notFound("FUNDING_STREAM", fundingStream);
      }
    }
    var out = SpendReport.newBuilder().setFinancialYear(year);
    long allocatedTotal = 0;
    long spentTotal = 0;
    for (FundingStreamRow s : chosen) {
      AllocationRow a = byStream.get(s.id());
      if (a == null && !spent.containsKey(s.id())) {
        continue;
      }
      long allocated = a == null ? 0 : a.quantifiedPence();
      long sp = spent.getOrDefault(s.id(), 0L);
      out.addLines(SpendLine.newBuilder().setFundingStream(s.name()).setDisplayName(s.displayName())
          .setAllocated(Moneys.gbp(allocated)).setCommitted(Moneys.gbp(committed.getOrDefault(s.id(), 0L)))
          .setSpent(Moneys.gbp(sp)).setRemaining(signed(allocated - sp)).setOverspent(sp > allocated)
          .setAllocationUnquantified(a != null && a.hasUnquantified()));
      allocatedTotal += allocated;
      spentTotal += sp;
    }
    return out.setAllocated(Moneys.gbp(allocatedTotal)).setSpent(Moneys.gbp(spentTotal)).build();
  }

  /** Money can be negative here only: an overspend. */
  private static com.google.type.Money signed(long pence) {
    if (pence >= 0) {
      return Moneys.gbp(pence);
    }
    var m = Moneys.gbp(-pence);
    return m.toBuilder().setUnits(-m.getUnits()).setNanos(-m.getNanos()).build();
  }

  /** The commitments supporting each indicator: a constant number of statements for any number. */
  public List<IndicatorFunding> forIndicators(List<String> indicators, String financialYear) {
    Violations v = new Violations();
    ResourceNames.checkBatch(indicators.size(), false, "indicators", "indicators", v);
    for (int i = 0; i < indicators.size(); i++) {
      v.check(ResourceNames.INDICATORS.isName(indicators.get(i)), "indicators[" + i + "]",
          "must look like 'indicators/{code}'");
    }
    FinancialYear year = financialYear.isEmpty() ? null : FinancialYear.parse(financialYear, "financial_year", v);
    v.throwIfAny();
    if (indicators.isEmpty()) {
      return List.of();
    }
    var full = commitmentService.full(commitments.supporting(indicators));
    List<IndicatorFunding> out = new ArrayList<>();
    for (String indicator : indicators) {
      var f = IndicatorFunding.newBuilder().setIndicator(indicator);
      full.stream().filter(c -> c.supports().contains(indicator))
          .sorted(Comparator.comparing(c -> c.commitment().code()))
          .forEach(c -> {
            var sc = SupportingCommitment.newBuilder().setCommitment(CommitmentMapper.toProto(c))
                .setFundingStreamDisplayName(c.stream() == null ? "" : c.stream().displayName());
            c.amounts().stream().filter(a -> year != null && a.financialYear().equals(year.toString())).findFirst()
                .ifPresent(a -> sc.setAmount(AmountMapper.toProto(a.amount())));
            f.addCommitments(sc);
          });
      out.add(f.build());
    }
    return out;
  }
}
