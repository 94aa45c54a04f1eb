package io.contactcenter.testinfra;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Which instance routes now, as the database names it and as the instances' own logs say. */
public final class RoutingLeader {

  private RoutingLeader() {}

  /** The instance id the routing lease names, or null (nobody has taken the lead yet). */
  public static String current(JdbcClient jdbc) {
    return jdbc.sql("SELECT leader_id FROM routing_leader WHERE id = 1")
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /**
   * Of these processes, the one whose log says it took the lead the database names, or null (none
   * yet, or the leader is an instance not in the list).
   */
  public static ContactCenterProcess process(
      JdbcClient jdbc, List<ContactCenterProcess> processes) {
    String id = current(jdbc);
    if (id == null) {
      return null;
    }
    for (ContactCenterProcess p : processes) {
      if (routesAs(p, id)) {
        return p;
      }
    }
    return null;
  }

  /** Whether the process's log says it took the routing lead as this instance id. */
  public static boolean routesAs(ContactCenterProcess process, String instanceId) {
    return process.logText().contains("this instance (" + instanceId + ") routes now");
  }
}
