/**
 * The upload page ({@code /import}): a Simple View file (CSV or an Excel workbook) chosen by a signed-in person whose
 * rights allow importing, checked first (a dry run listing every problem by sheet, row and column), then imported
 * with its progress shown, every call made as that person.
 */
package org.laasuite.reporting.upload;
