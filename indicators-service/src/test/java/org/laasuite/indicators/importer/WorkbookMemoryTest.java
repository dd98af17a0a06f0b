package org.laasuite.indicators.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laasuite.indicators.importer.Workbooks.book;
import static org.laasuite.indicators.importer.Workbooks.bytes;
import static org.laasuite.indicators.importer.Workbooks.row;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbook reader's memory is bounded by what it keeps, not by the size of a sheet: a sheet whose XML expands to
 * four times a small JVM's heap is read in that JVM, its rows found (a reader that held the sheet's XML would run out
 * of memory there). What it keeps is bounded in turn: WorkbookImportTest refuses more rows than an import takes.
 */
class WorkbookMemoryTest {

  static final int HEAP_MIB = 32;
  static final long SHEET_XML_BYTES = 4L * HEAP_MIB * 1024 * 1024;

  @Test
  void aSheetFarLargerThanTheHeapIsStreamedNotLoaded(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("large.xlsx");
    write(bytes(book(row("CYP-27", "BIG-1"), row("CYP-28", "BIG-2"))), file);
    try (ZipFile zip = new ZipFile(file.toFile())) {
      long expanded = zip.getEntry("xl/worksheets/sheet1.xml").getSize();
      assertTrue(expanded > SHEET_XML_BYTES, "the sheet's XML is " + expanded + " bytes");
      // Random noise, so that it is no zip bomb: it expands well under POI's 100 times.
      assertTrue(Files.size(file) * 100 > expanded, "the workbook is " + Files.size(file) + " bytes");
    }

    Run streamed = run("stream", file);
    assertEquals(0, streamed.exit(), streamed.output());
    assertTrue(streamed.output().contains("rows 2, problems 0, heap " + HEAP_MIB + " MiB"), streamed.output());
    assertTrue(streamed.output().contains("BIG-2"), streamed.output());
  }

  record Run(int exit, String output) {
  }

  private static Run run(String how, Path file) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-Xmx" + HEAP_MIB + "m", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), WorkbookReading.class.getName(), how, file.toString())
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(p.waitFor(), output);
  }

  /** {@code workbook} to {@code file}, its first sheet's XML padded with XML comments of random digits. */
  private static void write(ByteString workbook, Path file) throws IOException {
    Random random = new Random(16);
    try (ZipInputStream in = new ZipInputStream(workbook.newInput());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.putNextEntry(new ZipEntry(e.getName()));
        byte[] content = in.readAllBytes();
        if (e.getName().equals("xl/worksheets/sheet1.xml")) {
          String xml = new String(content, StandardCharsets.UTF_8);
          int at = xml.indexOf("<sheetData>") + "<sheetData>".length();
          out.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
          pad(out, random);
          out.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
        } else {
          out.write(content);
        }
        out.closeEntry();
      }
    }
  }

  private static void pad(OutputStream out, Random random) throws IOException {
    byte[] comment = new byte[1024 * 1024];
    for (long written = 0; written <= SHEET_XML_BYTES; written += comment.length + 7) {
      for (int i = 0; i < comment.length; i++) {
        comment[i] = (byte) ('0' + random.nextInt(10));
      }
      out.write("<!--".getBytes(StandardCharsets.US_ASCII));
      out.write(comment);
      out.write("-->".getBytes(StandardCharsets.US_ASCII));
    }
  }
}
