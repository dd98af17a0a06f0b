package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The upload page over HTTP, as Nigel Hart (of the secretariat, who may import) and David Smithson (who may not):
 * the refusals (no sign-in, no right, no CSRF token or another session's, a file too large, a file of another kind)
 * and the dry run, import and result through the plain forms a browser without scripts sends.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadPagesTest implements TestPropertyProvider {

  private static final List<String> CODES = List.of("UPL-H-1", "UPL-H-2", "UPL-H-3");

  @Inject
  EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    return RunningSuite.get().gatewayProperties("20s");
  }

  @AfterAll
  void archive() {
    SimpleViewFiles.archive(CODES);
  }

  private WebVisitor as(String person) {
    return WebVisitor.signedIn(server.getURI(), person);
  }

  /** The CSRF token of the upload page's form, as {@code visitor} reads it. */
  private static String token(WebVisitor visitor) {
    var page = visitor.get("/import");
    assertEquals(200, page.statusCode(), page.body());
    return Jsoup.parse(page.body()).selectFirst("[data-test=choose] [name=csrfToken]").val();
  }

  private static HttpResponse<String> upload(WebVisitor visitor, String token, String name, byte[] content) {
    return visitor.postFile("/import", token == null ? Map.of() : Map.of("csrfToken", token), "file", name, content);
  }

  /**
   * What the gateway answers {@code visitor}'s multipart upload announcing {@code bytes} (its head alone, with Expect:
   * 100-continue, as curl sends a large file): the status line, headers and body as they come.
   */
  private String announced(WebVisitor visitor, long bytes) {
    var base = server.getURI();
    try (var socket = new java.net.Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(60_000);
      socket.getOutputStream().write(("POST /import HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
          + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: " + bytes
          + "\r\nCookie: laa-session=" + visitor.cookie("laa-session") + "; laa-csrf=" + visitor.cookie("laa-csrf")
          + "\r\nExpect: 100-continue\r\nAccept: */*\r\nConnection: close\r\n\r\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String detail(HttpResponse<String> page) {
    return Jsoup.parse(page.body()).select("[data-test=detail]").text();
  }

  @Test
  void onlyThoseWhoMayImportReachThePageAndItsForms() {
    var anonymous = new WebVisitor(server.getURI());
    assertEquals(401, anonymous.get("/import").statusCode());
    assertEquals(401, anonymous.postFile("/import", Map.of(), "file", "a.csv", SimpleViewFiles.file()).statusCode());

    WebVisitor david = as(EntryPagesTest.DAVID);
    var refused = david.get("/import");
    assertEquals(403, refused.statusCode(), refused.body());
    assertTrue(detail(refused).contains("people/david-smithson may not import the Simple View"), detail(refused));
    assertTrue(Jsoup.parse(david.get("/me").body()).select("[data-test=import-link]").isEmpty(),
        "/me offers the page only to those who may import");
    // His own, valid token: the right is checked on the form too, not only on the page.
    String davids = Jsoup.parse(david.get("/my-work").body()).selectFirst("[name=csrfToken]").val();
    var sent = upload(david, davids, "a.csv", SimpleViewFiles.file(SimpleViewFiles.row(2, "UPL-H-3",
        "HIGHER_IS_BETTER")));
    assertEquals(403, sent.statusCode(), sent.body());

    WebVisitor nigel = as(EntryPagesTest.NIGEL);
    String me = nigel.get("/me").body();
    assertEquals("/import", Jsoup.parse(me).select("[data-test=import-link] a").attr("href"), me);
  }

  @Test
  void aFormWithoutItsCsrfTokenOrWithAnotherSessionsIsRefused() {
    WebVisitor nigel = as(EntryPagesTest.NIGEL);
    byte[] good = SimpleViewFiles.file(SimpleViewFiles.row(2, "UPL-H-3", "HIGHER_IS_BETTER"));
    var none = upload(nigel, null, "a.csv", good);
    assertEquals(403, none.statusCode(), none.body());
    assertTrue(detail(none).contains("security token"), detail(none));
    String another = token(as(EntryPagesTest.NIGEL));
    assertEquals(403, upload(nigel, another, "a.csv", good).statusCode());
    assertEquals(403, upload(nigel, "forged", "a.csv", good).statusCode());
  }

  @Test
  void aFileOverTheLimitIsRefused413AndOneOfAnotherKind415() {
    WebVisitor nigel = as(EntryPagesTest.NIGEL);
    String token = token(nigel);
    var big = upload(nigel, token, "big.csv", new byte[8 * 1024 * 1024 + 1]);
    assertEquals(413, big.statusCode(), big.body());
    assertTrue(detail(big).contains("at most 8388608 bytes (8 MiB)"), detail(big));

    // A request larger than the gateway reads at all (a 100 MB file, say) is refused before it is read.
    String huge = announced(nigel, 100_000_000).replaceFirst("^HTTP/1.1 100 Continue\r\n\r\n", "");
    assertTrue(huge.startsWith("HTTP/1.1 413 "), huge);
    assertTrue(huge.contains("at most 8388608 bytes (8 MiB)"), huge);
    // Any other form is still read only up to 64 KiB: a larger one is refused (as before the upload page: the CSRF
    // check cannot read its token).
    var form = nigel.post("/my-work/approve", Map.of("csrfToken", token, "period", "x".repeat(100_000)));
    assertEquals(403, form.statusCode(), form.body());

    var pdf = upload(nigel, token, "simple-view.pdf", "%PDF-1.4".getBytes());
    assertEquals(415, pdf.statusCode(), pdf.body());
    assertTrue(detail(pdf).contains("neither a CSV file (.csv) nor an Excel workbook (.xlsx)"), detail(pdf));
    var fake = upload(nigel, token, "simple-view.xlsx", SimpleViewFiles.file());
    assertEquals(415, fake.statusCode(), fake.body());
    assertTrue(detail(fake).contains("is not one"), detail(fake));
    var binary = upload(nigel, token, "simple-view.csv", new byte[] {'a', 0, 'b'});
    assertEquals(415, binary.statusCode(), binary.body());
    assertEquals(400, upload(nigel, token, "empty.csv", new byte[0]).statusCode());
  }

  @Test
  void theDryRunNamesEachProblemByRowAndColumnAndTheImportWithoutScriptsEndsOnItsResult() {
    WebVisitor nigel = as(EntryPagesTest.NIGEL);
    String token = token(nigel);
    var bad = upload(nigel, token, "bad.csv", SimpleViewFiles.file(SimpleViewFiles.row(2, "UPL-H-1",
        "HIGHER_IS_BETTER"), SimpleViewFiles.row(3, "UPL-H-2", "SIDEWAYS")));
    assertEquals(200, bad.statusCode(), bad.body());
    Document checked = Jsoup.parse(bad.body());
    assertEquals(1, checked.select("[data-test=problem]").size(), bad.body());
    assertEquals("3", checked.select("[data-test=problem] [data-test=row]").text());
    assertEquals("polarity", checked.select("[data-test=problem] [data-test=column]").text());
    assertTrue(checked.select("[data-test=problem] [data-test=description]").text().contains("SIDEWAYS"));
    assertTrue(checked.select("[data-test=import]").isEmpty(), "a file with problems cannot be imported");

    var good = upload(nigel, token, "good.csv", SimpleViewFiles.file(SimpleViewFiles.row(2, "UPL-H-1",
        "HIGHER_IS_BETTER"), SimpleViewFiles.row(3, "UPL-H-2", "LOWER_IS_BETTER")));
    Document ready = Jsoup.parse(good.body());
    assertEquals("2 indicators, 0 baselines, 2 targets, 2 outturns and 2 judgements would be written.",
        ready.select("[data-test=no-problems] p").text(), good.body());
    String action = ready.selectFirst("[data-test=import-form]").attr("action");
    var started = nigel.send(ready, "[data-test=import-form]", Map.of(), null);
    assertEquals(303, started.statusCode(), started.body());
    assertEquals(action, started.headers().firstValue("Location").orElseThrow());

    // As a browser without scripts: the page reloads itself until the import has finished.
    Document page = Jsoup.parse(nigel.get(action).body());
    while (!page.select("[data-test=running]").isEmpty()) {
      assertFalse(page.select("noscript meta[http-equiv=refresh]").isEmpty(), "it reloads itself");
      var progress = nigel.get(action + "/progress");
      assertEquals(200, progress.statusCode());
      page = Jsoup.parse(nigel.get(action).body());
    }
    assertEquals("Imported", page.select("[data-test=result] h2").text(), page.outerHtml());
    assertTrue(page.select("[data-test=result] p").text().startsWith("2 indicators, 0 baselines, 2 targets, 2 "
        + "outturns and 2 judgements"), page.select("[data-test=result]").text());
    assertTrue(nigel.get(action + "/progress").body().contains("\"finished\":true"));
    var card = nigel.get("/report-cards/UPL-H-2");
    assertEquals(200, card.statusCode(), "the indicator imported is public");

    // Sent again (a second click, a reload of the form): the same import, not a second one.
    var again = nigel.send(ready, "[data-test=import-form]", Map.of(), null);
    assertEquals(303, again.statusCode(), again.body());
    assertEquals("Imported", Jsoup.parse(nigel.get(action).body()).select("[data-test=result] h2").text());
    // Another person's id is not theirs to read.
    assertEquals(404, as(EntryPagesTest.DAVID).get(action).statusCode());
  }

  /** Needs StreamImportSimpleView (the server side of issue 16's import): UNIMPLEMENTED until it is merged. */
  @Test
  void theProgressShownIsTheOneTheIndicatorsServiceTellsOf() {
    WebVisitor nigel = as(EntryPagesTest.NIGEL);
    var checked = upload(nigel, token(nigel), "progress.csv", SimpleViewFiles.file(SimpleViewFiles.row(2, "UPL-H-3",
        "HIGHER_IS_BETTER")));
    Document ready = Jsoup.parse(checked.body());
    String action = ready.selectFirst("[data-test=import-form]").attr("action");
    assertEquals(303, nigel.send(ready, "[data-test=import-form]", Map.of(), null).statusCode());
    String json = nigel.get(action + "/progress").body();
    while (!json.contains("\"finished\":true")) {
      json = nigel.get(action + "/progress").body();
    }
    assertTrue(json.contains("\"streamed\":true"), "the service told how far it had got: " + json);
    assertTrue(json.matches(".*\"stage\":\"(reading|checking|writing)\".*"), json);
    assertEquals("Imported", Jsoup.parse(nigel.get(action).body()).select("[data-test=result] h2").text());
  }
}
