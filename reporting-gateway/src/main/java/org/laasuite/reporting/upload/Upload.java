package org.laasuite.reporting.upload;

import java.time.Instant;

/**
 * A file chosen on the upload page, kept by the gateway between its dry run and its import under {@code id}, an
 * opaque random id (also the import's request_id, so that the import is made once however often it is asked), for
 * the person who chose it only ({@code owner}: issuer and subject).
 *
 * @param workbook whether it is an Excel workbook (XLSX) rather than a CSV file
 */
record Upload(String id, String owner, String fileName, byte[] content, boolean workbook, Instant kept) {

  static String owner(String issuer, String subject) {
    return issuer + " " + subject;
  }
}
