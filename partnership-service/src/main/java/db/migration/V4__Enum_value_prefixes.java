package db.migration;

import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.laasuite.common.db.EnumValuePrefixes.Column;
import org.laasuite.common.db.EnumValuePrefixes;

/** Stored enum values gain their enum's prefix ('CHAIR' becomes 'ROLE_CHAIR'); see EnumValuePrefixes. */
public class V4__Enum_value_prefixes extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    EnumValuePrefixes.apply(context.getConnection(), List.of(
        new Column("organisation", "sector", "SECTOR_"),
        new Column("organisation", "scope", "SCOPE_"),
        new Column("body", "type", "BODY_TYPE_"),
        new Column("body", "status", "BODY_STATUS_"),
        new Column("membership", "role", "ROLE_"),
        new Column("membership", "sector", "SECTOR_"),
        new Column("meeting", "status", "MEETING_STATUS_"),
        new Column("attendance", "status", "ATTENDANCE_STATUS_"),
        new Column("attendance", "role", "ROLE_"),
        new Column("action", "status", "ACTION_STATUS_")));
    try (Statement st = context.getConnection().createStatement()) {
      // A body's blocks are lines of LaaBlock names.
      st.execute("""
          UPDATE body SET blocks = regexp_replace(blocks, '(^|\\n)(?!LAA_BLOCK_)([A-Z])', '\\1LAA_BLOCK_\\2', 'g'),
            outcome_blocks = regexp_replace(outcome_blocks, '(^|\\n)(?!LAA_BLOCK_)([A-Z])', '\\1LAA_BLOCK_\\2', 'g')""");
    }
  }
}
