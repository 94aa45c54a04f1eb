package io.contactcenter.routing.internal;

import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactReports;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reports' figures straight from {@code routing_contact} and the transfers' parts in {@code
 * routing_contact_transfer}: one aggregate query per table, so the figures are the database's,
 * whichever instance routed the contacts (ADR 0021, ADR 0041).
 */
final class JdbcContactReports implements ContactReports {

  private final JdbcClient jdbc;

  JdbcContactReports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Every part of every contact: the contact's latest part ({@code routing_contact}) and each part
   * an agent ended by a transfer to another queue ({@code routing_contact_transfer}, ADR 0041), so
   * a transferred call counts once in each queue it waited in and once for each agent who answered
   * it. A transfer's part completed at the transfer; it is placed in time by when it entered its
   * queue ({@code placed_at}; transfers stored before V134 lack that and are placed by the answer).
   *
   * <p>A part's {@code first_answered_at} is its first answer: a call handed back after its agent's
   * page closed (ADR 0052) and answered again keeps the first one (ADR 0054), so its speed of
   * answer and service level are the first answer's, and its caller leaving while it waits again
   * leaves it answered, not abandoned. Rows stored before V153 have only {@code answered_at}.
   */
  private static final String PART_ROWS =
      """
          SELECT c.agent_id, c.channel, c.queue_id, c.state, c.enqueued_at, c.enqueued_at AS placed_at,
              c.answered_at, coalesce(c.first_answered_at, c.answered_at) AS first_answered_at,
              c.ended_at, c.callback_number, false AS transferred_out,
              c.transfer_in_id IS NOT NULL AS transferred_in
          FROM routing_contact c
          UNION ALL
          SELECT t.agent_id, c.channel, t.from_queue, 'COMPLETED', t.enqueued_at,
              coalesce(t.enqueued_at, t.answered_at, t.transferred_at), t.answered_at,
              coalesce(t.first_answered_at, t.answered_at), t.transferred_at, NULL, true, t.transfer_in_id IS NOT NULL
          FROM routing_contact_transfer t JOIN routing_contact c ON c.id = t.contact_id
      """;

  private static final String PARTS = "WITH parts AS (" + PART_ROWS + ")\n";

  /**
   * The parts of {@link #PARTS} and, for the agents only, the part of each agent whose call was
   * handed back when their page was lost ({@code routing_contact_handback}, V155): handled, not
   * completed. The queues do not count it: the call is one contact there, answered at its first
   * answer.
   */
  private static final String AGENT_PARTS =
      "WITH parts AS ("
          + PART_ROWS
          + """
          UNION ALL
          SELECT h.agent_id, c.channel, c.queue_id, 'HANDED_BACK', NULL, h.answered_at,
              h.answered_at, h.answered_at, h.handed_back_at, NULL, false, false
          FROM routing_contact_handback h JOIN routing_contact c ON c.id = h.contact_id
      )
      """;

  @Override
  public List<QueueFigures> queues(Instant from, Instant to) {
    // The threshold is the queue's as defined now: a report over a period in which an admin
    // changed it measures every contact against the current one.
    return jdbc.sql(
            PARTS
                + """
                SELECT c.queue_id, c.channel, q.service_level_seconds AS threshold,
                    count(*) AS offered,
                    count(c.first_answered_at) AS answered,
                    count(*) FILTER (WHERE c.first_answered_at - c.enqueued_at
                        <= make_interval(secs => q.service_level_seconds)) AS answered_within,
                    count(*) FILTER (WHERE c.state = 'ABANDONED' AND c.first_answered_at IS NULL)
                        AS abandoned,
                    count(*) FILTER (WHERE c.state = 'ABANDONED' AND c.first_answered_at IS NULL
                        AND c.ended_at - c.enqueued_at
                        <= make_interval(secs => q.service_level_seconds)) AS abandoned_within,
                    count(c.callback_number) AS callbacks,
                    count(*) FILTER (WHERE c.transferred_out) AS transferred_out,
                    count(*) FILTER (WHERE c.transferred_in) AS transferred_in,
                    round(avg(extract(epoch FROM c.first_answered_at - c.enqueued_at)) * 1000)::bigint
                        AS speed_of_answer,
                    round(avg(extract(epoch FROM c.ended_at - c.answered_at))
                        FILTER (WHERE c.state = 'COMPLETED') * 1000)::bigint AS handle,
                    round(max(extract(epoch FROM coalesce(c.first_answered_at, c.ended_at)
                        - c.enqueued_at)) FILTER (WHERE c.first_answered_at IS NOT NULL
                        OR c.state = 'ABANDONED') * 1000)::bigint AS longest_wait
                FROM parts c JOIN routing_queue q ON q.id = c.queue_id
                WHERE c.placed_at >= :from AND c.placed_at < :to
                GROUP BY c.queue_id, c.channel, q.service_level_seconds
                ORDER BY c.queue_id, c.channel
                """)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query(
            (rs, n) ->
                new QueueFigures(
                    rs.getString("queue_id"),
                    ContactChannel.valueOf(rs.getString("channel")),
                    rs.getLong("threshold"),
                    rs.getLong("offered"),
                    rs.getLong("answered"),
                    rs.getLong("answered_within"),
                    rs.getLong("abandoned"),
                    rs.getLong("abandoned_within"),
                    rs.getLong("callbacks"),
                    rs.getLong("transferred_out"),
                    rs.getLong("transferred_in"),
                    nullableLong(rs, "speed_of_answer"),
                    nullableLong(rs, "handle"),
                    nullableLong(rs, "longest_wait")))
        .list();
  }

  @Override
  public List<AgentFigures> agents(Instant from, Instant to) {
    return jdbc.sql(
            AGENT_PARTS
                + """
                SELECT agent_id, channel, count(*) AS handled,
                    count(*) FILTER (WHERE state = 'COMPLETED') AS completed,
                    coalesce(round(sum(extract(epoch FROM ended_at - answered_at))
                        FILTER (WHERE state = 'COMPLETED') * 1000), 0)::bigint AS handle,
                    count(*) FILTER (WHERE transferred_out) AS transfers_out,
                    count(*) FILTER (WHERE transferred_in) AS transfers_in
                FROM parts
                WHERE answered_at >= :from AND answered_at < :to AND agent_id IS NOT NULL
                GROUP BY agent_id, channel
                ORDER BY agent_id, channel
                """)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query(
            (rs, n) -> {
              long completed = rs.getLong("completed");
              long handle = rs.getLong("handle");
              return new AgentFigures(
                  rs.getString("agent_id"),
                  ContactChannel.valueOf(rs.getString("channel")),
                  rs.getLong("handled"),
                  completed,
                  handle,
                  completed == 0 ? null : handle / completed,
                  rs.getLong("transfers_out"),
                  rs.getLong("transfers_in"));
            })
        .list();
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
