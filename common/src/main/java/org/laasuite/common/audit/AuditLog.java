package org.laasuite.common.audit;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import io.grpc.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.laasuite.auth.Caller;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.ServedCall;
import org.laasuite.common.grpc.Violations;
import org.laasuite.common.security.Callers;
import org.laasuite.partnership.v1.CallerRights;
import org.laasuite.type.v1.AuditEvent;
import org.laasuite.type.v1.ListAuditEventsRequest;
import org.laasuite.type.v1.ListAuditEventsResponse;

/**
 * A service's audit trail: every write appends one event ({@link #record}) in the write's own transaction, so the
 * write and its event commit together or not at all. The event says who (the caller's issuer and subject, and the
 * person and organisation their rights check found), what (the method, the resource, the action, the resource
 * before and after as JSON, and the top-level fields that changed), when, the request's request_id and call id,
 * and the client's address: the call's part comes from its {@link ServedCall}. The table is append-only: a trigger
 * refuses UPDATE, DELETE and TRUNCATE whoever asks, the service's own database role included. Each service's
 * Flyway migration calls {@link #createTable}; its ListAuditEvents method answers {@link #list}.
 */
@Singleton
@Requires(beans = TransactionOperations.class)
public class AuditLog {

  public static final String CREATE = "create";
  public static final String UPDATE = "update";
  public static final String DELETE = "delete";
  public static final String UNDELETE = "undelete";
  public static final String IMPORT = "import";
  /** A state change: the state the resource moves to ("submit", "approve", "return", "publish"). */
  public static final String SUBMIT = "submit";
  public static final String APPROVE = "approve";
  public static final String RETURN = "return";
  public static final String PUBLISH = "publish";

  private static final Context.Key<Boolean> IMPORTING = Context.key("laa-audit-importing");
  private static final JsonFormat.Printer JSON = JsonFormat.printer().preservingProtoFieldNames()
      .includingDefaultValueFields().omittingInsignificantWhitespace();
  /** An event is written in its write's transaction, never in one of its own. */
  private static final TransactionDefinition IN_THE_WRITE =
      TransactionDefinition.of(TransactionDefinition.Propagation.MANDATORY);
  private static final String COLUMNS = "id, create_time, method, resource, action, person, organisation, issuer, "
      + "subject, request_id, call_id, client_address, before::text, after::text, changed_fields";

  private final TransactionOperations<Connection> transactions;

  public AuditLog(TransactionOperations<Connection> transactions) {
    this.transactions = transactions;
  }

