package org.laasuite.funding.commitment;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  /** The resources of each commitment: one statement for all of them. */
  @Transactional(readOnly = true)
  public Map<Long, List<String>> of(Collection<Long> commitmentIds) {
    Map<Long, List<String>> out = new LinkedHashMap<>();
    if (commitmentIds.isEmpty()) {
      return out;
    }
    return jdbc.prepareStatement("SELECT commitment_id, resource FROM commitment_support "
        + "WHERE commitment_id = ANY (?) ORDER BY resource", (PreparedStatement st) -> {
          st.setArray(1, st.getConnection().createArrayOf("bigint", commitmentIds.toArray()));
          try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
          }
          return out;
        });
  }
}
