/**
 * The partnership's governance on the web, read-only and public as the partnership publishes it: its bodies with
 * their members and governance health, the calendar of meetings (and an iCalendar feed per body), a meeting's page
 * and its agenda and minutes as PDF, and a person's page.
 */
package org.laasuite.reporting.governance;
