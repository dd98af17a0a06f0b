package org.laasuite.testkit;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts the SQL statements a service runs, so that a test can prove a read takes a constant
 * number of them. Active in a test context with {@code laa.test.count-sql=true}: it wraps every
 * DataSource the context creates.
 */
@Singleton
@Requires(property = "laa.test.count-sql", value = "true")
public class SqlStatementCounter implements BeanCreatedEventListener<DataSource>, Ordered {

  /**
   * The readiness probe's own query (common's DatabaseReadiness), which runs on its schedule whatever a test does: a
   * call's count leaves it out, so no test depends on when the probe fires.
   */
  static final String READINESS_PROBE = "SELECT 1";

  private final AtomicLong count = new AtomicLong();

  /**
   * First of the DataSource listeners, so that the count wraps the pool itself and Micronaut Data's
   * own wrapper (which hands out transaction-bound connections) wraps the count, never the reverse.
   */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
    return ProxyDataSourceBuilder.create(event.getBean())
        .name("counted")
        .afterQuery((info, queries) -> count.addAndGet(queries.stream()
            .filter(q -> !READINESS_PROBE.equals(q.getQuery().trim())).count()))
        .build();
  }

  /** Statements run since the last reset. */
  public long count() {
    return count.get();
  }

  public void reset() {
    count.set(0);
  }
}
