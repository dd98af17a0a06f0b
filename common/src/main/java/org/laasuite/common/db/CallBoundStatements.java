package org.laasuite.common.db;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Deadline;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.postgresql.jdbc.PgStatement;

/**
 * Work stops when the caller gives up: every SQL statement a gRPC call runs is bound to the call, so that when its
 * deadline passes or its client cancels it, the statement running is cancelled in PostgreSQL (the server stops its
 * work, the transaction rolls back, nothing is half-written), and no further statement starts. The error the call
 * then ends with is the call's own (DEADLINE_EXCEEDED or CANCELLED: see GrpcErrorInterceptor). Work outside a call
 * (start-up, scheduled tasks) is not bound. It wraps every DataSource the service creates, inside Micronaut Data's
 * transaction-aware wrapper like the tests' statement counter.
 */
@Singleton
public class CallBoundStatements implements BeanCreatedEventListener<DataSource>, Ordered {

  private static final String LISTENER = "laa-call-cancellation";
  private static final Executor DIRECT = Runnable::run;

  /** After the tests' statement counter, which wraps the pool itself. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }

  @Override
  public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
    return wrap(event.getBean());
  }

  /** {@code pool} with each statement bound to the call running it. */
  public static DataSource wrap(DataSource pool) {
    return ProxyDataSourceBuilder.create(pool).name("call-bound").listener(new Binding()).build();
  }

  /** Binds each statement to the call running it, and unbinds it when it ends. */
  static final class Binding implements QueryExecutionListener {

    @Override
    public void beforeQuery(ExecutionInfo info, List<QueryInfo> queries) {
      Context call = Context.current();
      if (call == Context.ROOT) {
        return;
      }
      if (call.isCancelled()) {
        // the caller has gone: this statement would be work nobody waits for
        throw Contexts.statusFromCancelled(call).asRuntimeException();
      }
      Deadline deadline = call.getDeadline();
      if (deadline != null) {
        // PostgreSQL's own clock for the deadline, armed as the statement starts: a cancellation that came
        // before the statement reached the server would find nothing to cancel.
        timeout(info.getStatement(), Math.max(1, deadline.timeRemaining(TimeUnit.MILLISECONDS)));
      }
      Context.CancellationListener cancel = gone -> {
        try {
          info.getStatement().cancel();
        } catch (SQLException alreadyDone) {
          // the statement ended meanwhile: nothing to stop
        }
      };
      call.addListener(cancel, DIRECT);
      info.addCustomValue(LISTENER, new Bound(call, cancel));
    }

    @Override
    public void afterQuery(ExecutionInfo info, List<QueryInfo> queries) {
      Bound bound = info.getCustomValue(LISTENER, Bound.class);
      if (bound != null) {
        bound.call().removeListener(bound.cancel());
      }
    }
  }

  private static void timeout(Statement statement, long millis) {
    try {
      if (statement.isWrapperFor(PgStatement.class)) {
        statement.unwrap(PgStatement.class).setQueryTimeoutMs(millis);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot bound the statement by its call's deadline", e);
    }
  }

  private record Bound(Context call, Context.CancellationListener cancel) {
  }
}
