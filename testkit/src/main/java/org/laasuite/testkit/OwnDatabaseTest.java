package org.laasuite.testkit;

import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/**
 * A {@code @MicronautTest} of a service on a database of its own on the shared PostgreSQL ({@link
 * TestDatabase}, named after the test class), so test classes never see each other's rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OwnDatabaseTest implements TestPropertyProvider {

  protected final TestDatabase db = TestDatabase.forClass(getClass());

  @Override
  public Map<String, String> getProperties() {
    return db.serviceProperties();
  }
}
