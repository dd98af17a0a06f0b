/** The indicators written out as files: the LAA Simple View as CSV and as an Excel workbook. */
package org.laasuite.indicators.exporter;
