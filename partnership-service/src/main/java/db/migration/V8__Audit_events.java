package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.laasuite.common.audit.AuditLog;

/** The append-only audit_event table every write of the service appends to; see AuditLog. */
public class V8__Audit_events extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    AuditLog.createTable(context.getConnection());
  }
}
