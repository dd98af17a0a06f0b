package org.laasuite.testkit;

import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A {@code @MicronautTest} whose service runs on a PostgreSQL of the test's own ({@link
 * StoppablePostgres}), which the test may stop and start again; it is stopped after the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OwnPostgresTest implements TestPropertyProvider {

  protected final StoppablePostgres postgres = new StoppablePostgres();

  @Override
  public Map<String, String> getProperties() {
    return postgres.serviceProperties();
  }

  @AfterAll
  void stopPostgres() {
    postgres.close();
  }
}
