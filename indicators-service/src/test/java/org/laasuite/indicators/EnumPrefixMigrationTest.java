package org.laasuite.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.laasuite.testkit.TestDatabase;

/**
 * A database written before enum values carried their enum's prefix is migrated: every stored value
 * gains it, checks over two columns keep holding, and the checks then refuse the old spelling.
 */
class EnumPrefixMigrationTest {

  @Test
  void figuresIndicatorsAndJudgementsStoredWithoutThePrefixGainIt() throws Exception {
    TestDatabase db = TestDatabase.forClass(EnumPrefixMigrationTest.class);
    Flyway.configure().dataSource(db.url(), db.user(), db.password()).target("1").load().migrate();
    db.execute("INSERT INTO area (code, title, type) VALUES ('city', 'Coventry', 'CITY')",
        "INSERT INTO period (code, type, start_date, end_date, label) VALUES ('fy-2006-07', 'FINANCIAL_YEAR',"
            + " '2006-04-01', '2007-03-31', '2006/07')",
        "INSERT INTO indicator (code, title, block, polarity, source, frequency, create_time, update_time)"
            + " VALUES ('CYP-28', 'NEET', 'CHILDREN_AND_YOUNG_PEOPLE', 'LOWER_IS_BETTER', 'LPSA_STRETCH', 'ANNUAL',"
            + " now(), now())",
        "INSERT INTO baseline (indicator_id, area_id, figure_value, figure_comparator, figure_status,"
            + " figure_original_text, create_time) SELECT i.id, a.id, 8.6, 'EQUAL', 'VALUE', '8.6', now()"
            + " FROM indicator i, area a",
        "INSERT INTO recorded_judgement (indicator_id, period_id, rating, create_time)"
            + " SELECT i.id, p.id, 'RED', now() FROM indicator i, period p");

    Flyway.configure().dataSource(db.url(), db.user(), db.password()).load().migrate();

    assertEquals("AREA_TYPE_CITY PERIOD_TYPE_FINANCIAL_YEAR",
        db.queryOne("SELECT a.type || ' ' || p.type FROM area a, period p"));
    assertEquals("LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE POLARITY_LOWER_IS_BETTER INDICATOR_SOURCE_LPSA_STRETCH"
        + " FREQUENCY_ANNUAL", db.queryOne("SELECT block || ' ' || polarity || ' ' || source || ' ' || frequency"
        + " FROM indicator"));
    assertEquals("COMPARATOR_EQUAL FIGURE_STATUS_VALUE",
        db.queryOne("SELECT figure_comparator || ' ' || figure_status FROM baseline"));
    assertEquals("RATING_RED", db.queryOne("SELECT rating FROM recorded_judgement"));
    assertThrows(SQLException.class, () -> db.execute("UPDATE baseline SET figure_value = NULL"),
        "a figure whose status is a value still needs its number");
    assertThrows(SQLException.class, () -> db.execute("UPDATE recorded_judgement SET rating = 'GREEN'"));
  }
}
