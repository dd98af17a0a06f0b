package org.laasuite.funding.commitment;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.util.Collection;

/** The indicators and bodies a commitment supports: resource names of other services. */
@Singleton
public class CommitmentSupports {

  private final JdbcOperations jdbc;

  public CommitmentSupports(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  public void save(long commitmentId, Collection<String> resources) {
    jdbc.prepareStatement("INSERT INTO commitment_support (commitment_id, resource) VALUES (?, ?) "
        + "ON CONFLICT DO NOTHING", (PreparedStatement st) -> {
          for (String r : resources) {
            st.setLong(1, commitmentId);
            st.setString(2, r);
            st.addBatch();
          }
          st.executeBatch();
          return null;
        });
  }
}
