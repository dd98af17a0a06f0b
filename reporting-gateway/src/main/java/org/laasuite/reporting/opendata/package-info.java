/**
 * Open data: what the partnership publishes as files anyone may download (what is published; with a sign-in, what
 * that person may see), e.g. the LAA Simple View as CSV and as an Excel workbook (SimpleViewDownloads).
 */
package org.laasuite.reporting.opendata;
