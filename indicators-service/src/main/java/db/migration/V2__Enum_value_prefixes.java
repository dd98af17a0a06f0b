package db.migration;

import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.laasuite.common.db.EnumValuePrefixes.Column;
import org.laasuite.common.db.EnumValuePrefixes;

/** Stored enum values gain their enum's prefix ('RED' becomes 'RATING_RED'); see EnumValuePrefixes. */
public class V2__Enum_value_prefixes extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    EnumValuePrefixes.apply(context.getConnection(), List.of(
        new Column("area", "type", "AREA_TYPE_"),
        new Column("period", "type", "PERIOD_TYPE_"),
        new Column("indicator", "block", "LAA_BLOCK_"),
        new Column("indicator", "polarity", "POLARITY_"),
        new Column("indicator", "source", "INDICATOR_SOURCE_"),
        new Column("indicator", "frequency", "FREQUENCY_"),
        new Column("baseline", "figure_comparator", "COMPARATOR_"),
        new Column("baseline", "figure_status", "FIGURE_STATUS_"),
        new Column("target", "figure_comparator", "COMPARATOR_"),
        new Column("target", "figure_status", "FIGURE_STATUS_"),
        new Column("outturn", "figure_comparator", "COMPARATOR_"),
        new Column("outturn", "figure_status", "FIGURE_STATUS_"),
        new Column("outturn", "status", "OUTTURN_STATUS_"),
        new Column("recorded_judgement", "rating", "RATING_")));
  }
}
