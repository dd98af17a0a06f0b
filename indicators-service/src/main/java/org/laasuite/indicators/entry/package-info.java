/**
 * Entries: an indicator's figures for a period on their way from entry to the public (draft, submitted, approved,
 * published, returned), and the editions that freeze a quarter's published report.
 */
package org.laasuite.indicators.entry;
