package org.laasuite.common.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema migration every service needed once enum values carried their enum's name as a prefix
 * (buf's ENUM_VALUE_PREFIX: a stored 'RED' is now 'RATING_RED'). For each enum column the CHECK
 * constraints on it are dropped, its values prefixed, and the same checks added again with prefixed
 * literals. Each service's Flyway migration names its columns and calls {@link #apply}.
 */
public final class EnumValuePrefixes {

  /** A column holding one enum's values: {@code new Column("area", "type", "AREA_TYPE_")}. */
  public record Column(String table, String column, String prefix) {
  }

  private EnumValuePrefixes() {
  }

  public static void apply(Connection c, List<Column> columns) throws SQLException {
    for (Column col : columns) {
      List<String> checks = new ArrayList<>();
      try (PreparedStatement find = c.prepareStatement("""
          SELECT c.conname, pg_get_constraintdef(c.oid)
          FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
          WHERE c.contype = 'c' AND c.conrelid = ?::regclass AND a.attname = ?""")) {
        find.setString(1, col.table());
        find.setString(2, col.column());
        try (ResultSet rs = find.executeQuery(); Statement st = c.createStatement()) {
          while (rs.next()) {
            checks.add(rs.getString(2).replaceAll("'([A-Z][A-Z0-9_]*)'", "'" + col.prefix() + "$1'"));
            st.execute("ALTER TABLE " + col.table() + " DROP CONSTRAINT " + quote(rs.getString(1)));
          }
        }
      }
      try (PreparedStatement update = c.prepareStatement("UPDATE " + col.table() + " SET " + col.column()
          + " = ? || " + col.column() + " WHERE " + col.column() + " IS NOT NULL AND " + col.column()
          + " NOT LIKE ?")) {
        update.setString(1, col.prefix());
        update.setString(2, col.prefix() + "%");
        update.executeUpdate();
      }
      try (Statement st = c.createStatement()) {
        for (String check : checks) {
          st.execute("ALTER TABLE " + col.table() + " ADD " + check);
        }
      }
    }
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
