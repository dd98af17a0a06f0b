package org.laasuite.reporting;

import io.grpc.ManagedChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.laasuite.indicators.v1.DeleteIndicatorRequest;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.testkit.TestIssuer;

/**
 * Small Simple View CSV files in the layout of data/coventry-2007-08/laa-simple-view.csv, each indicator a code of the
 * test's own (the import refuses codes that exist), and their indicators archived afterwards, so that tests sharing
 * the running services do not see them.
 */
final class SimpleViewFiles {

  static final String HEADER = "seed_line,block,theme_group,theme_group_body,code,row,row_kind,outcome,measure,units,"
      + "polarity,baseline_date,baseline_value,target_2005_06,target_2006_07,target_2007_08,target_2008_09,"
      + "update_2004_05_date,update_2004_05_value,update_2005_06_date,update_2005_06_value,update_2006_07_date,"
      + "update_2006_07_value,variance_2005_06,variance_2006_07,traffic_light,comments,transcription_note";

  private SimpleViewFiles() {
  }

  /**
   * An indicator row of the Community Safety Partnership: a target of 45 for 2007-08, an outturn of 42 for 2006-07,
   * judged amber; {@code polarity} as the file says it (HIGHER_IS_BETTER, or something the import refuses).
   */
  static String row(int line, String code, String polarity) {
    return line + ",SAFER_AND_STRONGER_COMMUNITIES,Community Safety Partnership,community-safety-partnership," + code
        + "," + line + ",indicator,Safer neighbourhoods,Residents who feel safe after dark (" + code + "),%," + polarity
        + ",,,,,45,,,,,,,42,,,Amber,Uploaded by a test,";
  }

  /** A file of the header and these rows. */
  static byte[] file(String... rows) {
    return (HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The same as an Excel workbook: one sheet, {@code sheet}, of the header and these rows, every cell text (the
   * rows' fields are plain, without commas or quotes), an empty field no cell at all.
   */
  static byte[] workbook(String sheet, String... rows) throws java.io.IOException {
    try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        var out = new java.io.ByteArrayOutputStream()) {
      var s = book.createSheet(sheet);
      List<String> lines = new java.util.ArrayList<>(List.of(HEADER));
      lines.addAll(List.of(rows));
      for (int r = 0; r < lines.size(); r++) {
        var row = s.createRow(r);
        String[] fields = lines.get(r).split(",", -1);
        for (int c = 0; c < fields.length; c++) {
          if (!fields[c].isEmpty()) {
            row.createCell(c).setCellValue(fields[c]);
          }
        }
      }
      book.write(out);
      return out.toByteArray();
    }
  }

  /** Archives the indicators {@code codes} (as the admin; those that were never imported are passed over). */
  static void archive(List<String> codes) {
    ManagedChannel channel = RunningSuite.get().indicators.channel();
    try {
      var admin = IndicatorServiceGrpc.newBlockingStub(channel).withCallCredentials(TestIssuer.as(TestIssuer.ADMIN));
      for (String code : codes) {
        try {
          admin.deleteIndicator(DeleteIndicatorRequest.newBuilder().setName("indicators/" + code).setForce(true)
              .build());
        } catch (io.grpc.StatusRuntimeException e) {
          if (e.getStatus().getCode() != io.grpc.Status.Code.NOT_FOUND) {
            throw e;
          }
        }
      }
    } finally {
      channel.shutdownNow();
    }
  }
}
