package org.laasuite.reporting.reminders;

import io.grpc.Status;
import io.grpc.StatusException;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.List;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.reporting.v1.Work;
import org.laasuite.reporting.work.WorkSettings;
import org.laasuite.reporting.work.Workloads;
import org.laasuite.reporting.work.Workloads.PersonWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the e-mail reminders: one e-mail to each person with something due or overdue (figures of the indicators they
 * enter, actions they hold), at the addresses the partnership's records give them (their own e-mail, and the verified
 * e-mails of their sign-in links). Someone with no address is listed as not reminded, never guessed at. Each outcome
 * is logged (logger {@code org.laasuite.reporting.reminders}) and returned.
 */
@Singleton
public class Reminders {

  public static final String NO_ADDRESS = "not reminded: no e-mail address";
  private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);

  private final ReminderSettings settings;
  private final Workloads workloads;
  private final Mailer mailer;
  private final WorkSettings work;

  public Reminders(ReminderSettings settings, Workloads workloads, Mailer mailer, WorkSettings work) {
    this.settings = settings;
    this.work = work;
    this.workloads = workloads;
    this.mailer = mailer;
  }

  /** A person with something due or overdue, and what became of their reminder ("sent", or why not). */
  public record Outcome(String person, String name, List<String> addresses, int overdue, int due, String result) {
  }

  /** A run: the day it reckoned on, each person with something due or overdue, and what could not be read. */
  public record Run(String asOf, List<Outcome> people, List<String> notes) {

    public long sent() {
      return people.stream().filter(p -> p.result().equals("sent")).count();
    }
  }

  /**
   * Sends the reminders now. FAILED_PRECONDITION, sending nothing, when they are off; UNAVAILABLE, sending nothing,
   * when a service or the SMTP server cannot be reached (the next run tries again).
   */
  public Run send() {
    if (!settings.enabled()) {
      throw new ApiException(Status.Code.FAILED_PRECONDITION, "REMINDERS_DISABLED", "e-mail reminders are off "
          + "(laa.reminders.enabled is false): nothing was sent", List.of());
    }
    Workloads.Everyone everyone;
    try {
      everyone = workloads.everyone();
    } catch (StatusException e) {
      throw unavailable("the partnership's records cannot be read now (" + e.getStatus().getCode()
          + (e.getStatus().getDescription() == null ? "" : ": " + e.getStatus().getDescription()) + ")");
    }
    everyone.notes().forEach(n -> LOG.warn("reminders: {}", n));
    List<PersonWork> due = everyone.people().stream().filter(p -> p.work().getDue() + p.work().getOverdue() > 0)
        .toList();
    Mailer.Connection smtp = null;
    if (due.stream().anyMatch(p -> !p.addresses().isEmpty())) {
      try {
        smtp = mailer.connect();
      } catch (MessagingException e) {
        throw unavailable("the SMTP server " + settings.host() + ":" + settings.port() + " cannot be used ("
            + e.getMessage() + ")");
      }
    }
    List<Outcome> out = new ArrayList<>();
    try {
      for (PersonWork p : due) {
        out.add(remind(smtp, p));
      }
    } finally {
      if (smtp != null) {
        smtp.closeQuietly();
      }
    }
    Run run = new Run(work.today().toString(), out, everyone.notes());
    LOG.info("reminders: {} sent, {} not reminded", run.sent(), out.size() - run.sent());
    return run;
  }

  private Outcome remind(Mailer.Connection smtp, PersonWork p) {
    Work w = p.work();
    String result;
    if (p.addresses().isEmpty()) {
      result = NO_ADDRESS;
    } else {
      try {
        smtp.send(p.addresses(), w.getTitle(), ReminderMail.of(w, settings.baseUrl()));
        result = "sent";
      } catch (MessagingException e) {
        result = "not reminded: the SMTP server refused it (" + e.getMessage() + ")";
      }
    }
    LOG.info("reminders: {} <{}>: {} overdue, {} due: {}", w.getHolder(), String.join(", ", p.addresses()),
        w.getOverdue(), w.getDue(), result);
    return new Outcome(w.getHolder(), w.getTitle(), p.addresses(), w.getOverdue(), w.getDue(), result);
  }

  private static ApiException unavailable(String why) {
    LOG.warn("reminders not sent: {}", why);
    return new ApiException(Status.Code.UNAVAILABLE, "REMINDERS_UNAVAILABLE", "no reminder was sent: " + why,
        List.of());
  }
}
