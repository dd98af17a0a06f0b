package org.laasuite.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laasuite.indicators.v1.ImportProgress;

class ProgressBarTest {

  private static ImportProgress progress(String stage, long done, long total, String sheet) {
    return ImportProgress.newBuilder().setStage(stage).setDone(done).setTotal(total).setSheet(sheet).build();
  }

  @Test
  void aLineShowsTheStageABarTheRowsDoneOfAllAndTheSheet() {
    assertEquals("writing   [###############---------------]  78/155 rows  sheet CYP",
        ProgressBar.line(progress("writing", 78, 155, "CYP")));
    assertEquals("checking  [##############################] 155/155 rows", ProgressBar.line(progress("checking", 155,
        155, "")));
    assertEquals("reading   [??????????????????????????????] 12 rows", ProgressBar.line(progress("reading", 12, 0,
        "")), "the total not yet known");
  }

  @Test
  void onATerminalTheBarIsRedrawnInPlaceAndEndsItsLine() {
    var bytes = new ByteArrayOutputStream();
    var bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
    bar.show(progress("writing", 1, 2, ""));
    bar.show(progress("writing", 2, 2, ""));
    bar.end();
    assertEquals("\rwriting   [###############---------------] 1/2 rows\u001b[K"
        + "\rwriting   [##############################] 2/2 rows\u001b[K" + System.lineSeparator(),
        bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void elsewhereItPrintsPlainLinesWhenAStageBeginsAndForEachTenthOfItsRows() {
    var bytes = new ByteArrayOutputStream();
    var bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
    bar.show(progress("reading", 0, 0, "CYP"));
    for (int done = 0; done <= 100; done++) {
      bar.show(progress("checking", done, 100, ""));
    }
    bar.end();
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(12, lines.size(), lines.toString());
    assertEquals(List.of("reading: 0 rows (sheet CYP)", "checking: 0 of 100 rows", "checking: 10 of 100 rows"),
        lines.subList(0, 3));
    assertEquals("checking: 100 of 100 rows", lines.getLast());
  }

  @Test
  void aServiceThatDoesNotTellOfItsProgressIsWaitedFor() {
    var bytes = new ByteArrayOutputStream();
    new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false).waiting("simple-view.xlsx");
    assertEquals("simple-view.xlsx: sent, waiting for the answer" + System.lineSeparator(),
        bytes.toString(StandardCharsets.UTF_8));
  }
}
