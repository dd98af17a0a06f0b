/**
 * Comparator groups (England, the region, nearest neighbours) and their figures of an indicator and period: rows,
 * repositories and ComparatorService, which holds their rules and transactions. The position of the city's figure
 * among them is judgement.ComparatorPositions'; reports read the figures with the rest (report.ReportFigures).
 */
package org.laasuite.indicators.comparator;
