package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Simple View's download links: the demo data as the file it was loaded from, for anyone. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimpleViewDownloadTest implements TestPropertyProvider {

  @Inject
  EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>(RunningSuite.get().gatewayProperties());
    p.put("laa.reporting.deadline", "20s");
    return p;
  }

  @Test
  void anyoneDownloadsTheSimpleViewAsCsvInTheLayoutItWasLoadedFrom() throws Exception {
    var r = Http.get(server.getURI(), "/export/simple-view.csv");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("text/csv; charset=UTF-8", r.headers().firstValue("content-type").orElseThrow());
    assertEquals("attachment; filename=\"laa-simple-view.csv\"",
        r.headers().firstValue("content-disposition").orElseThrow());
    String demoHeader = Files.readAllLines(RunningSuite.root().resolve("data/coventry-2007-08/laa-simple-view.csv"))
        .getFirst();
    assertEquals(demoHeader, r.body().substring(0, r.body().indexOf('\n')));
    List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(r.body())).getRecords();
    assertEquals(155, rows.size());
    CSVRecord neet = rows.stream().filter(row -> row.get("code").equals("CYP-28")).findFirst().orElseThrow();
    assertEquals("Red", neet.get("traffic_light"));
  }

  @Test
  void aSignedInPersonDownloadsWhatTheyMaySeePendingWithTheirOwnToken() throws Exception {
    WebVisitor sara = WebVisitor.signedIn(server.getURI(), "people/sara-roach");
    var r = sara.get("/export/simple-view.csv?view=latest");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("private, no-store", r.headers().firstValue("cache-control").orElseThrow());
    assertEquals(155, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(r.body())).getRecords().size());
  }

  @Test
  void oneBlockAsAWorkbook() {
    var r = Http.bytes(server.getURI(), "/export/simple-view.xlsx?block=children-and-young-people");
    assertEquals(200, r.statusCode());
    assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        r.headers().firstValue("content-type").orElseThrow());
    assertEquals("attachment; filename=\"laa-simple-view-children-and-young-people.xlsx\"",
        r.headers().firstValue("content-disposition").orElseThrow());
    assertArrayEquals(new byte[] {'P', 'K', 3, 4}, Arrays.copyOf(r.body(), 4));
  }

  @Test
  void aBadBlockOrViewIsA400NamingItAndPendingFiguresNeedASignIn() {
    // A download link is a page's: its refusals are pages naming the parameter, as every page's are.
    var block = Http.get(server.getURI(), "/export/simple-view.csv?block=childrens-services");
    assertEquals(400, block.statusCode(), block.body());
    assertTrue(block.body().contains("block") && block.body().contains("is not an LAA block"), block.body());
    var view = Http.get(server.getURI(), "/export/simple-view.xlsx?view=everything");
    assertEquals(400, view.statusCode(), view.body());
    assertTrue(view.body().contains("must be &#39;published&#39; (the default) or &#39;latest&#39;"), view.body());
    var latest = Http.get(server.getURI(), "/export/simple-view.csv?view=latest");
    assertEquals(401, latest.statusCode(), latest.body());
    assertTrue(latest.body().contains("sign in to download the figures that are not yet published"), latest.body());
  }
}
