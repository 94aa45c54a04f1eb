package io.contactcenter.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.contactcenter.campaigns.CalledContact;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.testinfra.TestInfrastructure;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link JdbcContacts#calledBy} on the real PostgreSQL with the module's migrations: the contact a
 * campaign attempt called, as the robot's ticket reads it (who, which campaign, which order), in
 * full and in masked form; an attempt of no campaign has none.
 */
class JdbcContactsIT {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  static HikariDataSource ds;
  static JdbcClient jdbc;
  static JdbcContacts contacts;

  @BeforeAll
  static void database() {
    ds = TestInfrastructure.moduleDatabase(2);
    jdbc = JdbcClient.create(ds);
    contacts = new JdbcContacts(jdbc, new JdbcTemplate(ds), new JsonVariables(new ObjectMapper()));
    jdbc.sql(
            "INSERT INTO campaign (campaign_id, name, type, script_id, script_version, language,"
                + " state, call_window, max_concurrent, max_per_second, max_attempts, created_by)"
                + " VALUES ('cmp-1', '双十二催付', 'balance', 'balance', 1, 'zh', 'RUNNING',"
                + " 'MON-SUN 09:00-21:00', 5, 1, 3, 'ops')")
        .update();
  }

  @AfterAll
  static void close() {
    ds.close();
  }

  /** Adds a contact as an upload or an order event does, and an attempt that called it. */
  private static void calledContact(
      String attemptId,
      String phone,
      String name,
      String orderId,
      Map<String, String> variables,
      String dedupeKey) {
    assertThat(
            contacts.addContact(
                "cmp-1",
                new JdbcContacts.NewContact(
                    PhoneNumber.parse(phone),
                    name,
                    SHANGHAI,
                    variables,
                    dedupeKey,
                    orderId,
                    "csv:imp-1")))
        .isTrue();
    jdbc.sql(
            "INSERT INTO campaign_attempt (attempt_id, campaign_id, contact_id, attempt_no, phone,"
                + " state, claimed_by) SELECT :attempt, campaign_id, contact_id, 1, phone,"
                + " 'FINISHED', 'node-1' FROM campaign_contact"
                + " WHERE campaign_id = 'cmp-1' AND dedupe_key = :key")
        .param("attempt", attemptId)
        .param("key", dedupeKey)
        .update();
  }

  @Test
  void theContactOfAnOrderEventCarriesItsOrderId() {
    calledContact(
        "att-order",
        "+8613800138001",
        "王芳",
        "SO-20261203-7",
        Map.of("amount_due", "199.00 CNY", "order_number", "ignored"),
        "order-7");

    CalledContact called = contacts.calledBy("att-order").orElseThrow();

    assertThat(called.campaignId()).isEqualTo("cmp-1");
    assertThat(called.phone()).isEqualTo(PhoneNumber.parse("+8613800138001"));
    assertThat(called.name()).isEqualTo("王芳");
    assertThat(called.orderNumber()).isEqualTo("SO-20261203-7");
    // What may reach a log: the number masked.
    assertThat(called.toString()).doesNotContain("13800138001");
  }

  @Test
  void anUploadedContactGivesTheOrderNumberVariable() {
    calledContact(
        "att-upload",
        "+8613800138002",
        "  Li Lei  ",
        null,
        Map.of("order_number", "C-1002", "amount_due", "88 CNY"),
        "upload-2");

    CalledContact called = contacts.calledBy("att-upload").orElseThrow();

    assertThat(called.name()).isEqualTo("Li Lei");
    assertThat(called.orderNumber()).isEqualTo("C-1002");
  }

  @Test
  void aContactWithoutNameOrOrderHasNeither() {
    calledContact("att-bare", "+8613800138003", null, null, Map.of(), "bare-3");

    CalledContact called = contacts.calledBy("att-bare").orElseThrow();

    assertThat(called.phone()).isEqualTo(PhoneNumber.parse("+8613800138003"));
    assertThat(called.name()).isNull();
    assertThat(called.orderNumber()).isNull();
  }

  @Test
  void anAttemptOfNoCampaignHasNoContact() {
    // The robot's own attempts (tests, prompt calls) are not campaign attempts.
    assertThat(contacts.calledBy("robot-attempt-42")).isEmpty();
    assertThat(contacts.calledBy("")).isEmpty();
  }
}
