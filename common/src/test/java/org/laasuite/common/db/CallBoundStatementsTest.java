package org.laasuite.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laasuite.testkit.TestDatabase;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A call's SQL stops when its caller gives up: past the deadline the statement running is cancelled in PostgreSQL
 * and its transaction's writes are gone; once the caller has cancelled no statement starts; outside a call nothing
 * changes.
 */
class CallBoundStatementsTest {

  private static final TestDatabase DB = TestDatabase.forClass(CallBoundStatementsTest.class);
  private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor();
  private static DataSource bound;

  @BeforeAll
  static void table() throws Exception {
    DB.execute("CREATE TABLE written (id int)");
    PGSimpleDataSource pool = new PGSimpleDataSource();
    pool.setUrl(DB.url());
    pool.setUser(DB.user());
    bound = CallBoundStatements.wrap(pool);
  }

  @AfterAll
  static void stop() {
    TIMERS.shutdownNow();
  }

  @Test
  void aStatementStillRunningAtTheDeadlineIsCancelledAndItsTransactionWritesNothing() throws Exception {
    Context.CancellableContext call = Context.current().withDeadlineAfter(300, TimeUnit.MILLISECONDS, TIMERS);
    try {
      SQLException stopped = assertThrows(SQLException.class, () -> call.call(() -> {
        try (Connection c = bound.getConnection(); Statement st = c.createStatement()) {
          c.setAutoCommit(false);
          st.execute("INSERT INTO written VALUES (1)");
          st.execute("SELECT pg_sleep(120)"); // two minutes, unless stopped
          c.commit();
        }
        return null;
      }));
      assertEquals("57014", stopped.getSQLState(), stopped.getMessage()); // query_canceled
    } finally {
      call.cancel(null);
    }
    assertEquals(0, DB.rows("written"));
    assertEquals("0", DB.queryOne("SELECT count(*) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(120)'"
        + " AND state = 'active'"), "PostgreSQL no longer runs it");
  }

  @Test
  void aCancelledCallStartsNoStatement() throws Exception {
    Context.CancellableContext call = Context.current().withCancellation();
    call.cancel(null);
    StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> call.call(() -> {
      try (Connection c = bound.getConnection(); Statement st = c.createStatement()) {
        st.execute("INSERT INTO written VALUES (2)");
      }
      return null;
    }));
    assertEquals(Status.Code.CANCELLED, refused.getStatus().getCode());
    assertEquals(0, DB.rows("written"));
  }

  @Test
  void statementsWithinTheDeadlineAndOutsideAnyCallRunAsBefore() throws Exception {
    Context.CancellableContext call = Context.current().withDeadlineAfter(1, TimeUnit.MINUTES, TIMERS);
    try {
      assertEquals(3, (int) call.call(() -> {
        int sum = 0;
        try (Connection c = bound.getConnection(); Statement st = c.createStatement()) {
          for (int i = 0; i < 3; i++) {
            try (ResultSet rs = st.executeQuery("SELECT 1")) {
              rs.next();
              sum += rs.getInt(1);
            }
          }
        }
        return sum;
      }));
    } finally {
      call.cancel(null);
    }
    try (Connection c = bound.getConnection(); Statement st = c.createStatement(); ResultSet rs =
        st.executeQuery("SELECT 2")) {
      rs.next();
      assertEquals(2, rs.getInt(1));
    }
  }
}
