package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.laasuite.common.audit.ChangeFeed;

/** Each audit event appended is told to those watching the service's changes (WatchChanges); see ChangeFeed. */
public class V10__Change_notifications extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    ChangeFeed.createTrigger(context.getConnection());
  }
}
