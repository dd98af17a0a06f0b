package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.partnership.v1.CreateSignInLinkRequest;
import org.laasuite.partnership.v1.PartnershipServiceGrpc;
import org.laasuite.partnership.v1.Person;
import org.laasuite.partnership.v1.SignInLink;
import org.laasuite.partnership.v1.UpdatePersonRequest;
import org.laasuite.reporting.reminders.ReminderJob;
import org.laasuite.reporting.reminders.Reminders;
import org.laasuite.testkit.TestIssuer;
import org.laasuite.tools.Laa;

/**
 * The e-mail reminders, sent through a real SMTP server the test starts (GreenMail), from the real services holding
 * the Coventry demo data reckoned on 22 August 2007. The papers give no one an e-mail address; the test gives Sara
 * Roach one (Person.email) and Stella Manzie, chair of the Operations Group, a sign-in link by e-mail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReminderTest {

  private static final String SARA = "sara.roach@example.org";
  private static final String STELLA = "stella.manzie@example.org";
  private static final String FROM = "performance@coventry.example.org";
  private static final String BASE = "https://performance.example.org";

  private GreenMail smtp;

  @BeforeAll
  void addressesAndAnSmtpServer() {
    var channel = RunningSuite.get().partnership.adminChannel();
    try {
      var partnership = PartnershipServiceGrpc.newBlockingStub(channel);
      partnership.updatePerson(UpdatePersonRequest.newBuilder().setPerson(Person.newBuilder()
          .setName("people/sara-roach").setEmail(SARA)).setUpdateMask(FieldMask.newBuilder().addPaths("email")).build());
      partnership.createSignInLink(CreateSignInLinkRequest.newBuilder().setParent("people/stella-manzie")
          .setSignInLink(SignInLink.newBuilder().setIssuer("https://login.example.org").setEmail(STELLA)).build());
    } finally {
      channel.shutdownNow();
    }
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    smtp.start();
  }

  @AfterAll
  void stop() {
    smtp.stop();
  }

  @BeforeEach
  void noMailYet() throws Exception {
    smtp.purgeEmailFromAllMailboxes();
  }

  /** A gateway with the reminders on (unless {@code overrides} say otherwise), sending through the test's server. */
  private EmbeddedServer gateway(Map<String, String> overrides) {
    Map<String, Object> p = new HashMap<>(RunningSuite.get().gatewayProperties("20s"));
    p.put("laa.reminders.enabled", "true");
    p.put("laa.reminders.smtp.host", "127.0.0.1");
    p.put("laa.reminders.smtp.port", String.valueOf(smtp.getSmtp().getPort()));
    p.put("laa.reminders.smtp.starttls", "false");
    p.put("laa.reminders.from", FROM);
    p.put("laa.reminders.base-url", BASE + "/");
    p.putAll(overrides);
    return ApplicationContext.run(EmbeddedServer.class, p);
  }

  private static List<String> to(MimeMessage m) throws Exception {
    return Arrays.stream(m.getRecipients(MimeMessage.RecipientType.TO)).map(a -> ((InternetAddress) a).getAddress())
        .toList();
  }

  private static String part(MimeMessage m, int i) throws Exception {
    return (String) ((MimeMultipart) m.getContent()).getBodyPart(i).getContent();
  }

  private MimeMessage onlyTo(String address) throws Exception {
    var to = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return to(m).contains(address);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
    assertEquals(1, to.size(), "one e-mail to " + address);
    return to.getFirst();
  }

  @Test
  void aRunSendsEachPersonWithSomethingDueOrOverdueOneEMailListingEachItemWithItsDueDateAndPage() throws Exception {
    try (EmbeddedServer gateway = gateway(Map.of())) {
      // As the schedule runs it: as the gateway itself, which may not read the sign-in links' e-mails.
      Reminders.Run run = gateway.getApplicationContext().getBean(Reminders.class).send();
      assertEquals("2007-08-22", run.asOf());

      MimeMessage sara = onlyTo(SARA);
      assertEquals(List.of(new InternetAddress(FROM)), Arrays.asList(sara.getFrom()));
      Address recipient = sara.getRecipients(MimeMessage.RecipientType.TO)[0];
      assertEquals("Sara Roach", ((InternetAddress) recipient).getPersonal());
      var saras = run.people().stream().filter(p -> p.person().equals("people/sara-roach")).findFirst().orElseThrow();
      assertTrue(saras.overdue() > 0, saras.toString());
      assertEquals("LAA Suite: " + saras.overdue() + " overdue, " + saras.due() + " due as of 2007-08-22",
          sara.getSubject());
      List<String> lines = part(sara, 0).lines().toList();
      assertEquals("As of 2007-08-22, these are due or overdue from you, Sara Roach.", lines.getFirst());
      int at = lines.indexOf("- Overdue (due 2006-04-30): SSC-CSP-6 " + title(lines, "SSC-CSP-6")
          + ": the figure for 2005-06");
      assertTrue(at > 0, String.join("\n", lines));
      assertEquals("  " + BASE + "/report-cards/SSC-CSP-6", lines.get(at + 1), "its page, from the base URL");
      assertTrue(lines.contains("- Overdue (due 2007-04-30): SSC-CSP-6 " + title(lines, "SSC-CSP-6")
          + ": the figure for 2006-07"));
      assertTrue(lines.stream().noneMatch(l -> l.endsWith("the figure for 2007-08")), "not what is not yet due");
      assertTrue(lines.contains("Everything you have to do, and what is next: " + BASE + "/work/people/sara-roach"));
      assertEquals(saras.overdue() + saras.due(), lines.stream().filter(l -> l.startsWith("- ")).count(),
          "each item once");
      String html = part(sara, 1);
      assertTrue(html.contains("<a href=\"" + BASE + "/report-cards/SSC-CSP-6\">SSC-CSP-6 "), html);

      var stella = run.people().stream().filter(p -> p.person().equals("people/stella-manzie")).findFirst()
          .orElseThrow();
      assertEquals(Reminders.NO_ADDRESS, stella.result(), "her sign-in's e-mail is not the gateway's to read");
      assertTrue(run.notes().stream().anyMatch(n -> n.contains("sign-in links were not read")), run.notes().toString());
      var mark = run.people().stream().filter(p -> p.person().equals("people/mark-taylor")).findFirst().orElseThrow();
      assertEquals("not reminded: no e-mail address", mark.result(), "the Community Safety Partnership's chair");
      assertTrue(run.people().stream().allMatch(p -> p.overdue() + p.due() > 0), "only people with something due");
      assertEquals(run.sent(), smtp.getReceivedMessages().length, "one e-mail each, nothing else");
      assertEquals(1, run.sent());
    }
  }

  /** The SSC-CSP-6 title as the e-mail prints it (the demo's own words). */
  private static String title(List<String> lines, String code) {
    String line = lines.stream().filter(l -> l.contains(": " + code + " ")).findFirst().orElseThrow();
    return line.substring(line.indexOf(code + " ") + code.length() + 1, line.lastIndexOf(": the figure for"));
  }

  @Test
  void anAdminSendsThemNowAndTheirRightsReadTheSignInLinksEMailsToo() throws Exception {
    try (EmbeddedServer gateway = gateway(Map.of())) {
      String path = "/api/v1/reminders:send";
      var anonymous = Http.postJson(gateway.getURI(), path, Map.of(), "{}");
      assertEquals(401, anonymous.statusCode(), anonymous.body());
      var sara = Http.postJson(gateway.getURI(), path, Map.of("Authorization", "Bearer "
          + TestIssuer.token("people/sara-roach")), "{}");
      assertEquals(403, sara.statusCode(), sara.body());
      assertTrue(sara.body().contains("only the partnership's admins"), sara.body());
      assertEquals(0, smtp.getReceivedMessages().length, "refused: nothing sent");

      var admin = Http.postJson(gateway.getURI(), path, Map.of("Authorization", "Bearer "
          + TestIssuer.token(TestIssuer.ADMIN)), "{}");
      assertEquals(200, admin.statusCode(), admin.body());
      assertTrue(admin.body().contains("\"sent\":2"), admin.body());
      assertTrue(admin.body().contains("{\"person\":\"people/mark-taylor\",\"name\":\"Mark Taylor\",\"addresses\":[],"),
          admin.body());
      assertTrue(admin.body().contains("\"result\":\"not reminded: no e-mail address\""), admin.body());
      assertTrue(admin.body().contains("\"notes\":[]"), "the admin may read the sign-in links: " + admin.body());

      MimeMessage stella = onlyTo(STELLA);
      List<String> lines = part(stella, 0).lines().toList();
      String circulate = "- Overdue (due 2007-06-13): The draft report will be circulated during May to the Operations "
          + "Group for comment and approval by 13th June. (Coventry Partnership Operations Group)";
      int at = lines.indexOf(circulate);
      assertTrue(at > 0, String.join("\n", lines));
      assertTrue(lines.get(at + 1).matches("  " + BASE + "/work/people/stella-manzie#action-[0-9]+"), lines.get(at + 1));
      assertTrue(lines.contains("Actions you hold:"));
      onlyTo(SARA);
      assertEquals(2, smtp.getReceivedMessages().length);

      // bin/laa remind: the same, as the local admin (the tests' admin here).
      assertEquals(0, Laa.run("remind", gateway.getURI().toString()));
      assertEquals(4, smtp.getReceivedMessages().length, "each of the two once more");
    }
  }

  @Test
  void nothingIsSentWhenRemindersAreOff() throws Exception {
    try (EmbeddedServer gateway = gateway(Map.of("laa.reminders.enabled", "false"))) {
      var refused = Http.postJson(gateway.getURI(), "/api/v1/reminders:send", Map.of("Authorization", "Bearer "
          + TestIssuer.token(TestIssuer.ADMIN)), "{}");
      assertEquals(409, refused.statusCode(), refused.body());
      assertTrue(refused.body().contains("\"reason\":\"REMINDERS_DISABLED\""), refused.body());
      var context = gateway.getApplicationContext();
      var e = assertThrows(ApiException.class, () -> context.getBean(Reminders.class).send());
      assertTrue(e.getMessage().contains("laa.reminders.enabled is false"), e.getMessage());
      assertTrue(context.findBean(ReminderJob.class).isEmpty(), "no schedule");
      assertEquals(1, Laa.run("remind", gateway.getURI().toString()), "bin/laa remind, as the admin, fails saying why");
      assertEquals(0, smtp.getReceivedMessages().length);
    }
  }

  @Test
  void theScheduleSendsThemByItself() throws Exception {
    // Every second, to a server of its own (a run still under way as the gateway stops must not reach the others'):
    // the first run's e-mail is awaited, then the gateway stops.
    GreenMail own = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    own.start();
    try {
      try (EmbeddedServer gateway = gateway(Map.of("laa.reminders.cron", "* * * * * *",
          "laa.reminders.smtp.port", String.valueOf(own.getSmtp().getPort())))) {
        assertTrue(gateway.getApplicationContext().findBean(ReminderJob.class).isPresent());
        assertTrue(own.waitForIncomingEmail(120_000, 1), "a scheduled run sent Sara Roach's reminder");
      }
      MimeMessage first = own.getReceivedMessages()[0];
      assertEquals(List.of(SARA), to(first), "the one address the gateway may read");
      assertTrue(first.getSubject().startsWith("LAA Suite: "), first.getSubject());
    } finally {
      own.stop();
    }
  }

  @Test
  void aGatewayToldToSendRemindersItCannotSendStopsSayingWhy() {
    var e = assertThrows(RuntimeException.class, () -> gateway(Map.of("laa.reminders.from", "not an address",
        "laa.reminders.smtp.host", "")).close());
    String message = messages(e);
    assertTrue(message.contains("laa.reminders.from (LAA_REMINDERS_FROM) must be the sender's e-mail address"), message);
    assertTrue(message.contains("laa.reminders.smtp.host (LAA_REMINDERS_SMTP_HOST) names no SMTP server"), message);
  }

  private static String messages(Throwable e) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      out.append(t.getMessage()).append('\n');
    }
    return out.toString();
  }

  /** The public pages do not publish the addresses reminders use. */
  @Test
  void theReportCardsDoNotPublishPeoplesEMailAddresses() {
    try (EmbeddedServer gateway = gateway(Map.of("laa.reminders.enabled", "false"))) {
      var card = Http.get(gateway.getURI(), "/api/v1/report-cards/SSC-CSP-1");
      assertEquals(200, card.statusCode());
      assertTrue(card.body().contains("\"displayName\": \"Sara Roach\""), "she is among its theme group's people");
      assertFalse(card.body().contains(SARA), card.body());
    }
  }
}
