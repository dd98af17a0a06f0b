package org.laasuite.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.laasuite.testkit.TestDatabase;

/**
 * A database written before enum values carried their enum's prefix is migrated: every stored value
 * gains it (a body's lines of blocks too), and the checks then refuse the old spelling.
 */
class EnumPrefixMigrationTest {

  @Test
  void valuesStoredWithoutThePrefixGainItAndTheOldSpellingIsThenRefused() throws Exception {
    TestDatabase db = TestDatabase.forClass(EnumPrefixMigrationTest.class);
    Flyway.configure().dataSource(db.url(), db.user(), db.password()).target("3").load().migrate();
    db.execute("INSERT INTO organisation (code, title, sector, scope) VALUES ('police', 'Police', 'PUBLIC', 'LOCAL')",
        "INSERT INTO body (code, title, type, status, blocks, outcome_blocks) VALUES ('board', 'Board',"
            + " 'PARTNERSHIP_BOARD', 'ACTIVE', E'CHILDREN_AND_YOUNG_PEOPLE\\nSAFER_AND_STRONGER_COMMUNITIES',"
            + " 'ECONOMIC_DEVELOPMENT_AND_ENTERPRISE')",
        "INSERT INTO body (code, title, type, status, successor_id) VALUES ('old', 'Old group',"
            + " 'THEME_GROUP', 'MERGED', (SELECT id FROM body WHERE code = 'board'))");

    Flyway.configure().dataSource(db.url(), db.user(), db.password()).load().migrate();

    assertEquals("SECTOR_PUBLIC SCOPE_LOCAL", db.queryOne("SELECT sector || ' ' || scope FROM organisation"));
    assertEquals("BODY_TYPE_PARTNERSHIP_BOARD BODY_STATUS_ACTIVE",
        db.queryOne("SELECT type || ' ' || status FROM body WHERE code = 'board'"));
    assertEquals("LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE\nLAA_BLOCK_SAFER_AND_STRONGER_COMMUNITIES",
        db.queryOne("SELECT blocks FROM body WHERE code = 'board'"));
    assertEquals("LAA_BLOCK_ECONOMIC_DEVELOPMENT_AND_ENTERPRISE",
        db.queryOne("SELECT outcome_blocks FROM body WHERE code = 'board'"));
    assertEquals("BODY_STATUS_MERGED", db.queryOne("SELECT status FROM body WHERE code = 'old'"));
    assertThrows(SQLException.class, () -> db.execute(
        "INSERT INTO organisation (code, title, sector) VALUES ('fire', 'Fire', 'PUBLIC')"));
    assertThrows(SQLException.class, () -> db.execute(
        "UPDATE body SET successor_id = NULL WHERE code = 'old'"), "a merged body still needs its successor");
  }
}
