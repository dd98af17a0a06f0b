/**
 * My work ({@code /my-work}): what a signed-in person has to do with the indicators' figures, from their rights:
 * the indicators they enter, their drafts and returns sent back to them, what waits for their approval (approved a
 * theme group's quarter at once) and for their publication (a quarter published, and its edition frozen, at once),
 * and what is due ({@link org.laasuite.reporting.mywork.MyWorkDue}). Everything is read and written with the
 * person's own token.
 */
package org.laasuite.reporting.mywork;
