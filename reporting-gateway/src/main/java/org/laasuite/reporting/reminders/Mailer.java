package org.laasuite.reporting.reminders;

import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * Sends e-mail through the partnership's SMTP server (Jakarta Mail): one connection for a run's messages, upgraded to
 * TLS first when {@code laa.reminders.smtp.starttls} says so (and refused when the server cannot), signed in when a
 * username is configured. Connecting gives up after 10 s, a stalled server after 30 s.
 */
@Singleton
public class Mailer {

  private final ReminderSettings settings;

  public Mailer(ReminderSettings settings) {
    this.settings = settings;
  }

  /** An open connection to the SMTP server; the caller closes it. */
  public Connection connect() throws MessagingException {
    Properties p = new Properties();
    p.put("mail.transport.protocol", "smtp");
    p.put("mail.smtp.host", settings.host());
    p.put("mail.smtp.port", String.valueOf(settings.port()));
    p.put("mail.smtp.auth", String.valueOf(!settings.username().isEmpty()));
    p.put("mail.smtp.starttls.enable", String.valueOf(settings.starttls()));
    p.put("mail.smtp.starttls.required", String.valueOf(settings.starttls()));
    p.put("mail.smtp.connectiontimeout", "10000");
    p.put("mail.smtp.timeout", "30000");
    p.put("mail.smtp.writetimeout", "30000");
    Session session = Session.getInstance(p);
    Transport transport = session.getTransport("smtp");
    if (settings.username().isEmpty()) {
      transport.connect();
    } else {
      transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
    }
    return new Connection(session, transport);
  }

  /** A connection to the SMTP server, sending one message after another. */
  public final class Connection {
    private final Session session;
    private final Transport transport;

    private Connection(Session session, Transport transport) {
      this.session = session;
      this.transport = transport;
    }

    /** Sends {@code mail} to {@code addresses}, each with the person's {@code name}: one message. */
    public void send(List<String> addresses, String name, ReminderMail mail) throws MessagingException {
      MimeMessage m = new MimeMessage(session);
      try {
        m.setFrom(new InternetAddress(settings.from()));
        for (String a : addresses) {
          m.addRecipient(Message.RecipientType.TO, new InternetAddress(a, name, StandardCharsets.UTF_8.name()));
        }
      } catch (UnsupportedEncodingException e) {
        throw new IllegalStateException(e);
      }
      m.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
      m.setSentDate(new Date());
      MimeBodyPart text = new MimeBodyPart();
      text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
      m.setContent(new MimeMultipart("alternative", text, html));
      m.saveChanges();
      transport.sendMessage(m, m.getAllRecipients());
    }

    /** Ends the connection; what the server says then changes nothing of what was sent. */
    public void closeQuietly() {
      try {
        transport.close();
      } catch (MessagingException e) {
        // the messages are sent or failed already
      }
    }
  }
}
