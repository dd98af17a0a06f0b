package org.laasuite.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.laasuite.testkit.TestDatabase;

/** The request log forgets request ids older than its retention, and keeps the newer ones. */
class RequestLogTest {

  private final TestDatabase db = TestDatabase.forClass(RequestLogTest.class);

  @Test
  void rowsOlderThanTheRetentionGoAndNewerOnesStay() throws Exception {
    try (Connection c = db.connect()) {
      RequestLog.createTable(c);
      db.execute("""
          INSERT INTO request_log (request_id, method, request_hash, response, create_time) VALUES
            ('old', 'm', '', '', now() - interval '2 hours'),
            ('older', 'm', '', '', now() - interval '8 days'),
            ('new', 'm', '', '', now() - interval '10 minutes')""");
      assertEquals(2, RequestLog.deleteOlderThan(c, Duration.ofHours(1)));
      assertEquals(1, db.rows("request_log"));
      assertEquals("new", db.queryOne("SELECT request_id FROM request_log"));
      assertEquals(0, RequestLog.deleteOlderThan(c, Duration.ofHours(1)));
    }
  }
}
