/**
 * SummaryService computes the summaries read from streams, allocations and commitments, as values
 * in pence with the rows they come from: the year laid out as Annex 3 (FundingSummaryValue, for
 * GetFundingSummary), spend against allocation (SpendReportValue, GetSpendReport), and each
 * indicator's supporting commitments (IndicatorFundingValue, BatchGetIndicatorFunding). Each uses
 * a few statements, and none writes. SummaryMapper makes their protos.
 */
package org.laasuite.funding.summary;
