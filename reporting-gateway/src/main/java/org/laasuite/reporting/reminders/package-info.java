/**
 * E-mail reminders of what is due and overdue (laa.reminders.*, off by default): ReminderSettings (checked at start
 * when enabled), ReminderMail (one person's e-mail, text and HTML), Mailer (Jakarta Mail to the partnership's SMTP
 * server), Reminders (a run: one e-mail to each person with something due or overdue, at the addresses the records
 * give), ReminderJob (the schedule, laa.reminders.cron) and ReminderController (POST /api/v1/reminders:send, admins
 * only, what bin/laa remind calls).
 */
package org.laasuite.reporting.reminders;
