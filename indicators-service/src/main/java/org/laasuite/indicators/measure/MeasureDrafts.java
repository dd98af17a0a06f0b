package org.laasuite.indicators.measure;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import org.laasuite.common.grpc.Violations;
import org.laasuite.indicators.figure.FigureValue;

/**
 * Measures to create, their shape checked ({@link MeasureMapper}'s fromProto): what the client sent,
 * with the periods and areas it names still names, for {@link MeasureService} to resolve. A draft's
 * row has its ids unset (0) until then; a figure the client got wrong is null.
 */
public final class MeasureDrafts {

  private MeasureDrafts() {
  }

  /** A baseline or a target: a figure for a period (may be empty for a baseline) and an area ("" for the city). */
  public record FigureDraft(String period, String area, @Nullable FigureValue figure) {
  }

  /** An outturn: its reporting period, the period its data describes (or ""), and its area ("" for the city). */
  public record OutturnDraft(String period, String dataPeriod, String area, OutturnRevisionRow row) {
  }

  public record NarrativeDraft(String period, NarrativeRow row) {
  }

  public record JudgementDraft(String period, RecordedJudgementRow row) {
  }

  /** One narrative of a batch, for the indicator {@code indicatorCode} (null when its parent is malformed). */
  public record BatchNarrative(@Nullable String indicatorCode, NarrativeDraft narrative) {
  }

  /**
   * One row of an outturn import: its row number, the indicator it names, the outturn, and the
   * problems found with it so far (its shape; the service adds what it cannot find).
   */
  public record ImportRow(int number, String indicator, OutturnDraft outturn, Violations problems) {
  }

  /**
   * What an import did: the rows accepted, the first rows rejected with their problems and how many were in all,
   * and whether it wrote.
   */
  public record ImportResult(int accepted, List<ImportRow> rejected, int rejectedCount, boolean written) {
  }
}
