/**
 * ReportService: everything a report card needs of many indicators (measures, computed
 * judgement, trend, gap, periods) in a constant number of SQL statements, as IndicatorReportValues;
 * ReportMapper makes them IndicatorReport protos. It backs BatchGetIndicatorReports and
 * ListIndicatorReports.
 */
package org.laasuite.indicators.report;
