package org.laasuite.common.audit;

import com.google.protobuf.util.Timestamps;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.laasuite.common.security.Authorizer;
import org.laasuite.partnership.v1.Permission;
import org.laasuite.type.v1.Change;
import org.laasuite.type.v1.WatchChangesResponse;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WatchChanges: each committed write of the service, told to those watching. Every write appends an audit event in
 * its own transaction (AuditLog), and a trigger on {@code audit_event} notifies PostgreSQL's channel
 * {@value #CHANNEL} with it, which PostgreSQL delivers when (and only if) the transaction commits, to every replica of
 * the service listening. One connection of the pool listens while anyone watches (none otherwise: nothing on the
 * start path); a watcher is told it is watching only once the LISTEN is in place, so no write between the two goes
 * untold. When the connection is lost, or the service stops, every stream ends UNAVAILABLE and its reader forgets
 * what it kept.
 */
@Singleton
public class ChangeFeed {

  static final String CHANNEL = "laa_changes";
  private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration RETRY = Duration.ofSeconds(1);

  private final ConnectionOperations<Connection> connections;
  private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();
  private final Object lock = new Object();
  private Thread listener; // guarded by lock
  private boolean listening; // guarded by lock
  private volatile boolean stopping;

  public ChangeFeed(ConnectionOperations<Connection> connections) {
    this.connections = connections;
  }

  /** The migration's part: the trigger that notifies {@value #CHANNEL} of each audit event appended. */
  public static void createTrigger(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("""
          CREATE OR REPLACE FUNCTION audit_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            PERFORM pg_notify('%s', NEW.id || ' ' || floor(extract(epoch FROM NEW.create_time) * 1000)::bigint
              || ' ' || NEW.action || ' ' || NEW.resource);
            RETURN NULL;
          END $$""".formatted(CHANNEL));
      st.execute("""
          CREATE OR REPLACE TRIGGER audit_event_notify AFTER INSERT ON audit_event
          FOR EACH ROW EXECUTE FUNCTION audit_event_notify()""");
    }
  }

  /**
   * WatchChanges for the caller: the resources written named if it holds {@code manage}, the right to read the
   * service's audit trail (a caller whose rights cannot be asked now is told only that something changed).
   */
  public void watch(StreamObserver<WatchChangesResponse> out, Authorizer authorizer, Permission manage) {
    boolean named;
    try {
      named = authorizer.holdsAny(List.of(manage), List.of());
    } catch (RuntimeException rightsUnknown) {
      named = false;
    }
    watch(out, named);
  }

  /**
   * Tells {@code out} of every write committed from now on, until the caller cancels or the feed ends; {@code named}
   * whether the caller may know what was written (the resource and action), or only that something was.
   */
  public void watch(StreamObserver<WatchChangesResponse> out, boolean named) {
    Watcher w = new Watcher(out, named);
    if (out instanceof ServerCallStreamObserver<WatchChangesResponse> call) {
      call.setOnCancelHandler(() -> watchers.remove(w));
    }
    synchronized (lock) {
      if (stopping) {
        w.end("the service is stopping");
        return;
      }
      watchers.add(w);
      if (listening) {
        w.greet();
      } else if (listener == null) {
        listener = Thread.ofPlatform().daemon().name("laa-change-feed").start(this::listen);
      }
    }
  }

  private void listen() {
    while (!stopping) {
      try {
        if (connections.execute(ConnectionDefinition.DEFAULT, status -> listenOn(status.getConnection()))) {
          return; // nobody watches: the connection went back to the pool
        }
      } catch (RuntimeException e) {
        LOG.warn("changes cannot be watched now ({}); the watchers' streams end and may watch again", e.getMessage());
        endAll("the service lost its database connection while watching");
        if (!waitBeforeRetry()) {
          return;
        }
      }
    }
  }

  /** Listens on {@code c} while anyone watches: true once nobody does, false when the service stops. */
  private boolean listenOn(Connection c) {
    try (Statement st = c.createStatement()) {
      st.execute("LISTEN " + CHANNEL);
      PGConnection pg = c.unwrap(PGConnection.class);
      synchronized (lock) {
        listening = true;
        watchers.forEach(Watcher::greet);
      }
      while (!stopping) {
        PGNotification[] told = pg.getNotifications((int) POLL.toMillis());
        if (told != null && told.length > 0) {
          tell(told);
        }
        synchronized (lock) {
          if (watchers.isEmpty()) {
            listening = false;
            listener = null;
            st.execute("UNLISTEN " + CHANNEL);
            return true;
          }
        }
      }
      return false;
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private void tell(PGNotification[] told) {
    List<Change> all = new ArrayList<>(told.length);
    List<Change> anonymous = new ArrayList<>(told.length);
    for (PGNotification n : told) {
      Change change = change(n.getParameter());
      all.add(change);
      anonymous.add(change.toBuilder().clearResource().clearAction().build());
    }
    var named = WatchChangesResponse.newBuilder().addAllChanges(all).build();
    var unnamed = WatchChangesResponse.newBuilder().addAllChanges(anonymous).build();
    watchers.forEach(w -> w.send(w.named ? named : unnamed));
  }

  /** A notification's payload as the trigger writes it, "id epoch-millis action resource", as a Change. */
  static Change change(String payload) {
    String[] parts = payload.split(" ", 4);
    return Change.newBuilder().setAuditEvent("auditEvents/" + parts[0])
        .setCreateTime(Timestamps.fromMillis(Long.parseLong(parts[1]))).setAction(parts[2])
        .setResource(parts.length > 3 ? parts[3] : "").build();
  }

  private void endAll(String why) {
    synchronized (lock) {
      listening = false;
      List<Watcher> ended = new ArrayList<>(watchers);
      watchers.clear();
      ended.forEach(w -> w.end(why));
      if (stopping) {
        listener = null;
      }
    }
  }

  /** Whether to listen again: only for those who watched since (the next watcher starts a listener otherwise). */
  private boolean waitBeforeRetry() {
    synchronized (lock) {
      if (watchers.isEmpty() || stopping) {
        listener = null;
        return false;
      }
      try {
        lock.wait(RETRY.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        listener = null;
        return false;
      }
      return !stopping;
    }
  }

  /** Before the servers stop taking calls (their graceful shutdown would otherwise wait for the open streams). */
  @EventListener
  void onShutdown(ServerShutdownEvent event) {
    stop();
  }

  @PreDestroy
  void stop() {
    stopping = true;
    endAll("the service is stopping");
  }

  /** One stream; what it is sent is sent one message at a time. */
  private static final class Watcher {
    private final StreamObserver<WatchChangesResponse> out;
    private final boolean named;
    private boolean greeted;
    private boolean ended;

    Watcher(StreamObserver<WatchChangesResponse> out, boolean named) {
      this.out = out;
      this.named = named;
    }

    synchronized void greet() {
      if (!greeted && !ended) {
        greeted = true;
        send(WatchChangesResponse.getDefaultInstance());
      }
    }

    synchronized void send(WatchChangesResponse response) {
      if (!greeted || ended) {
        return;
      }
      try {
        out.onNext(response);
      } catch (RuntimeException cancelled) {
        ended = true; // the caller went away meanwhile
      }
    }

    synchronized void end(String why) {
      if (!ended) {
        ended = true;
        try {
          out.onError(Status.UNAVAILABLE.withDescription(why + "; watch again").asRuntimeException());
        } catch (RuntimeException alreadyGone) {
          // cancelled meanwhile
        }
      }
    }
  }
}
