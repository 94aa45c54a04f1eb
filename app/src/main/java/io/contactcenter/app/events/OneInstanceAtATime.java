package io.contactcenter.app.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs work on one instance of the cluster at a time: the work runs only while this instance holds
 * a PostgreSQL session advisory lock, taken without waiting (an instance that finds it taken skips
 * its turn). The lock's connection is not the work's: the work runs outside any transaction.
 */
final class OneInstanceAtATime {

  private final JdbcTemplate jdbc;
  private final long key;

  OneInstanceAtATime(DataSource dataSource, long key) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.key = key;
  }

  /** Runs {@code work} if no other instance runs it now; returns whether it ran. */
  boolean runIfFree(Runnable work) {
    Boolean ran =
        jdbc.execute(
            (ConnectionCallback<Boolean>)
                connection -> {
                  if (!call(connection, "SELECT pg_try_advisory_lock(?)")) {
                    return false;
                  }
                  try {
                    work.run();
                    return true;
                  } finally {
                    call(connection, "SELECT pg_advisory_unlock(?)");
                  }
                });
    return Boolean.TRUE.equals(ran);
  }

  private boolean call(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, key);
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }
}
