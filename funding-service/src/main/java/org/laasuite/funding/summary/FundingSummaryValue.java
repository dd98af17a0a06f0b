package org.laasuite.funding.summary;

import java.util.List;

/** A year's funding laid out as Annex 3: by arrangement and block, with every block's and the year's totals. */
public record FundingSummaryValue(String financialYear, List<ArrangementFundingValue> arrangements,
    List<BlockTotalsValue> blocks, TotalsValue pooled, TotalsValue aligned, TotalsValue total) {
}
