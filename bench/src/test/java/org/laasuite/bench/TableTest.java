package org.laasuite.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableTest {

  @Test
  void aGoalAtMostIsMetUpToItsLimitAndAMissSaysByHowMuch() {
    Goal goal = Goal.atMost("p50 <= 5x floor", 5);
    assertEquals("met", goal.verdict(5));
    assertEquals("missed by 56.0x", goal.verdict(280));
  }

  @Test
  void aGoalAtLeastIsMissedByTheFactorStillWanting() {
    Goal goal = Goal.atLeast(">= 250,000 rows/s", 250_000);
    assertEquals("met", goal.verdict(300_000));
    assertEquals("missed by 299.4x", goal.verdict(835));
    assertEquals("missed (nothing done)", goal.verdict(0));
  }

  @Test
  void percentilesComeFromTheRecordedLatencies() {
    Latency latency = new Latency();
    for (int ms = 1; ms <= 100; ms++) {
      latency.record(ms * 1_000_000L);
    }
    assertEquals(100, latency.count());
    assertEquals(50, latency.p50(), 0.1);
    assertEquals(99, latency.p99(), 0.1);
    assertEquals("p50 50.0 ms, p99 99.0 ms", latency.summary());
  }

  @Test
  void theTableCarriesEachRowsRatioGoalAndVerdictInMarkdownAndJson() {
    Table table = new Table();
    table.add(new Row("1a", "card JSON", "p50 10.3 ms", "PK select p50 0.037 ms", 278.4, null, null, "")
        .judged(Goal.atMost("p50 <= 5x floor", 5), 278.4));
    table.add(Row.failed("4a", "import", Goal.atLeast(">= 250,000 rows/s", 250_000), "INVALID_ARGUMENT: \"too many\""));
    String markdown = table.markdown();
    assertTrue(markdown.contains("| 1a  | card JSON | p50 10.3 ms | PK select p50 0.037 ms | 278x  | p50 <= 5x floor"),
        markdown);
    assertTrue(markdown.contains("| missed by 55.7x: " + Table.WHY), markdown);
    assertTrue(markdown.contains("not measured: INVALID_ARGUMENT"), markdown);
    String json = table.json(Map.of("quick", true));
    assertTrue(json.contains("\"ratio\": 278.400, \"goal\": \"p50 <= 5x floor\", \"goalLimit\": 5.00000, "
        + "\"goalAtMost\": true, \"value\": 278.400, \"met\": false"), json);
    assertTrue(json.contains("\"note\": \"INVALID_ARGUMENT: \\\"too many\\\"\""), json);
    assertFalse(json.contains("NaN"));
  }

  @Test
  void onlyAMissedGoalWithoutAReasonOfItsOwnPointsToTheReasons() {
    Table table = new Table();
    Goal goal = Goal.atMost("p99 <= 3x card p99", 3);
    table.add(new Row("3", "block", "p99 6 ms", "card p99 9 ms", 0.6, null, null, "").judged(goal, 0.6));
    table.add(new Row("4a", "import", "16k rows/s", "COPY 36k", 0.4, null, null, "").judged(
        Goal.atLeast(">= 250,000 rows/s", 250_000), 16_000).withNote("the goal is above the floor itself"));
    assertEquals(List.of("", "the goal is above the floor itself"), table.rows().stream().map(Row::note).toList());
  }
}
