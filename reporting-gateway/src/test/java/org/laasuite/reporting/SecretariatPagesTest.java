package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The secretariat's forms refuse what they cannot do, precisely and writing nothing: a date that is no date, a second
 * meeting of a body on the same day, a visitor without the right to manage meetings; and a meeting that is not the
 * partnership's is a 404. (MeetingCycleBrowserTest takes the forms through the cycle.)
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretariatPagesTest implements TestPropertyProvider {

  private static final String NEW = "/bodies/leaders-and-advisors/meetings/new";

  @Inject
  EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    return RunningSuite.get().gatewayProperties("20s");
  }

  @Test
  void aDateThatIsNoDateIsNamedBesideItsInput() {
    WebVisitor nigel = WebVisitor.signedIn(server.getURI(), EntryPagesTest.NIGEL);
    Document form = nigel.page(NEW);
    var sent = nigel.send(form, "[data-test=schedule-form]", Map.of("date", "24/10/2007"), null);
    assertEquals(400, sent.statusCode());
    Document page = Jsoup.parse(sent.body());
    assertEquals("must be a date, like 2007-10-24", page.selectFirst("[data-error-for=date]").text());
    assertEquals("24/10/2007", page.selectFirst("input[name=date]").val(), "what was typed is kept");
  }

  @Test
  void aSecondMeetingOfABodyOnTheSameDayIsRefused() {
    WebVisitor nigel = WebVisitor.signedIn(server.getURI(), EntryPagesTest.NIGEL);
    var sent = nigel.send(nigel.page(NEW), "[data-test=schedule-form]", Map.of("date", "2007-08-22"), null);
    assertEquals(409, sent.statusCode());
    assertTrue(Jsoup.parse(sent.body()).selectFirst("[data-error-for=date]").text()
        .contains("already has a meeting on 2007-08-22"));
  }

  @Test
  void aVisitorWithoutTheRightCannotScheduleRecordOrApprove() {
    WebVisitor david = WebVisitor.signedIn(server.getURI(), EntryPagesTest.DAVID);
    String csrf = david.page("/me").selectFirst("[name=csrfToken]").val();
    for (var ask : Map.of("/bodies/leaders-and-advisors/meetings", Map.of("date", "2007-10-31"),
        "/meetings/leaders-and-advisors-2007-08-22/record", Map.of("items[0].minutes", "Changed"),
        "/meetings/leaders-and-advisors-2007-08-22/approve-minutes", Map.of("minutes-of",
            "meetings/operations-group-2007-04-24")).entrySet()) {
      var form = new java.util.HashMap<>(ask.getValue());
      form.put("csrfToken", csrf);
      var refused = david.post(ask.getKey(), form);
      assertEquals(403, refused.statusCode(), ask.getKey());
      assertTrue(refused.body().contains("people/david-smithson may not manage meetings"), refused.body());
    }
    assertEquals(404, WebVisitor.signedIn(server.getURI(), EntryPagesTest.NIGEL).get("/meetings/no-such-meeting/record")
        .statusCode(), "the secretariat asks for a meeting there is not");
    assertTrue(david.page("/meetings/leaders-and-advisors-2007-08-22").select("[data-test=secretariat]").isEmpty());
  }
}
