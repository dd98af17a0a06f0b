package org.laasuite.indicators.importer;

import java.util.List;
import java.util.Map;
import org.laasuite.type.v1.LaaBlock;

/**
 * The LAA Simple View's layout, as data/coventry-2007-08/laa-simple-view.csv has it: the columns in their order (the
 * import reads {@link SimpleViewImporter#REQUIRED_COLUMNS} of them and ignores the transcription's own), and the tab
 * of each block in a workbook.
 */
public final class SimpleViewLayout {

  /** Every column of the Simple View file, in order. */
  public static final List<String> COLUMNS = List.of("seed_line", "block", "theme_group", "theme_group_body", "code",
      "row", "row_kind", "outcome", "measure", "units", "polarity", "baseline_date", "baseline_value",
      "target_2005_06", "target_2006_07", "target_2007_08", "target_2008_09", "update_2004_05_date",
      "update_2004_05_value", "update_2005_06_date", "update_2005_06_value", "update_2006_07_date",
      "update_2006_07_value", "variance_2005_06", "variance_2006_07", "traffic_light", "comments",
      "transcription_note");

  /**
   * A workbook's tab per block: the block as the Simple View's papers head it ("SAFER STRONGER COMMUNITIES BLOCK",
   * "ECONOMIC DEVELOPMENT &amp; ENTERPRISE BLOCK"), shortened where Excel's 31 characters of a tab name demand it.
   */
  public static final Map<LaaBlock, String> SHEETS = Map.of(
      LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE, "Children & Young People",
      LaaBlock.LAA_BLOCK_SAFER_AND_STRONGER_COMMUNITIES, "Safer Stronger Communities",
      LaaBlock.LAA_BLOCK_HEALTHIER_COMMUNITIES_AND_OLDER_PEOPLE, "Healthier Comms & Older People",
      LaaBlock.LAA_BLOCK_ECONOMIC_DEVELOPMENT_AND_ENTERPRISE, "Economic Dev & Enterprise");

  /** The blocks in the order the agreement lists them (and a workbook's tabs follow). */
  public static final List<LaaBlock> BLOCKS = List.of(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE,
      LaaBlock.LAA_BLOCK_SAFER_AND_STRONGER_COMMUNITIES, LaaBlock.LAA_BLOCK_HEALTHIER_COMMUNITIES_AND_OLDER_PEOPLE,
      LaaBlock.LAA_BLOCK_ECONOMIC_DEVELOPMENT_AND_ENTERPRISE);

  private SimpleViewLayout() {
  }
}