  /** The table with its indexes and the trigger that keeps it append-only; created by each service's migration. */
  public static void createTable(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("""
          CREATE TABLE IF NOT EXISTS audit_event (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            create_time TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
            method TEXT NOT NULL,
            resource TEXT NOT NULL,
            action TEXT NOT NULL,
            person TEXT NOT NULL,
            organisation TEXT NOT NULL,
            issuer TEXT NOT NULL,
            subject TEXT NOT NULL,
            request_id TEXT NOT NULL,
            call_id TEXT NOT NULL,
            client_address TEXT NOT NULL,
            before JSONB,
            after JSONB,
            changed_fields TEXT[] NOT NULL)""");
      st.execute("CREATE INDEX IF NOT EXISTS audit_event_resource ON audit_event (resource text_pattern_ops, id)");
      st.execute("CREATE INDEX IF NOT EXISTS audit_event_person ON audit_event (person, id) WHERE person <> ''");
      st.execute("CREATE INDEX IF NOT EXISTS audit_event_create_time ON audit_event (create_time, id)");
      st.execute("""
          CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
          END $$""");
      // Per statement, so that even one that would touch no row is refused.
      st.execute("""
          CREATE OR REPLACE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_event
          FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()""");
    }
  }

  /**
   * Appends the event of a write to {@code resource} ("indicators/CYP-28"; for an import, the collection it
   * loads): {@code action} ({@link #CREATE}, {@link #UPDATE}...), the resource as it was ({@code before}; null for
   * a create) and as it became ({@code after}; null when deleted), both as the API shows it. Called where the
   * write happens, inside its transaction (there must be one); nothing when called inside {@link #importing}.
   */
  public void record(String action, String resource, @Nullable Message before, @Nullable Message after) {
    if (action == null || action.isBlank() || resource == null || resource.isBlank()) {
      throw new IllegalArgumentException("an audit event needs an action and a resource");
    }
    if (Boolean.TRUE.equals(IMPORTING.get())) {
      return;
    }
    Entry entry = Entry.of(action, resource, before, after);
    transactions.execute(IN_THE_WRITE, status -> {
      entry.insert(status.getConnection());
      return null;
    });
  }

  /**
   * Appends the event of a create: {@code made} (the resource as the API shows it, named by its {@code name} field) is
   * asked for only when the event is recorded, not for each write of an import ({@link #importing}).
   */
  public void created(Supplier<? extends Message> made) {
    if (Boolean.TRUE.equals(IMPORTING.get())) {
      return;
    }
    Message shown = made.get();
    record(CREATE, (String) shown.getField(shown.getDescriptorForType().findFieldByName("name")), null, shown);
  }

  /** One event as it is written: the call's part ({@link #of}) and the write's. */
  record Entry(String method, String resource, String action, String person, String organisation, String issuer,
      String subject, String requestId, String callId, String clientAddress, @Nullable Message before,
      @Nullable Message after) {

    /** The event of a write in the gRPC call being served (its caller, its ServedCall); "" for what is unknown. */
    static Entry of(String action, String resource, @Nullable Message before, @Nullable Message after) {
      Caller caller = Callers.current();
      ServedCall call = ServedCall.current();
      CallerRights rights = call == null ? null : call.rights();
      String organisation = rights != null && !rights.getOrganisation().isEmpty() ? rights.getOrganisation()
          : caller == null ? "" : caller.organisation();
      return new Entry(call == null ? "" : call.method(), resource, action, rights == null ? "" : rights.getPerson(),
          organisation, caller == null ? "" : caller.issuer(), caller == null ? "" : caller.subject(),
          call == null ? "" : call.requestId(), call == null ? "" : call.callId(),
          call == null ? "" : call.clientAddress(), before, after);
    }

    void insert(Connection c) {
      List<String> changed = changedFields(before, after);
      try (PreparedStatement ps = c.prepareStatement("""
          INSERT INTO audit_event (method, resource, action, person, organisation, issuer, subject, request_id,
            call_id, client_address, before, after, changed_fields)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)""")) {
        ps.setString(1, method);
        ps.setString(2, resource);
        ps.setString(3, action);
        ps.setString(4, person);
        ps.setString(5, organisation);
        ps.setString(6, issuer);
        ps.setString(7, subject);
        ps.setString(8, requestId);
        ps.setString(9, callId);
        ps.setString(10, clientAddress);
        ps.setString(11, json(before));
        ps.setString(12, json(after));
        ps.setArray(13, c.createArrayOf("text", changed.toArray()));
        ps.executeUpdate();
      } catch (SQLException e) {
        throw new IllegalStateException("audit_event: " + e.getMessage(), e);
      }
    }
  }

  /**
   * Runs {@code work}, the writes of one import, without an event for each: the creates an import makes through
   * the services (each of which records its own when the API calls it) are the import's, which then records one
   * event of itself ({@link #record} with {@link #IMPORT}) in the same transaction.
   */
  public <T> T importing(Supplier<T> work) {
    Context importing = Context.current().withValue(IMPORTING, true);
    Context previous = importing.attach();
    try {
      return work.get();
    } finally {
      importing.detach(previous);
    }
  }

  /**
   * The top-level fields whose values differ between {@code before} and {@code after} (either may be null: a
   * create's before, a delete's after, which then differ in every field the other sets), in declaration order.
   */
  static List<String> changedFields(@Nullable Message before, @Nullable Message after) {
    Message any = after != null ? after : before;
    if (any == null) {
      return List.of();
    }
    if (before != null && after != null && before.getDescriptorForType() != after.getDescriptorForType()) {
      throw new IllegalArgumentException("before is a " + before.getDescriptorForType().getFullName()
          + ", after a " + after.getDescriptorForType().getFullName());
    }
    Message was = before != null ? before : any.getDefaultInstanceForType();
    Message is = after != null ? after : any.getDefaultInstanceForType();
    List<String> changed = new ArrayList<>();
    for (FieldDescriptor f : any.getDescriptorForType().getFields()) {
      boolean presenceDiffers = f.hasPresence() && was.hasField(f) != is.hasField(f);
      if (presenceDiffers || !was.getField(f).equals(is.getField(f))) {
        changed.add(f.getName());
      }
    }
    return changed;
  }

  private static String json(@Nullable Message m) {
    if (m == null) {
      return null;
    }
    try {
      return JSON.print(m);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot write " + m.getDescriptorForType().getFullName() + " as JSON", e);
    }
  }

  /**
   * A page of the trail, newest first, filtered as {@code r} asks (see ListAuditEventsRequest); INVALID_ARGUMENT
   * naming each bad filter: a person that is not "people/{id}", a time out of range, an end before the start, a
   * page token of another listing.
   */
  public ListAuditEventsResponse list(ListAuditEventsRequest r) {
    Filter filter = Filter.of(r);
    return transactions.executeRead(status -> filter.read(status.getConnection()));
  }

  /** A listing's filters and page, checked. */
  record Filter(String resource, String person, @Nullable Instant start, @Nullable Instant end, Pages.Keyed page) {

    static Filter of(ListAuditEventsRequest r) {
      Violations v = new Violations();
      v.maxLength(r.getResource(), Violations.MAX_TITLE, "resource");
      if (!r.getPerson().isEmpty()) {
        v.check(ResourceNames.PEOPLE.isName(r.getPerson()), "person", "must look like 'people/{id}'");
      }
      Instant start = Protos.instant(r.hasStartTime() ? r.getStartTime() : null, "start_time", v).orElse(null);
      Instant end = Protos.instant(r.hasEndTime() ? r.getEndTime() : null, "end_time", v).orElse(null);
      if (start != null && end != null) {
        v.check(!end.isBefore(start), "end_time", "is before start_time (" + start + ")");
      }
      Pages.Keyed page = Pages.keyed(r.getPageSize(), r.getPageToken(), "auditEvents;" + r.getResource() + ";"
          + r.getPerson() + ";" + start + ";" + end, v);
      v.throwIfAny();
      return new Filter(r.getResource(), r.getPerson(), start, end, page);
    }

    ListAuditEventsResponse read(Connection c) {
      StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_event WHERE true");
      List<Object> params = new ArrayList<>();
      if (page.after() > 0) {
        sql.append(" AND id < ?");
        params.add(page.after());
      }
      if (resource.endsWith("/")) {
        sql.append(" AND (resource = ? OR resource LIKE ? ESCAPE '!')");
        params.add(resource.substring(0, resource.length() - 1));
        params.add(resource.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
      } else if (!resource.isEmpty()) {
        sql.append(" AND resource = ?");
        params.add(resource);
      }
      if (!person.isEmpty()) {
        sql.append(" AND person = ?");
        params.add(person);
      }
      if (start != null) {
        sql.append(" AND create_time >= ?");
        params.add(start.atOffset(ZoneOffset.UTC));
      }
      if (end != null) {
        sql.append(" AND create_time < ?");
        params.add(end.atOffset(ZoneOffset.UTC));
      }
      sql.append(" ORDER BY id DESC LIMIT ?");
      params.add(page.size());
      List<Row> rows = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < params.size(); i++) {
          ps.setObject(i + 1, params.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(new Row(rs.getLong(1), event(rs)));
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException("audit_event: " + e.getMessage(), e);
      }
      var slice = page.slice(rows, Row::id);
      return ListAuditEventsResponse.newBuilder().addAllEvents(slice.map(Row::event))
          .setNextPageToken(slice.nextPageToken()).build();
    }
  }

  private record Row(long id, AuditEvent event) {
  }

  private static AuditEvent event(ResultSet rs) throws SQLException {
    var e = AuditEvent.newBuilder().setName("auditEvents/" + rs.getLong(1))
        .setCreateTime(Protos.timestamp(rs.getObject(2, OffsetDateTime.class).toInstant())).setMethod(rs.getString(3))
        .setResource(rs.getString(4)).setAction(rs.getString(5)).setPerson(rs.getString(6))
        .setOrganisation(rs.getString(7)).setIssuer(rs.getString(8)).setSubject(rs.getString(9))
        .setRequestId(rs.getString(10)).setCallId(rs.getString(11)).setClientAddress(rs.getString(12));
    if (rs.getString(13) != null) {
      e.setBefore(struct(rs.getString(13)));
    }
    if (rs.getString(14) != null) {
      e.setAfter(struct(rs.getString(14)));
    }
    Array changed = rs.getArray(15);
    for (Object field : (Object[]) changed.getArray()) {
      e.addChangedFields((String) field);
    }
    return e.build();
  }

  private static Struct struct(String json) {
    try {
      Struct.Builder b = Struct.newBuilder();
      JsonFormat.parser().merge(json, b);
      return b.build();
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("audit_event holds JSON that is not an object: " + e.getMessage(), e);
    }
  }
}
