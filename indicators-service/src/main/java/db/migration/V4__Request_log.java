package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.laasuite.common.db.RequestLog;

/** The request_log table that makes a retried create or import write once; see RequestLog. */
public class V4__Request_log extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    RequestLog.createTable(context.getConnection());
  }
}
