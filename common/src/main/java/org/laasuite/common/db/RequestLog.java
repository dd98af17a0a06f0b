package org.laasuite.common.db;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.ServedCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request ids (AIP-155): every create and import takes an optional {@code request_id}, and a retry
 * with the same id and the same request answers what the first answered and writes nothing. Each
 * answered request is a row of {@code request_log}, written in the transaction that does the work:
 * the key is inserted first ({@code ON CONFLICT DO NOTHING}), so a concurrent duplicate waits for the
 * first to commit and then finds its answer (or, if the first failed, does the work itself). Failed
 * requests leave no row: a retry tries again. The same id with another request (another method, or
 * other bytes with request_id cleared) is INVALID_ARGUMENT on the request_id field.
 *
 * <p>Endpoints call {@link #once(Message, Supplier, Parser)}; each service's Flyway migration calls
 * {@link #createTable}. Rows are kept for {@code laa.request-log.retention} (7 days unless set; AIP-155
 * asks for at least an hour): every hour, rows older than that are deleted, so a retry after that is a
 * new request.
 */
@Singleton
@Requires(beans = TransactionOperations.class)
public class RequestLog {

  public static final String FIELD = "request_id";
  private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,100}");

  private final TransactionOperations<Connection> transactions;
  private final Duration retention;

  public RequestLog(TransactionOperations<Connection> transactions,
      @Value("${laa.request-log.retention:7d}") Duration retention) {
    this.transactions = transactions;
    this.retention = retention;
  }

  /** The table, created by each service's migration. */
  public static void createTable(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("""
          CREATE TABLE IF NOT EXISTS request_log (
            request_id TEXT PRIMARY KEY,
            method TEXT NOT NULL,
            request_hash BYTEA NOT NULL,
            response BYTEA NOT NULL,
            create_time TIMESTAMPTZ NOT NULL DEFAULT now())""");
    }
  }

  /** Deletes the rows older than the retention: hourly, the first a minute after start-up. */
  @Scheduled(fixedDelay = "1h", initialDelay = "1m")
  public void forgetOld() {
    long deleted = transactions.executeWrite(status -> deleteOlderThan(status.getConnection(), retention));
    if (deleted > 0) {
      LOG.info("request_log: forgot {} request ids older than {}", deleted, retention);
    }
  }

  /** Deletes the rows created more than {@code retention} ago (by the database's clock): one statement. */
  static long deleteOlderThan(Connection c, Duration retention) {
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM request_log WHERE create_time < now() - make_interval(secs => ?)")) {
      ps.setDouble(1, retention.toMillis() / 1000.0);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("request_log: " + e.getMessage(), e);
    }
  }

  /**
   * What {@code work} answers to {@code request}, once per its {@code request_id}: without one, the
   * work runs as always; with one seen before, the first answer, parsed by {@code parser}.
   */
  public <T extends Message> T once(Message request, Supplier<T> work, Parser<T> parser) {
    FieldDescriptor field = request.getDescriptorForType().findFieldByName(FIELD);
    String requestId = (String) request.getField(field);
    return once(request.getDescriptorForType().getFullName(), requestId, FIELD,
        List.of(request.toBuilder().clearField(field).build()), work, parser);
  }

  /**
   * The same for a request made of several messages (a client stream): {@code method} names it,
   * {@code requestId} (sent in {@code field}) identifies it, {@code messages} are all it sent with the
   * request id cleared.
   */
  public <T extends Message> T once(String method, String requestId, String field,
      List<? extends Message> messages, Supplier<T> work, Parser<T> parser) {
    return once(method, requestId, field, () -> {
      RequestHash hash = new RequestHash();
      messages.forEach(hash::add);
      return hash;
    }, work, parser);
  }

  /**
   * The same for a stream too long to keep: {@code hash} has been fed every message it sent, with the request id
   * cleared, as they came ({@link RequestHash#add}); it is asked for only when the request carries an id.
   */
  public <T extends Message> T once(String method, String requestId, String field, Supplier<RequestHash> hash,
      Supplier<T> work, Parser<T> parser) {
    if (requestId.isEmpty()) {
      return work.get();
    }
    checkId(requestId, field);
    ServedCall call = ServedCall.current();
    if (call != null) {
      call.requestId(requestId); // the audit events of the work name it
    }
    byte[] digest = hash.get().finish();
    return transactions.executeWrite(status -> {
      Connection c = status.getConnection();
      try {
        if (claim(c, requestId, method, digest)) {
          T answer = work.get();
          try (PreparedStatement ps = c.prepareStatement("UPDATE request_log SET response = ? WHERE request_id = ?")) {
            ps.setBytes(1, answer.toByteArray());
            ps.setString(2, requestId);
            ps.executeUpdate();
          }
          return answer;
        }
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT method, request_hash, response FROM request_log WHERE request_id = ?")) {
          ps.setString(1, requestId);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (!rs.getString(1).equals(method) || !Arrays.equals(rs.getBytes(2), digest)) {
              throw ApiException.invalid(field, "was already used for another request");
            }
            return parser.parseFrom(rs.getBytes(3));
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException("request_log: " + e.getMessage(), e);
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException("request_log holds an unreadable answer for " + method, e);
      }
    });
  }

  /** Inserts the id's row (waiting for a concurrent one to commit or roll back); false if it was there. */
  private static boolean claim(Connection c, String requestId, String method, byte[] hash) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("""
        INSERT INTO request_log (request_id, method, request_hash, response) VALUES (?, ?, ?, '')
        ON CONFLICT (request_id) DO NOTHING""")) {
      ps.setString(1, requestId);
      ps.setString(2, method);
      ps.setBytes(3, hash);
      return ps.executeUpdate() == 1;
    }
  }

  /** Refuses, as INVALID_ARGUMENT on {@code field}, a request id that is not one (a stream checks it on arrival). */
  public static void checkId(String requestId, String field) {
    if (!ID.matcher(requestId).matches()) {
      throw ApiException.invalid(field, "must be at most 100 letters, digits and dashes (a UUID)");
    }
  }

  /**
   * The hash a request is known by, fed one message at a time as a stream brings them, so that nothing keeps the
   * messages: SHA-256 of their deterministic serializations, each length-prefixed.
   */
  public static final class RequestHash {

    private final MessageDigest digest;
    private final CodedOutputStream out;

    public RequestHash() {
      try {
        digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      out = CodedOutputStream.newInstance(new OutputStream() {
        @Override
        public void write(int b) {
          digest.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          digest.update(b, off, len);
        }
      });
      out.useDeterministicSerialization();
    }

    /** Feeds the next message of the request. */
    public void add(Message m) {
      try {
        out.writeMessageNoTag(m);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    byte[] finish() {
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return digest.digest();
    }
  }
}
