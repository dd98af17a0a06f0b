package org.laasuite.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.laasuite.testkit.TestDatabase;

/**
 * The request log forgets request ids older than its retention, and keeps the newer ones; a request is known by the
 * same hash however its messages are fed.
 */
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

  @Test
  void aRequestsHashIsThatOfItsLengthPrefixedMessagesFedOneAtATime() throws Exception {
    var first = com.google.protobuf.StringValue.of("options");
    var second = com.google.protobuf.StringValue.of("x".repeat(10_000)); // past the stream's buffer
    RequestLog.RequestHash hash = new RequestLog.RequestHash();
    hash.add(first);
    hash.add(second);
    var bytes = new java.io.ByteArrayOutputStream();
    first.writeDelimitedTo(bytes);
    second.writeDelimitedTo(bytes);
    String fed = java.util.HexFormat.of().formatHex(hash.finish());
    // The hashes stored by earlier versions (the request's bytes whole) still match a retry's.
    assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(bytes.toByteArray())), fed);
    RequestLog.RequestHash other = new RequestLog.RequestHash();
    other.add(second);
    other.add(first);
    assertNotEquals(fed, java.util.HexFormat.of().formatHex(other.finish()), "the order of the messages counts");
  }
}
