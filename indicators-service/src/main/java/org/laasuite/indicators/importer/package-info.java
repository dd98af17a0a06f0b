/**
 * The LAA Simple View import (SimpleViewImporter), behind ImportSimpleView and StreamImportSimpleView: a CSV file, or
 * an Excel workbook read as a stream (SimpleViewWorkbook), both in SimpleViewLayout. The file is
 * checked whole, and every bad row is reported with its line; nothing is written from a file
 * with problems unless the caller allows it.
 */
package org.laasuite.indicators.importer;
