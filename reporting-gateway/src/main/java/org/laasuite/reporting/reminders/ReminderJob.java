package org.laasuite.reporting.reminders;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.laasuite.common.grpc.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the reminders on the configured schedule ({@code laa.reminders.cron}, by default Mondays at 07:00), only while
 * they are enabled. A run that cannot send says so in the log and leaves it to the next.
 */
@Singleton
@Requires(property = "laa.reminders.enabled", value = "true")
public class ReminderJob {

  private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);

  private final Reminders reminders;

  public ReminderJob(Reminders reminders) {
    this.reminders = reminders;
  }

  @Scheduled(cron = "${laa.reminders.cron:0 0 7 * * MON}")
  void send() {
    try {
      reminders.send();
    } catch (ApiException e) {
      LOG.warn("reminders: this run sent nothing: {}", e.getMessage());
    }
  }
}
