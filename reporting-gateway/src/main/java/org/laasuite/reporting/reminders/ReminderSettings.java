package org.laasuite.reporting.reminders;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.cron.CronExpression;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The e-mail reminders' configuration ({@code laa.reminders.*}, from {@code LAA_REMINDERS_*}): off unless
 * {@code enabled}; the partnership's SMTP server ({@code smtp.host}, {@code smtp.port}, {@code smtp.username} and
 * {@code smtp.password} when it asks for them, {@code smtp.starttls}: whether the connection must be upgraded to TLS
 * first); the sender ({@code from}); when they go ({@code cron}, as Micronaut's {@code @Scheduled} reads it: seconds,
 * minutes, hours, day of month, month, day of week); and the gateway's address as readers reach it
 * ({@code base-url}), which the e-mails' links start with. Checked at start when enabled, so that a gateway told to
 * send reminders it cannot send stops saying what is wrong.
 */
@Context
public class ReminderSettings {

  private final boolean enabled;
  private final String host;
  private final int port;
  private final String username;
  private final String password;
  private final boolean starttls;
  private final String from;
  private final String cron;
  private final String baseUrl;

  public ReminderSettings(@Value("${laa.reminders.enabled:false}") boolean enabled,
      @Value("${laa.reminders.smtp.host:}") String host, @Value("${laa.reminders.smtp.port:587}") int port,
      @Value("${laa.reminders.smtp.username:}") String username,
      @Value("${laa.reminders.smtp.password:}") String password,
      @Value("${laa.reminders.smtp.starttls:true}") boolean starttls, @Value("${laa.reminders.from:}") String from,
      @Value("${laa.reminders.cron:0 0 7 * * MON}") String cron,
      @Value("${laa.reminders.base-url:http://127.0.0.1:8080}") String baseUrl) {
    this.enabled = enabled;
    this.host = host.strip();
    this.port = port;
    this.username = username.strip();
    this.password = password;
    this.starttls = starttls;
    this.from = from.strip();
    this.cron = cron.strip();
    this.baseUrl = baseUrl.strip().replaceAll("/+$", "");
    if (enabled) {
      List<String> wrong = problems();
      if (!wrong.isEmpty()) {
        throw new IllegalStateException("e-mail reminders are enabled (laa.reminders.enabled) but cannot be sent: "
            + String.join("; ", wrong));
      }
    }
  }

  private List<String> problems() {
    List<String> wrong = new ArrayList<>();
    if (host.isEmpty()) {
      wrong.add("laa.reminders.smtp.host (LAA_REMINDERS_SMTP_HOST) names no SMTP server");
    }
    if (port < 1 || port > 65535) {
      wrong.add("laa.reminders.smtp.port (LAA_REMINDERS_SMTP_PORT) must be a port, 1 to 65535, not " + port);
    }
    try {
      new InternetAddress(from, true).validate();
    } catch (AddressException e) {
      wrong.add("laa.reminders.from (LAA_REMINDERS_FROM) must be the sender's e-mail address, like "
          + "performance@example.org, not '" + from + "'");
    }
    try {
      CronExpression.create(cron);
    } catch (RuntimeException e) {
      wrong.add("laa.reminders.cron (LAA_REMINDERS_CRON) must be a cron expression like '0 0 7 * * MON' (seconds, "
          + "minutes, hours, day of month, month, day of week), not '" + cron + "'");
    }
    URI base = null;
    try {
      base = URI.create(baseUrl);
    } catch (IllegalArgumentException e) {
      // said below
    }
    if (base == null || !("http".equals(base.getScheme()) || "https".equals(base.getScheme()))
        || base.getHost() == null) {
      wrong.add("laa.reminders.base-url (LAA_REMINDERS_BASE_URL) must be the gateway's address as readers reach it, "
          + "like https://performance.example.org, not '" + baseUrl + "'");
    }
    return wrong;
  }

  public boolean enabled() {
    return enabled;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public String username() {
    return username;
  }

  public String password() {
    return password;
  }

  public boolean starttls() {
    return starttls;
  }

  public String from() {
    return from;
  }

  /** Without a trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }
}
