package io.contactcenter.tickets.internal;

import io.contactcenter.tickets.spi.TicketAssigner;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The default assignment: each new ticket of a group goes to the next of the group's configured
 * members, in turn. The turn is a row in PostgreSQL, so instances share it and no two instances
 * hand out the same turn. Presence, skills and capacity are the routing engine's to add (ADR 0009).
 */
class RoundRobinAssigner implements TicketAssigner {

  private final JdbcClient jdbc;
  private final TicketProperties config;

  RoundRobinAssigner(JdbcClient jdbc, TicketProperties config) {
    this.jdbc = jdbc;
    this.config = config;
  }

  @Override
  public Optional<String> choose(Assignment request) {
    TicketProperties.Group group = config.groups().get(request.group());
    if (group == null || group.members().isEmpty()) {
      return Optional.empty();
    }
    List<String> members = group.members();
    long turn =
        jdbc.sql(
                "INSERT INTO ticket_group_cursor (group_name, next_index) VALUES (:grp, 1)"
                    + " ON CONFLICT (group_name) DO UPDATE"
                    + " SET next_index = ticket_group_cursor.next_index + 1"
                    + " RETURNING next_index - 1")
            .param("grp", request.group())
            .query(Long.class)
            .single();
    return Optional.of(members.get((int) (turn % members.size())));
  }
}
