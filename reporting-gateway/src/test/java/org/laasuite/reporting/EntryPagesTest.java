package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.indicators.v1.FigureView;
import org.laasuite.indicators.v1.ListOutturnsRequest;

/**
 * Partners' figures on the web, over the real services with the demo partnership's people signed in (local mode):
 * David Smithson, a member of the Community Safety Partnership, enters; Mark Taylor, its chair, approves and returns;
 * Nigel Hart, of the secretariat, publishes; Bob Keith, chair of another group, may do none of it. Each test works
 * on indicators and quarters of its own (OwnIndicator).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntryPagesTest implements TestPropertyProvider {

  static final String DAVID = "people/david-smithson";
  static final String MARK = "people/mark-taylor";
  static final String NIGEL = "people/nigel-hart";
  static final String BOB = "people/bob-keith";

  @Inject
  EmbeddedServer server;

  private OwnIndicator form;
  private OwnIndicator groupA;
  private OwnIndicator groupB;
  private OwnIndicator card;

  @Override
  public Map<String, String> getProperties() {
    return RunningSuite.get().gatewayProperties("20s");
  }

  @BeforeAll
  void ownIndicators() {
    form = new OwnIndicator("WEB-FORM", "Problem drug users sustained in treatment", "%", "2011-12-q1");
    groupA = new OwnIndicator("WEB-GROUP-A", "Drug-related offending", "%", "2011-12-q2");
    groupB = new OwnIndicator("WEB-GROUP-B", "Offenders housed on release", "Number of offenders", "2011-12-q2");
    card = new OwnIndicator("WEB-CARD", "Repeat victims supported", "%", "2011-12-q3");
  }

  @AfterAll
  void archive() {
    for (OwnIndicator i : List.of(form, groupA, groupB, card)) {
      i.close();
    }
  }

  private URI base() {
    return server.getURI();
  }

  private WebVisitor as(String person) {
    return WebVisitor.signedIn(base(), person);
  }

  private static Document html(HttpResponse<String> page) {
    return Jsoup.parse(page.body());
  }

  /** The page at {@code path}, answered 200. */
  private static Document ok(WebVisitor visitor, String path) {
    var page = visitor.get(path);
    assertEquals(200, page.statusCode(), path + ": " + page.body());
    return html(page);
  }

  /** Where a form sent was redirected to (Post/Redirect/Get). */
  private static String redirected(HttpResponse<String> sent) {
    assertEquals(303, sent.statusCode(), sent.body());
    return sent.headers().firstValue("Location").orElseThrow();
  }

  private static String error(Document page, String input) {
    Element e = page.selectFirst("[data-error-for=" + input + "]");
    return e == null ? "" : e.text();
  }

  private static String value(Document page, String id) {
    return page.getElementById(id).val();
  }

  @Test
  void badAddressesAndPeriodsAreNamedAndThoseWithoutARightAreRefused() {
    String page = form.entryPage("2011-12-q1");
    var anonymous = new WebVisitor(base()).get(page);
    assertEquals(401, anonymous.statusCode());
    assertEquals("/sign-in", html(anonymous).select("[data-test=sign-in-link]").attr("href"));
    assertEquals(401, new WebVisitor(base()).get("/my-work").statusCode());

    WebVisitor david = as(DAVID);
    var unknown = david.get("/indicators/NO-SUCH-9/entries/fy-2011-12-q1");
    assertEquals(404, unknown.statusCode(), unknown.body());
    assertTrue(unknown.body().contains("indicators/NO-SUCH-9"), unknown.body());
    var badPeriod = david.get("/" + form.name + "/entries/Q2_2011");
    assertEquals(400, badPeriod.statusCode(), badPeriod.body());
    assertEquals("period", html(badPeriod).select("li code").text());
    var noPeriod = david.get("/" + form.name + "/entries/fy-1999-00-q3");
    assertEquals(404, noPeriod.statusCode(), noPeriod.body());
    assertTrue(noPeriod.body().contains("periods/fy-1999-00-q3 does not exist"), noPeriod.body());
    var badBody = david.get("/theme-groups/Community_Safety/entries/fy-2011-12-q1");
    assertEquals(400, badBody.statusCode(), badBody.body());
    assertEquals("body", html(badBody).select("li code").text());
    assertEquals(404, david.get("/theme-groups/no-such-group/entries/fy-2011-12-q1").statusCode());
    String token = ok(david, "/my-work").select("form[action=/sign-out] [name=csrfToken]").val();
    var badAction = david.post(page, Map.of("csrfToken", token, "action", "delete"));
    assertEquals(400, badAction.statusCode(), badAction.body());
    assertEquals("action", html(badAction).select("li code").text());

    WebVisitor bob = as(BOB);
    var refused = bob.get(page);
    assertEquals(403, refused.statusCode(), refused.body());
    assertTrue(html(refused).select("[data-test=detail]").text().contains("may not see the pending figures of "
        + form.name), refused.body());
    assertEquals(403, bob.get("/theme-groups/community-safety-partnership/entries/fy-2011-12-q1").statusCode());

    for (var r : List.of(unknown, badPeriod, noPeriod, badBody, badAction, refused)) {
      assertFalse(r.body().contains("Exception") || r.body().contains("at org."), r.body());
    }
  }

  @Test
  void aPartnerChecksSavesAndSubmitsAReturnWithEachProblemBesideItsInput() {
    String page = form.entryPage("2011-12-q1");
    WebVisitor david = as(DAVID);
    Document empty = ok(david, page);
    assertEquals("Not started", empty.select("[data-test=state]").text());
    assertEquals(List.of("Outturn: City", "Outturn: Priority neighbourhoods", "Outturn: Rest of city"),
        empty.select("[data-test=entry-form] fieldset.area legend").eachText());
    for (Element input : empty.select("[data-test=entry-form] input:not([type=hidden]), select, textarea")) {
      assertFalse(empty.select("label[for=" + input.id() + "]").isEmpty(), "a label for " + input.id());
    }
    assertTrue(empty.select("[data-test=entry-form] [name=rating]").isEmpty(), "a member records no judgement");

    // A figure the indicator's units refuse is named beside its input, and what was typed stays.
    var refused = david.send(empty, "[data-test=entry-form]", Map.of("city.figure", "120", "achieved",
        "Treatment places held"), "check");
    assertEquals(400, refused.statusCode(), refused.body());
    Document again = html(refused);
    assertTrue(error(again, "city.figure").contains("percentage"), refused.body());
    assertEquals("true", again.getElementById("city-figure").attr("aria-invalid"));
    assertEquals("city-figure-error", again.getElementById("city-figure").attr("aria-describedby"));
    assertEquals("120", value(again, "city-figure"));
    assertEquals("Treatment places held", again.getElementById("achieved").text());

    // Checked: the rule's judgement of the figure, with its explanation, and nothing written.
    var checked = html(david.send(again, "[data-test=entry-form]", Map.of("city.figure", "64"), "check"));
    assertEquals("Red", checked.select("[data-test=checked] [data-test=computed]").text());
    assertTrue(checked.select("[data-test=checked] [data-test=explanation]").text().contains("85"), checked.html());
    assertEquals("Not started", ok(david, page).select("[data-test=state]").text(), "a check writes nothing");

    // Saved: redirected to the page, which says so and shows what was saved.
    assertEquals(page + "?done=saved", redirected(david.send(checked, "[data-test=entry-form]", Map.of(), "save")));
    Document saved = ok(david, page + "?done=saved");
    assertTrue(saved.select("[data-test=notice]").text().startsWith("Saved as a draft"));
    assertEquals("Draft", saved.select("[data-test=state]").text());
    assertEquals("64", value(saved, "city-figure"));
    var unchanged = html(david.send(saved, "[data-test=entry-form]", Map.of(), "save"));
    assertTrue(unchanged.select("[data-test=notice]").text().startsWith("Nothing has changed"), unchanged.html());

    // A form sent without its CSRF token is refused, and writes nothing.
    var forged = david.post(page, Map.of("action", "save", "city.figure", "99"));
    assertEquals(403, forged.statusCode(), forged.body());
    assertEquals("64", value(ok(david, page), "city-figure"));

    // Changed by someone else since it was read: the form says who and when, and keeps what was typed.
    WebVisitor mark = as(MARK);
    redirected(mark.send(ok(mark, page), "[data-test=entry-form]", Map.of("city.note", "Provider's count"), "save"));
    var stale = david.send(saved, "[data-test=entry-form]", Map.of("city.figure", "65"), "save");
    assertEquals(409, stale.statusCode(), stale.body());
    Document conflict = html(stale);
    assertTrue(conflict.select("[data-test=notice]").text().startsWith("Mark Taylor changed this return on"),
        conflict.select("[data-test=notice]").text());
    assertEquals("65", value(conflict, "city-figure"));
    assertTrue(conflict.select("[data-test=saved-now]").text().contains("City: 64"), conflict.html());

    // Sent again, it is submitted: the page waits for the chair and takes no change.
    assertEquals(page + "?done=submitted", redirected(david.send(conflict, "[data-test=entry-form]", Map.of(),
        "submit")));
    Document submitted = ok(david, page + "?done=submitted");
    assertEquals("Submitted", submitted.select("[data-test=state]").text());
    assertEquals("awaiting approval by the Community Safety Partnership", submitted.select("[data-test=mark]").text());
    assertTrue(submitted.select("[data-test=entry-form]").isEmpty(), "no form while it waits");
    assertTrue(submitted.select("[data-test=decide]").isEmpty(), "a member neither approves nor returns");
    var resent = david.send(conflict, "[data-test=entry-form]", Map.of("city.figure", "66"), "save");
    assertEquals(409, resent.statusCode(), resent.body());
    assertTrue(html(resent).select("[data-test=notice]").text().startsWith("This form had been sent already"),
        resent.body());
    // From a page read before it changed (another tab, say): who changed it, and that it waits for approval; from
    // one read before anything was entered, only that it waits.
    var stalePage = html(david.send(conflict, "[data-test=entry-form]", Map.of("city.figure", "66", "request-id",
        UUID.randomUUID().toString()), "save"));
    assertTrue(stalePage.select("[data-test=notice]").text().matches("David Smithson changed this return on .*, after "
        + "you opened it. This return is submitted and waits for approval by the Community Safety Partnership: .*"),
        stalePage.select("[data-test=notice]").text());
    var locked = david.send(empty, "[data-test=entry-form]", Map.of("city.figure", "66"), "save");
    assertEquals(409, locked.statusCode(), locked.body());
    assertTrue(html(locked).select("[data-test=notice]").text().startsWith("This return is submitted and waits for "
        + "approval by the Community Safety Partnership"), locked.body());

    // The chair returns it with a reason, which must be given; the partner sees it beside the return.
    Document chairs = ok(mark, page);
    assertFalse(chairs.select("[data-test=approve]").isEmpty());
    var noReason = mark.send(chairs, "form[action$=/return]", Map.of(), null);
    assertEquals(400, noReason.statusCode(), noReason.body());
    assertFalse(error(html(noReason), "return-reason").isEmpty(), noReason.body());
    redirected(mark.send(chairs, "form[action$=/return]", Map.of("return-reason", "Quote the provider's source"),
        null));
    Document returned = ok(david, page);
    assertEquals("Returned to be put right: Quote the provider's source",
        returned.select("[data-test=return-reason]").text());
    assertTrue(ok(david, "/my-work").select("[data-test=returned] [data-test=reason]").eachText()
        .contains("Quote the provider's source"));

    // Submitted again, approved by the chair, published by the secretariat: the public card shows it.
    redirected(david.send(returned, "[data-test=entry-form]", Map.of("city.note", "Provider's count, Q1 return"),
        "submit"));
    assertEquals(page + "?done=approved", redirected(mark.send(ok(mark, page), "form[action$=/approve]", Map.of(),
        null)));
    Document approved = ok(as(NIGEL), page);
    assertEquals("awaiting publication by the Progress, Impact and Evaluation Group",
        approved.select("[data-test=mark]").text());
    WebVisitor nigel = as(NIGEL);
    assertEquals(page + "?done=published", redirected(nigel.send(ok(nigel, page), "form[action$=/publish]",
        Map.of(), null)));
    assertTrue(new WebVisitor(base()).page("/report-cards/" + form.code).select("[data-test=outturn]").eachText()
        .contains("65"), "the figure sent again after the conflict");
    assertEquals(List.of("Entered by David Smithson", "Submitted for approval by David Smithson",
        "Returned to be put right by Mark Taylor", "Submitted for approval by David Smithson",
        "Approved by Mark Taylor", "Published by Nigel Hart"),
        ok(nigel, page).select("[data-test=step]").stream().map(s -> s.selectFirst("strong").text() + " "
            + s.selectFirst("span").text().replaceAll(", .*", "")).toList());
  }

  @Test
  void aThemeGroupsQuarterIsEnteredOnOnePageEachReturnSavedOnItsOwn() {
    String page = "/theme-groups/community-safety-partnership/entries/fy-2011-12-q2";
    WebVisitor david = as(DAVID);
    Document group = ok(david, page);
    assertTrue(group.select("fieldset.indicator legend").eachText().containsAll(List.of(
        "WEB-GROUP-A: Drug-related offending", "WEB-GROUP-B: Offenders housed on release")));

    // One return saved, the other refused with its problem beside its input; what was typed stays.
    var sent = david.send(group, "[data-test=group-form]", Map.of("WEB-GROUP-A.city.figure", "70",
        "WEB-GROUP-B.city.figure", "-3"), "save");
    assertEquals(400, sent.statusCode(), sent.body());
    Document partly = html(sent);
    assertEquals("Saved as a draft.", partly.select("[data-indicator=WEB-GROUP-A] [data-test=outcome]").text());
    assertTrue(partly.select("[data-indicator=WEB-GROUP-B] [data-test=outcome]").text().startsWith("Not saved"));
    assertTrue(error(partly, "WEB-GROUP-B.city.figure").contains("never negative"), sent.body());
    assertEquals("-3", value(partly, "WEB-GROUP-B-city-figure"));
    assertEquals("70", value(partly, "WEB-GROUP-A-city-figure"));

    // Put right and sent again: only what changed is written, not the saved return a second time.
    String done = redirected(david.send(partly, "[data-test=group-form]", Map.of("WEB-GROUP-B.city.figure", "3"),
        "save"));
    assertEquals(page + "?done=saved&count=1", done);
    assertEquals(1, groupA.as(DAVID).listOutturns(ListOutturnsRequest.newBuilder().setParent(groupA.name)
        .setShowSuperseded(true).setView(FigureView.FIGURE_VIEW_LATEST).build()).getOutturnsCount());
    assertEquals(page + "?done=submitted&count=2", redirected(david.send(ok(david, page), "[data-test=group-form]",
        Map.of(), "submit")));

    // The chair approves the group's quarter at once, the secretariat publishes the quarter and freezes its edition.
    WebVisitor mark = as(MARK);
    Document marks = ok(mark, "/my-work");
    Element batch = marks.selectFirst("[data-test=to-approve] [data-body=" + OwnIndicator.THEME_GROUP
        + "][data-period=fy-2011-12-q2]");
    assertEquals(List.of("WEB-GROUP-A", "WEB-GROUP-B"), batch.select("[data-test=line] a").eachText());
    assertEquals("/my-work?done=approved&count=2", redirected(mark.send(marks, "[data-body=" + OwnIndicator.THEME_GROUP
        + "][data-period=fy-2011-12-q2] form", Map.of(), null)));
    WebVisitor nigel = as(NIGEL);
    Document nigels = ok(nigel, "/my-work");
    assertEquals("Publish the quarter", nigels.select("[data-test=to-publish] [data-period=fy-2011-12-q2] button")
        .text());
    String published = redirected(nigel.send(nigels, "[data-test=to-publish] [data-period=fy-2011-12-q2] form",
        Map.of(), null));
    assertTrue(published.startsWith("/my-work?done=published&count=2&edition=fy-2011-12-q2-"), published);
    String edition = published.substring(published.indexOf("edition=") + "edition=".length());
    assertEquals("/reports/quarterly?edition=" + edition, ok(nigel, published).select("[data-test=edition-link]")
        .attr("href"));

    // The quarter's report lists its edition, which shows the figures as published then, and what changed since.
    Document report = ok(new WebVisitor(base()), "/reports/quarterly?period=2011-12-q2");
    assertEquals("Q2 2011-12 (July to September 2011)", report.select("[data-test=report-period]").text());
    assertTrue(report.select("[data-test=editions] a").eachText().contains(edition), report.html());
    String groupAPage = groupA.entryPage("2011-12-q2");
    redirected(david.send(ok(david, groupAPage), "[data-test=entry-form]", Map.of("city.figure", "80",
        "city.status", "final"), "submit"));
    redirected(mark.send(ok(mark, groupAPage), "form[action$=/approve]", Map.of(), null));
    redirected(nigel.send(ok(nigel, groupAPage), "form[action$=/publish]", Map.of(), null));
    Document frozen = ok(new WebVisitor(base()), "/reports/quarterly?edition=" + edition);
    assertTrue(frozen.select("[data-test=edition]").text().startsWith("Edition " + edition + ", published"),
        frozen.html());
    assertTrue(frozen.select("[data-test=edition]").text().contains("by Nigel Hart"), frozen.html());
    assertTrue(frozen.select("[data-test=change]").eachText().stream().anyMatch(c -> c.startsWith("WEB-GROUP-A,")
        && c.contains("City: was 70, now 80")), frozen.select("[data-test=changes-since]").text());
    assertTrue(frozen.text().contains("WEB-GROUP-A"), "the frozen report lists it as published then");
    var pdf = new WebVisitor(base()).get("/reports/quarterly.pdf?edition=" + edition);
    assertEquals(200, pdf.statusCode());
    var json = new WebVisitor(base()).get("/api/v1/reports/quarterly?edition=" + edition);
    assertEquals(200, json.statusCode(), json.body());

    // The review pack was frozen whole with the edition: read twice, it is the same to the instant it was assembled.
    Document pack = ok(new WebVisitor(base()), "/reports/review-pack?edition=" + edition);
    assertTrue(pack.select("[data-test=edition]").text().startsWith("Edition " + edition + ", published"),
        pack.html());
    var frozenPack = new WebVisitor(base()).get("/api/v1/reports/review-pack?edition=" + edition);
    assertEquals(200, frozenPack.statusCode(), frozenPack.body());
    assertTrue(frozenPack.body().contains("REPORT_KIND_REVIEW_PACK"), frozenPack.body());
    assertEquals(frozenPack.body(), new WebVisitor(base()).get("/api/v1/reports/review-pack?edition=" + edition)
        .body(), "frozen, not assembled anew");
    assertTrue(new WebVisitor(base()).get("/api/v1/reports/review-pack").body().contains("assembleTime"));
  }

  @Test
  void theCardMarksPendingFiguresForThoseWhoMaySeeThemPreviewsThemToThemAloneAndTellsEachFiguresHistory() {
    String page = card.entryPage("2011-12-q3");
    String publicCard = "/report-cards/" + card.code;
    String history = "/indicators/" + card.code + "/history";
    WebVisitor david = as(DAVID);
    redirected(david.send(ok(david, page), "[data-test=entry-form]", Map.of("city.figure", "55"), "submit"));

    // The public sees nothing of it, and may not preview.
    WebVisitor anyone = new WebVisitor(base());
    var seen = anyone.get(publicCard);
    assertTrue(html(seen).select("[data-test=pending]").isEmpty());
    assertFalse(html(seen).select("[data-test=outturn]").eachText().contains("55"));
    assertTrue(seen.headers().firstValue("Cache-Control").isEmpty(), "the public card stays cacheable");
    assertEquals(history, html(seen).select("[data-test=history-link]").attr("href"));
    assertEquals(401, anyone.get(publicCard + "?preview=1").statusCode());

    // The chair sees it marked on the public card, and previews the card with it, for them alone.
    WebVisitor mark = as(MARK);
    Document marks = ok(mark, publicCard);
    assertEquals(List.of("awaiting approval by the Community Safety Partnership"),
        marks.select("[data-test=pending-entry] [data-test=mark]").eachText());
    assertFalse(marks.select("[data-test=outturn]").eachText().contains("55"), "the card itself is the public one");
    var preview = mark.get(marks.select("[data-test=preview-link]").attr("href"));
    assertEquals(200, preview.statusCode(), preview.body());
    assertEquals("private, no-store", preview.headers().firstValue("Cache-Control").orElse(""));
    assertTrue(html(preview).select("[data-test=outturn]").eachText().contains("55"), preview.body());
    assertFalse(html(preview).select("[data-test=preview]").isEmpty());
    WebVisitor bob = as(BOB);
    assertTrue(ok(bob, publicCard).select("[data-test=pending]").isEmpty(), "not to those who may not see it");
    var refused = bob.get(publicCard + "?preview=1");
    assertEquals(403, refused.statusCode(), refused.body());

    redirected(mark.send(ok(mark, page), "form[action$=/approve]", Map.of(), null));
    assertEquals(List.of("awaiting publication by the Progress, Impact and Evaluation Group"),
        ok(mark, publicCard).select("[data-test=pending-entry] [data-test=mark]").eachText());

    // The history: nothing of it for the public yet; its steps and the audit trail for the secretariat.
    assertTrue(ok(anyone, history).select("[data-period=fy-2011-12-q3]").isEmpty());
    WebVisitor nigel = as(NIGEL);
    Document steps = ok(nigel, history);
    assertEquals(List.of("by David Smithson", "by David Smithson", "by Mark Taylor"),
        steps.select("[data-period=fy-2011-12-q3] [data-test=by]").eachText());
    assertTrue(steps.select("[data-test=audit] [data-test=event]").eachText().stream()
        .anyMatch(e -> e.endsWith("Mark Taylor approve entries/fy-2011-12-q3 state")), steps.html());
    assertTrue(ok(david, history).select("[data-test=audit]").isEmpty(), "for those who manage indicators");
    assertTrue(ok(anyone, history).select("[data-test=audit]").isEmpty());

    // Published, then corrected and published again: the card says how the figure was entered and corrected.
    redirected(nigel.send(ok(nigel, page), "form[action$=/publish]", Map.of(), null));
    redirected(david.send(ok(david, page), "[data-test=entry-form]", Map.of("city.figure", "58", "city.status",
        "final"), "submit"));
    redirected(mark.send(ok(mark, page), "form[action$=/approve]", Map.of(), null));
    redirected(nigel.send(ok(nigel, page), "form[action$=/publish]", Map.of(), null));
    Document corrected = ok(anyone, publicCard);
    assertTrue(corrected.select("[data-test=revision]").eachText().stream().anyMatch(r -> r.matches("Q3 2011-12, "
        + "City: 55 provisional, by David Smithson, on .* → 58 final, by David Smithson, on .*")),
        corrected.select("[data-test=revisions]").text());
    assertEquals(List.of("by David Smithson", "by David Smithson", "by Mark Taylor", "by Nigel Hart",
        "by David Smithson", "by David Smithson", "by Mark Taylor", "by Nigel Hart"),
        ok(anyone, history).select("[data-period=fy-2011-12-q3] [data-test=by]").eachText());
  }
}
