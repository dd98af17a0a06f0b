package org.laasuite.funding.summary;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.laasuite.common.FinancialYear;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.funding.commitment.CommitmentAmountRow;
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

  private static FinancialYear year(String text) {
    Violations v = new Violations();
    FinancialYear y = FinancialYear.parse(text, "financial_year", v);
    v.throwIfAny();
    return y;
  }

  /** The year's allocations by stream id. */
  private Map<Long, AllocationRow> allocationsByStream(String year) {
    return allocations.findByFinancialYear(year).stream().collect(Collectors.toMap(AllocationRow::streamId, a -> a));
  }

  /** The year as Annex 3: arrangements in the agreement's order, blocks with lines, every subtotal and total. */
  public FundingSummaryValue summary(String financialYear) {
    String year = year(financialYear).toString();
    Map<Long, AllocationRow> byStream = allocationsByStream(year);
    List<FundingStreamRow> all = streams.listInOrder();
    List<ArrangementFundingValue> arrangements = new ArrayList<>();
    TotalsValue pooled = TotalsValue.ZERO;
    TotalsValue aligned = TotalsValue.ZERO;
    Map<LaaBlock, TotalsValue> blockPooled = new EnumMap<>(LaaBlock.class);
    Map<LaaBlock, TotalsValue> blockAligned = new EnumMap<>(LaaBlock.class);
    for (Arrangement arrangement : ARRANGEMENTS) {
      boolean isAligned = arrangement == Arrangement.ARRANGEMENT_ALIGNED;
      List<BlockFundingValue> blocks = new ArrayList<>();
      TotalsValue arrangementSum = TotalsValue.ZERO;
      for (LaaBlock block : BLOCKS) {
        List<FundingLineValue> lines = new ArrayList<>();
        TotalsValue blockSum = TotalsValue.ZERO;
        for (FundingStreamRow s : all) {
          AllocationRow a = byStream.get(s.id());
          if (s.arrangement() == arrangement && s.block() == block && a != null) {
            lines.add(new FundingLineValue(s, a));
            blockSum = blockSum.plus(a);
          }
        }
        if (!lines.isEmpty()) {
          blocks.add(new BlockFundingValue(block, lines, blockSum));
        }
        arrangementSum = arrangementSum.plus(blockSum);
        (isAligned ? blockAligned : blockPooled).merge(block, blockSum, TotalsValue::plus);
      }
      arrangements.add(new ArrangementFundingValue(arrangement, blocks, arrangementSum));
      if (isAligned) {
        aligned = aligned.plus(arrangementSum);
      } else {
        pooled = pooled.plus(arrangementSum);
      }
    }
    List<BlockTotalsValue> blockTotals = BLOCKS.stream().map(b -> new BlockTotalsValue(b,
        blockPooled.getOrDefault(b, TotalsValue.ZERO), blockAligned.getOrDefault(b, TotalsValue.ZERO))).toList();
    return new FundingSummaryValue(year, arrangements, blockTotals, pooled, aligned, pooled.plus(aligned));
  }

  /** Spend against allocation for the year: every stream with an allocation or spend, or the one named. */
  public SpendReportValue spendReport(String financialYear, String fundingStream) {
    String year = year(financialYear).toString();
    Map<Long, Long> committed = commitmentAmounts.committedByStream(year).stream()
        .collect(Collectors.toMap(StreamPence::streamId, StreamPence::pence));
    Map<Long, Long> spent = spend.spentByStream(year).stream()
        .collect(Collectors.toMap(StreamPence::streamId, StreamPence::pence));
    Map<Long, AllocationRow> byStream = allocationsByStream(year);
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
    List<SpendLineValue> lines = new ArrayList<>();
    for (FundingStreamRow s : chosen) {
      AllocationRow a = byStream.get(s.id());
      if (a != null || spent.containsKey(s.id())) {
        lines.add(new SpendLineValue(s, a, committed.getOrDefault(s.id(), 0L), spent.getOrDefault(s.id(), 0L)));
      }
    }
    return new SpendReportValue(year, lines);
  }

  /** The commitments supporting each indicator: a constant number of statements for any number. */
  public List<IndicatorFundingValue> forIndicators(List<String> indicators, String financialYear) {
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
    // StreamPence carries the commitment's id here: the sum of pence per id.
    Map<Long, Long> spent = full.isEmpty() ? Map.of() : spend.spentByCommitment(full.stream()
        .map(c -> c.commitment().id()).distinct().toList(), year == null ? null : year.toString())
        .stream().collect(Collectors.toMap(StreamPence::streamId, StreamPence::pence));
    List<IndicatorFundingValue> out = new ArrayList<>();
    for (String indicator : indicators) {
      out.add(new IndicatorFundingValue(indicator, full.stream().filter(c -> c.supports().contains(indicator))
          .sorted(Comparator.comparing(c -> c.commitment().code()))
          .map(c -> new SupportingCommitmentValue(c, c.amounts().stream()
              .filter(a -> year != null && a.financialYear().equals(year.toString())).findFirst()
              .map(CommitmentAmountRow::amount).orElse(null), spent.getOrDefault(c.commitment().id(), 0L)))
          .toList()));
    }
    return out;
  }
}
