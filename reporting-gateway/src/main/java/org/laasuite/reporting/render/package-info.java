/**
 * Turns the model into pages. Pages renders the Thymeleaf templates to HTML and the same HTML
 * to PDF (openhtmltopdf); Charts draws JFreeChart charts as SVG; FigureTable, PeriodNames and
 * Fmt format figures, periods and text for the templates. It reads only the model, never a
 * service.
 */
package org.laasuite.reporting.render;
