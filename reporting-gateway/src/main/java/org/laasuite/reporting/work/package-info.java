/**
 * Due and overdue work: DueRule (pure) says when a figure or an action falls due and where it stands on a day;
 * WorkSettings holds that day (laa.work.as-of, or today) and the lag after a period's end
 * (laa.work.figure-lag); Workloads gathers, with one listing call to each service, a person's or a theme group's
 * indicators with the figures they owe and the actions they hold (Work); WorkController serves it as the pages
 * "My work" and /work/... .
 */
package org.laasuite.reporting.work;
