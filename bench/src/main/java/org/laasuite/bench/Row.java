package org.laasuite.bench;

/**
 * One line of the table: what was measured, the floor it is compared with (measured in the same run), their ratio,
 * and the goal with the figure it is judged on ({@code value}, in the goal's terms; null when not measured, then
 * {@code note} says why).
 */
record Row(String scenario, String what, String measured, String floor, Double ratio, Goal goal, Double value,
    String note) {

  static Row info(String scenario, String what, String measured) {
    return new Row(scenario, what, measured, "", null, null, null, "");
  }

  static Row failed(String scenario, String what, Goal goal, String why) {
    return new Row(scenario, what, "failed", "", null, goal, null, why);
  }

  Row judged(Goal goal, double value) {
    return new Row(scenario, what, measured, floor, ratio, goal, value, note);
  }

  Row withNote(String why) {
    return new Row(scenario, what, measured, floor, ratio, goal, value, why);
  }

  String verdict() {
    if (goal == null) {
      return "";
    }
    if (value == null) {
      return "not measured";
    }
    return goal.verdict(value);
  }

  Boolean met() {
    return goal == null || value == null ? null : goal.met(value);
  }
}
