/**
 * Partners' figures on the web, from entry to the public: an indicator's return for a period
 * ({@link org.laasuite.reporting.entry.EntryPages}) and a theme group's quarter on one page
 * ({@link org.laasuite.reporting.entry.ThemeGroupPages}), entered, checked, submitted, approved, returned and
 * published with the signed-in person's own token; an indicator's history of steps and, for those who manage
 * indicators, its audit trail ({@link org.laasuite.reporting.entry.HistoryPage}); and what a report card shows of
 * its figures' revisions and of the figures still pending ({@link org.laasuite.reporting.entry.CardFigures}).
 */
package org.laasuite.reporting.entry;
