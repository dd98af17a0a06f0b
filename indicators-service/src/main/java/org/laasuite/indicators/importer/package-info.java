/**
 * The LAA Simple View CSV import (SimpleViewImporter), behind ImportSimpleView. The file is
 * checked whole, and every bad row is reported with its line; nothing is written from a file
 * with problems unless the caller allows it.
 */
package org.laasuite.indicators.importer;
