package org.laasuite.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.laasuite.testkit.Ports;
import org.laasuite.testkit.TestDatabase;

/**
 * Two replicas of a service starting together on one empty database, as a Deployment's pods do: the
 * schema is migrated once (Flyway holds PostgreSQL's advisory lock while it migrates), and both start.
 */
class ReplicasMigrateOnceTest {

  @Test
  void twoReplicasStartingTogetherMigrateTheSchemaOnceAndBothServe() throws Exception {
    TestDatabase db = TestDatabase.forClass(ReplicasMigrateOnceTest.class);
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<ApplicationContext>> replicas = new ArrayList<>();
    try {
      int first = Ports.free();
      int second = Ports.free();
      while (second == first) {
        second = Ports.free();
      }
      for (int port : new int[] {first, second}) {
        replicas.add(pool.submit(() -> {
          Map<String, Object> p = new HashMap<>(db.serviceProperties());
          p.put("grpc.server.port", port); // two replicas starting at once must not draw the same port
          together.await();
          return ApplicationContext.run(p);
        }));
      }
      List<ApplicationContext> started = new ArrayList<>();
      try {
        for (var r : replicas) {
          started.add(r.get());
        }
        assertTrue(started.stream().allMatch(ApplicationContext::isRunning));
      } finally {
        started.forEach(ApplicationContext::close);
      }
    } finally {
      pool.shutdownNow();
    }
    try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery("""
        SELECT version, count(*), bool_and(success) FROM flyway_schema_history WHERE version IS NOT NULL
        GROUP BY version ORDER BY string_to_array(version, '.')::int[]""")) {
      List<String> versions = new ArrayList<>();
      while (rs.next()) {
        assertEquals(1, rs.getInt(2), "version " + rs.getString(1) + " applied once");
        assertTrue(rs.getBoolean(3), "version " + rs.getString(1) + " succeeded");
        versions.add(rs.getString(1));
      }
      assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
          "17"), versions);
    }
  }
}
