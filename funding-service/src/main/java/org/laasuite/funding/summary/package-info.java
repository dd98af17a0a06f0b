/**
 * SummaryService computes the summaries read from streams, allocations and commitments: the
 * year laid out as Annex 3 (GetFundingSummary), spend against allocation (GetSpendReport), and
 * each indicator's supporting commitments (BatchGetIndicatorFunding). Each uses a few
 * statements, and none writes.
 */
package org.laasuite.funding.summary;
