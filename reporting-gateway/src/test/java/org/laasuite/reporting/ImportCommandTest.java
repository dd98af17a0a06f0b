package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.testkit.TestIssuer;
import org.laasuite.tools.Laa;

/**
 * {@code bin/laa import FILE} (the tools' import-simple-view) against the running indicators service, as the admin:
 * the problems by row and column, what was written, the exit code, and the import's progress as plain lines (its
 * output here is no terminal).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportCommandTest {

  private static final List<String> CODES = List.of("UPL-C-1", "UPL-C-2", "UPL-C-3");

  private Path dir;
  private String indicators;

  private record Run(int exit, String out, String err) {
  }

  @BeforeAll
  void files() throws Exception {
    indicators = RunningSuite.get().indicators.address();
    dir = Files.createTempDirectory("laa-import-command");
  }

  @AfterAll
  void archive() {
    SimpleViewFiles.archive(CODES);
  }

  private Path file(String name, byte[] content) throws Exception {
    return Files.write(dir.resolve(name), content);
  }

  /** The command run in this JVM, its output and errors caught. */
  private Run laa(String... args) throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    var o = new ByteArrayOutputStream();
    var e = new ByteArrayOutputStream();
    String token = System.getProperty("laa.token");
    System.setProperty("laa.token", TestIssuer.token(TestIssuer.ADMIN));
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int exit = Laa.run(args);
      return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
      if (token == null) {
        System.clearProperty("laa.token");
      } else {
        System.setProperty("laa.token", token);
      }
    }
  }

  @Test
  void aFileWithAProblemIsCheckedNamedByRowAndColumnAndNothingIsWritten() throws Exception {
    Path bad = file("bad.csv", SimpleViewFiles.file(SimpleViewFiles.row(2, "UPL-C-3", "HIGHER_IS_BETTER"),
        SimpleViewFiles.row(3, "UPL-C-3X", "SIDEWAYS")));
    Run checked = laa("import-simple-view", indicators, bad.toString(), "--validate-only");
    assertEquals(1, checked.exit(), checked.toString());
    assertTrue(checked.err().contains(bad + ":3 [polarity]: "), checked.err());
    assertTrue(checked.out().contains("bad.csv: 2 indicators") || checked.out().contains("bad.csv: 1 indicators"),
        checked.out());
    assertTrue(checked.out().contains("NOT loaded (1 problems)"), checked.out());

    Run imported = laa("import-simple-view", indicators, bad.toString());
    assertEquals(1, imported.exit(), "nothing written: " + imported);
    assertTrue(imported.out().contains("NOT loaded (1 problems; nothing written"), imported.out());

    Path text = file("simple-view.txt", SimpleViewFiles.file());
    Run other = laa("import-simple-view", indicators, text.toString());
    assertEquals(1, other.exit());
    assertTrue(other.err().contains("neither a CSV file (.csv) nor an Excel workbook (.xlsx)"), other.err());
  }

  @Test
  void aGoodFileIsCheckedThenImportedOnceAndAgainWritesNothing() throws Exception {
    Path good = file("good.csv", SimpleViewFiles.file(SimpleViewFiles.row(2, "UPL-C-1", "HIGHER_IS_BETTER")));
    Run checked = laa("import-simple-view", indicators, good.toString(), "--validate-only");
    assertEquals(0, checked.exit(), checked.toString());
    assertTrue(checked.out().contains("good.csv: 1 indicators, 0 baselines, 1 targets, 1 outturns, 1 judgements"),
        checked.out());
    assertTrue(checked.out().contains("checked: no problems (nothing written: --validate-only)"), checked.out());

    Run imported = laa("import-simple-view", indicators, good.toString());
    assertEquals(0, imported.exit(), imported.toString());
    assertTrue(imported.out().contains("good.csv: 1 indicators") && imported.out().contains(" loaded"),
        imported.out());

    Run again = laa("import-simple-view", indicators, good.toString());
    assertEquals(1, again.exit(), "the indicator exists now: nothing written");
    assertTrue(again.err().contains(good + ":2 [code]: indicators/UPL-C-1 already exists"), again.err());
  }

  /** Needs StreamImportSimpleView (the server side of issue 16's import): UNIMPLEMENTED until it is merged. */
  @Test
  void theImportsProgressIsPrintedStageByStageAsPlainLinesWhenTheOutputIsNoTerminal() throws Exception {
    Path good = file("progress.csv", SimpleViewFiles.file(SimpleViewFiles.row(2, "UPL-C-2", "HIGHER_IS_BETTER")));
    Run imported = laa("import-simple-view", indicators, good.toString());
    assertEquals(0, imported.exit(), imported.toString());
    assertFalse(imported.out().contains("sent, waiting for the answer"), "the service tells how far it has got: "
        + imported.out());
    List<String> stages = imported.out().lines().filter(l -> l.matches("(reading|checking|writing): \\d+.*"))
        .map(l -> l.substring(0, l.indexOf(':'))).distinct().toList();
    assertFalse(stages.isEmpty(), imported.out());
    assertEquals(List.of("reading", "checking", "writing").stream().filter(stages::contains).toList(), stages,
        "stage by stage, in order: " + imported.out());
    assertTrue(imported.out().lines().noneMatch(l -> l.contains("\r") || l.contains("[#")), "no bar in a log");
  }

  /** {@code bin/laa comparators FILE}: each bad row by its line, nothing written. */
  @Test
  void theComparatorsCommandNamesEachBadRowByItsLineAndWritesNothing() throws Exception {
    String header = "group,group_title,group_kind,group_source,group_note,indicator,period,local_area,area,value,"
        + "source,quote,note\n";
    Path file = file("comparators.csv", (header
        + "cmd-test,Command test,REGION,,,EDE-JE-6,fy-1990-91,,West Midlands,12,,,\n"
        + "cmd-test,Command test,REGION,,,NO-SUCH-1,cy-2005,,West Midlands,Data available 2008,,,\n")
        .getBytes(StandardCharsets.UTF_8));
    Run bad = laa("import-comparators", indicators, file.toString());
    assertEquals(1, bad.exit(), bad.err());
    assertTrue(bad.err().contains(file + ":2 [comparator_figure.period]: periods/fy-1990-91 does not exist"),
        bad.err());
    assertTrue(bad.err().contains(file + ":3 [parent]: indicators/NO-SUCH-1 does not exist"), bad.err());
    assertTrue(bad.err().contains(file + ":3 [comparator_figure.figure]: 'Data available 2008' has no number"),
        bad.err());
    assertTrue(bad.err().contains("comparators.csv: NOT loaded"), bad.err());
    var channel = RunningSuite.get().indicators.channel();
    try {
      assertTrue(org.laasuite.indicators.v1.IndicatorServiceGrpc.newBlockingStub(channel)
          .withCallCredentials(TestIssuer.as(TestIssuer.ADMIN)).listComparatorGroups(
              org.laasuite.indicators.v1.ListComparatorGroupsRequest.newBuilder().setPageSize(500).build())
          .getComparatorGroupsList().stream().noneMatch(g -> g.getId().equals("cmd-test")), "no group written");
    } finally {
      channel.shutdownNow();
    }

    Path kind = file("kind.csv", (header + "cmd-test,Command test,COUNTY,,,EDE-JE-6,cy-2005,,Somewhere,12,,,\n")
        .getBytes(StandardCharsets.UTF_8));
    Run unknownKind = laa("import-comparators", indicators, kind.toString());
    assertEquals(1, unknownKind.exit());
    assertTrue(unknownKind.err().contains(kind + ":2 [group_kind]: 'COUNTY' is none of ENGLAND, REGION, "
        + "NEAREST_NEIGHBOURS, OTHER"), unknownKind.err());
  }
}
