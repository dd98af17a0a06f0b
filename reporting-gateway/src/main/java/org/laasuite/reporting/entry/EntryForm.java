package org.laasuite.reporting.entry;

import java.util.List;
import org.laasuite.indicators.v1.Indicator;

/**
 * One indicator's return as a form shows it: each area's outturn, the narrative and, for those who record
 * judgements, the judgement, each input with the value read or typed and what is wrong with it; {@code problems}
 * are what the service said of the return as a whole. On a theme group's page every input's name starts with the
 * indicator's code ({@code prefix} "CYP-28."), so that one form carries every indicator's return.
 */
public record EntryForm(Indicator indicator, String prefix, Field etag, List<AreaForm> areas, Field achieved,
    Field nextSteps, Field rating, Field reason, List<String> problems) {

  /** One input: its name, its element's id, its value and what is wrong with it (empty when nothing). */
  public record Field(String name, String id, String value, String error) {

    public boolean invalid() {
      return !error.isEmpty();
    }

    /** The id of the element saying what is wrong, which the input names in aria-describedby. */
    public String errorId() {
      return id + "-error";
    }
  }

  /** An area's outturn: the figure, provisional or final, the period the data describes and a note. */
  public record AreaForm(String area, String title, Field figure, Field status, Field dataPeriod, Field note) {
  }

  /** Whether anything in it is wrong. */
  public boolean invalid() {
    return !problems.isEmpty() || areas.stream().anyMatch(a -> a.figure().invalid() || a.status().invalid()
        || a.dataPeriod().invalid() || a.note().invalid()) || achieved.invalid() || nextSteps.invalid()
        || rating.invalid() || reason.invalid();
  }
}
