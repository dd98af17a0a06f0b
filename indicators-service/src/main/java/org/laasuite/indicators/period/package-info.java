/**
 * Reporting periods: the period's row, PeriodRepository, PeriodService and PeriodLabels, which
 * reads the labels partnerships write into dates and types.
 */
package org.laasuite.indicators.period;
