package org.laasuite.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A fresh, empty database for one test class on a real PostgreSQL server, so that test classes
 * never see each other's rows. The server is, in this order: the one named by
 * {@code LAA_TEST_JDBC_URL} (environment) or {@code laa.test.jdbc.url} (system property, set by the
 * build to the local server 127.0.0.1:5432); else a Testcontainers PostgreSQL when a Docker engine
 * is present. The database is dropped when the JVM exits.
 */
public final class TestDatabase {

  private static volatile Server server;

  private final String url;
  private final String user;
  private final String password;
  private final String databaseName;

  private TestDatabase(String url, String user, String password, String databaseName) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.databaseName = databaseName;
  }

  /** Creates the database of {@code testClass} (dropping a leftover of an earlier run). */
  public static TestDatabase forClass(Class<?> testClass) {
    return named(testClass.getSimpleName());
  }

  /** A database of its own for {@code label} (letters, digits, underscores), e.g. one per service a test starts. */
  public static TestDatabase named(String label) {
    Server s = server();
    String db = ("laa_t_" + label + "_" + ProcessHandle.current().pid()).toLowerCase(Locale.ROOT);
    try (Connection c = DriverManager.getConnection(s.adminUrl(), s.user(), s.password());
        Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
      st.execute("CREATE DATABASE " + db);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + db + " on " + s.adminUrl() + ": "
          + e.getMessage(), e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(s, db)));
    return new TestDatabase(s.urlFor(db), s.user(), s.password(), db);
  }

  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  public String databaseName() {
    return databaseName;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /** How many rows {@code table} holds: what a test checks to prove nothing was (or was) written. */
  public long rows(String table) throws SQLException {
    return Long.parseLong(queryOne("SELECT count(*) FROM " + table));
  }

  /** How many rows each of {@code tables} holds, in their order. */
  public java.util.List<Long> rows(java.util.List<String> tables) throws SQLException {
    java.util.List<Long> counts = new java.util.ArrayList<>();
    for (String table : tables) {
      counts.add(rows(table));
    }
    return counts;
  }

  /** The first column of the first row {@code sql} answers (null when it answers no row). */
  public String queryOne(String sql) throws SQLException {
    try (Connection c = connect(); Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** Runs statements that answer nothing (a test's fixture rows, a planted fault). */
  public void execute(String... statements) throws SQLException {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    }
  }

  /** The Micronaut properties that point the default datasource at this database. */
  public Map<String, String> micronautProperties() {
    return Map.of(
        "datasources.default.url", url,
        "datasources.default.username", user,
        "datasources.default.password", password,
        "datasources.default.maximum-pool-size", "4",
        "datasources.default.minimum-idle", "1");
  }

  /**
   * The properties of a service under test: this database, the gRPC server on a free port (see
   * {@link Ports}) and the HTTP management server on a random one. A test adds its own to the (mutable) map.
   */
  public Map<String, String> serviceProperties() {
    Map<String, String> p = new java.util.HashMap<>(micronautProperties());
    // Not ${random.port}: that is drawn from the ephemeral range, and the service opens its database
    // connections (each taking a port from that range) before it binds its gRPC server.
    p.put("grpc.server.port", String.valueOf(Ports.free()));
    p.put("micronaut.server.port", "-1");
    p.putAll(TestIssuer.properties()); // the tests' calls carry its tokens
    return p;
  }

  private static void drop(Server s, String db) {
    try (Connection c = DriverManager.getConnection(s.adminUrl(), s.user(), s.password());
        Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
    } catch (SQLException e) {
      // the server may already be gone at JVM exit; the next run drops the leftover by name
    }
  }

  private static Server server() {
    Server s = server;
    if (s == null) {
      synchronized (TestDatabase.class) {
        if (server == null) {
          server = locate();
        }
        s = server;
      }
    }
    return s;
  }

  private static Server locate() {
    String url = System.getenv("LAA_TEST_JDBC_URL");
    if (url == null || url.isBlank()) {
      url = System.getProperty("laa.test.jdbc.url");
    }
    String user = envOr("LAA_TEST_JDBC_USER", "postgres");
    String password = envOr("LAA_TEST_JDBC_PASSWORD", "");
    if (url != null && !url.isBlank()) {
      try (Connection c = DriverManager.getConnection(url, user, password)) {
        return new Server(url, user, password);
      } catch (SQLException e) {
        if (!dockerAvailable()) {
          throw new IllegalStateException("PostgreSQL is not reachable at " + url + " as " + user + " ("
              + e.getMessage() + ") and no Docker engine is present for Testcontainers. Start PostgreSQL "
              + "or set LAA_TEST_JDBC_URL / LAA_TEST_JDBC_USER / LAA_TEST_JDBC_PASSWORD.", e);
        }
      }
    }
    if (!dockerAvailable()) {
      throw new IllegalStateException("No PostgreSQL for tests: set LAA_TEST_JDBC_URL or run a Docker engine.");
    }
    PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16-alpine");
    container.start();
    return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String envOr(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  private record Server(String adminUrl, String user, String password) {
    /** The same server, another database: replaces the path of the JDBC URL. */
    String urlFor(String db) {
      int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
      int query = adminUrl.indexOf('?');
      String base = slash < 0 ? adminUrl : adminUrl.substring(0, slash);
      return base + "/" + db + (query < 0 ? "" : adminUrl.substring(query));
    }
  }
}
