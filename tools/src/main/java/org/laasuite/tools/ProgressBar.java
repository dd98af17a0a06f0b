package org.laasuite.tools;

import java.io.PrintStream;
import java.util.Locale;
import org.laasuite.indicators.v1.ImportProgress;

/**
 * How far an import has got, as the command line shows it. On a terminal, one line redrawn in place: the stage, a
 * bar, the rows done of all and the sheet ({@code writing   [##########----------]   78/155 rows  sheet CYP}).
 * Elsewhere (a file, a pipe, a CI log) plain lines instead ({@code writing: 78 of 155 rows (sheet CYP)}), one when a
 * stage begins and one for each tenth of its rows, so that a log is not flooded.
 */
final class ProgressBar {

  static final int WIDTH = 30;

  private final PrintStream out;
  private final boolean terminal;
  private String stage = "";
  private long tenth = -1;
  private boolean drawn;

  ProgressBar(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  /** The progress the service told of. */
  void show(ImportProgress p) {
    if (terminal) {
      out.print("\r" + line(p) + "\u001b[K");
      out.flush();
      drawn = true;
      return;
    }
    long now = p.getTotal() > 0 ? Math.min(10, p.getDone() * 10 / p.getTotal()) : -1;
    if (!p.getStage().equals(stage) || now > tenth) {
      out.println(plain(p));
      stage = p.getStage();
      tenth = now;
    }
  }

  /** The service does not tell of its progress: all there is to say. */
  void waiting(String file) {
    end();
    out.println(file + ": sent, waiting for the answer");
  }

  /** Ends the line the bar was drawn on. */
  void end() {
    if (drawn) {
      out.println();
      drawn = false;
    }
  }

  /** The progress as a plain line: {@code writing: 78 of 155 rows (sheet CYP)}. */
  static String plain(ImportProgress p) {
    return p.getStage() + ": " + p.getDone() + (p.getTotal() > 0 ? " of " + p.getTotal() : "") + " rows"
        + (p.getSheet().isEmpty() ? "" : " (sheet " + p.getSheet() + ")");
  }

  /** The progress as one line: stage, bar, rows done of all (or so far, while the total is not known) and sheet. */
  static String line(ImportProgress p) {
    String rows;
    String bar;
    if (p.getTotal() > 0) {
      long done = Math.min(p.getDone(), p.getTotal());
      int filled = (int) (done * WIDTH / p.getTotal());
      bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
      String total = String.valueOf(p.getTotal());
      rows = String.format(Locale.ROOT, "%" + total.length() + "d/%s rows", done, total);
    } else {
      bar = "?".repeat(WIDTH);
      rows = p.getDone() + " rows";
    }
    return String.format(Locale.ROOT, "%-9s [%s] %s%s", p.getStage(), bar, rows,
        p.getSheet().isEmpty() ? "" : "  sheet " + p.getSheet());
  }
}
