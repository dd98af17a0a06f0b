package db.migration;

import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.laasuite.common.db.EnumValuePrefixes.Column;
import org.laasuite.common.db.EnumValuePrefixes;

/** Stored enum values gain their enum's prefix ('ALIGNED' becomes 'ARRANGEMENT_ALIGNED'); see EnumValuePrefixes. */
public class V2__Enum_value_prefixes extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    EnumValuePrefixes.apply(context.getConnection(), List.of(
        new Column("funding_stream", "block", "LAA_BLOCK_"),
        new Column("funding_stream", "arrangement", "ARRANGEMENT_"),
        new Column("allocation", "capital_status", "AMOUNT_STATUS_"),
        new Column("allocation", "revenue_status", "AMOUNT_STATUS_"),
        new Column("commitment", "kind", "COMMITMENT_KIND_"),
        new Column("commitment_amount", "status", "AMOUNT_STATUS_")));
  }
}
