package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.testinfra.CampaignApi;
import io.contactcenter.testinfra.ContactCenterIT;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 200,000 pending contacts of a draft campaign do not slow the due-contact query of another
 * campaign: the dialer's query (the one in JdbcCampaignStore.lockDue) finds that campaign's due
 * contacts through the index on campaign and state (V21) instead of reading the draft's rows or the
 * running campaign's finished ones. The same query with the index dropped (in a transaction rolled
 * back) shows the difference; both plans are logged for docs/benchmarks.md.
 */
@ContactCenterIT
class DueContactsIndexIT {

  private static final Logger log = LoggerFactory.getLogger(DueContactsIndexIT.class);

  /** The dialer's query, as JdbcCampaignStore.lockDue sends it. */
  private static final String DUE =
      "SELECT c.contact_id, c.campaign_id, c.phone, c.zone, c.variables::text, c.attempts"
          + " FROM campaign_contact c WHERE c.campaign_id = ? AND c.state = 'PENDING'"
          + " AND c.next_dial_at <= ? ORDER BY c.next_dial_at, c.contact_id LIMIT ?"
          + " FOR UPDATE OF c SKIP LOCKED";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate tx;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aBigDraftCampaignDoesNotSlowAnotherCampaignsDueContacts() throws Exception {
    CampaignApi api = new CampaignApi(port);
    String draft = create(api, "Big draft");
    String other = create(api, "Running, mostly done");
    try {
      // The draft's 200,000 contacts are all pending and due an hour ago; the running campaign
      // has called 20,000 and has 10 due a minute ago.
      insert(draft, 200_000, "PENDING", "1 hour");
      insert(other, 19_990, "DONE", "1 day");
      insert(other, 10, "PENDING", "1 minute");
      jdbc.execute("ANALYZE campaign_contact");

      JsonNode withIndex = explain(other, false);
      JsonNode withoutIndex = explain(other, true);
      long pagesWith = pages(withIndex.get("Plan"));
      long pagesWithout = pages(withoutIndex.get("Plan"));
      log.info(
          "due-contact query beside 200,000 draft contacts: {} ms, {} pages, {} with the index;"
              + " {} ms, {} pages, {} without it",
          withIndex.get("Execution Time").asDouble(),
          pagesWith,
          indexes(withIndex.get("Plan")),
          withoutIndex.get("Execution Time").asDouble(),
          pagesWithout,
          indexes(withoutIndex.get("Plan")));

      assertThat(indexes(withIndex.get("Plan"))).contains("campaign_contact_campaign_state_idx");
      assertThat(sum(withIndex.get("Plan"), "Rows Removed by Filter")).isLessThan(100);
      assertThat(pagesWith).isLessThan(100);
      // Without it the same ten contacts cost reading thousands of other contacts' entries.
      assertThat(pagesWithout).isGreaterThan(5 * pagesWith);
    } finally {
      jdbc.update("DELETE FROM campaign WHERE campaign_id IN (?, ?)", draft, other);
    }
  }

  private static String create(CampaignApi api, String name) throws Exception {
    HttpResponse<String> created =
        api.post(
            "/api/v1/campaigns",
            "{\"name\": \""
                + name
                + "\", \"type\": \"balance\", \"variables\": {\"merchant\": \"Acme Shop\"}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return api.read(created.body()).get("campaignId").asText();
  }

  private void insert(String campaignId, int count, String state, String dueAgo) {
    jdbc.update(
        "INSERT INTO campaign_contact"
            + " (campaign_id, phone, zone, variables, dedupe_key, source, state, next_dial_at)"
            + " SELECT ?, '+86139' || lpad(g::text, 8, '0'), 'Asia/Shanghai', '{}'::jsonb,"
            + " 'idx-' || ? || '-' || g, 'csv:index-test', ?, now() - ?::interval"
            + " FROM generate_series(1, ?) g",
        campaignId,
        state,
        state,
        dueAgo,
        count);
  }

  /** The plan of the due-contact query, run for real in a transaction that is rolled back. */
  private JsonNode explain(String campaignId, boolean dropIndexFirst) {
    return tx.execute(
        status -> {
          status.setRollbackOnly();
          if (dropIndexFirst) {
            jdbc.execute("DROP INDEX campaign_contact_campaign_state_idx");
          }
          String plan =
              jdbc.queryForObject(
                  "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + DUE,
                  String.class,
                  campaignId,
                  Timestamp.from(Instant.now()),
                  10);
          try {
            return json.readTree(plan).get(0);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  /** Pages (8 KB blocks) the query touched, from cache or disk. */
  private static long pages(JsonNode plan) {
    // The top node's buffer counts include its children's.
    return plan.path("Shared Hit Blocks").asLong(0) + plan.path("Shared Read Blocks").asLong(0);
  }

  private static long sum(JsonNode plan, String field) {
    long total = plan.path(field).asLong(0);
    for (JsonNode child : plan.path("Plans")) {
      total += sum(child, field);
    }
    return total;
  }

  private static List<String> indexes(JsonNode plan) {
    List<String> names = new ArrayList<>();
    if (plan.has("Index Name")) {
      names.add(plan.get("Index Name").asText());
    }
    for (JsonNode child : plan.path("Plans")) {
      names.addAll(indexes(child));
    }
    return names;
  }
}
