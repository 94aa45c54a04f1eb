package io.contactcenter.tickets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.contactcenter.tickets.CustomerTier;
import io.contactcenter.tickets.EntryKind;
import io.contactcenter.tickets.SourceKind;
import io.contactcenter.tickets.Ticket;
import io.contactcenter.tickets.TicketCategory;
import io.contactcenter.tickets.TicketChannel;
import io.contactcenter.tickets.TicketCount;
import io.contactcenter.tickets.TicketFilter;
import io.contactcenter.tickets.TicketPage;
import io.contactcenter.tickets.TicketPriority;
import io.contactcenter.tickets.TicketStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ticket list's text search on the real PostgreSQL with the module's migrations: a Chinese
 * query of one or two characters (退款, 发票, 货) finds the tickets whose subject or opening text
 * contains it, through the gram indexes of V130, and nothing else; longer texts, Latin texts and
 * ticket ids are searched as before. A group's active tickets of one category and priority (the
 * list filter V138 serves) are exactly those, page after page.
 */
class TicketSearchIT {

  static final Instant NOW = Instant.parse("2026-12-03T06:00:00Z");

  static HikariDataSource ds;
  static JdbcClient jdbc;
  static TicketListing listing;

  /** The same list with every short Chinese text counted as common (checked row by row). */
  static TicketListing rowByRow;

  @BeforeAll
  static void tickets() {
    ds = TicketBenchmarks.database(1);
    jdbc = JdbcClient.create(ds);
    JdbcTickets rows = new JdbcTickets(jdbc);
    JdbcTicketHistory history = new JdbcTicketHistory(jdbc);
    listing = listing(rows, history, TicketListing.COMMON_SHORT_TEXT);
    rowByRow = listing(rows, history, 0);
    // As the desk opens a ticket: the row, then the OPENED entry with the description.
    open(rows, history, "T-1", "申请退款", "订单 SO-1 的货没到，我要退款");
    open(rows, history, "T-2", "Refund please", "客户要求退款，已付款三天");
    open(rows, history, "T-3", "发票抬头错了", "请重开发票");
    open(rows, history, "T-4", "退货", "衣服太小，想退货");
    open(rows, history, "T-5", "Where is my parcel", "It has not arrived <b>yet</b>");
    open(rows, history, "T-6", "退款单号 RF-77", "refund slip");
    // A supervisor's list: the warehouse group's active high-priority complaints (V138).
    filed(
        rows, "P-1", "warehouse", TicketCategory.COMPLAINT, TicketPriority.HIGH, TicketStatus.OPEN);
    filed(
        rows, "P-2", "warehouse", TicketCategory.COMPLAINT, TicketPriority.HIGH, TicketStatus.NEW);
    filed(
        rows,
        "P-3",
        "warehouse",
        TicketCategory.COMPLAINT,
        TicketPriority.HIGH,
        TicketStatus.SOLVED);
    filed(
        rows,
        "P-4",
        "warehouse",
        TicketCategory.COMPLAINT,
        TicketPriority.NORMAL,
        TicketStatus.OPEN);
    filed(rows, "P-5", "warehouse", TicketCategory.REFUND, TicketPriority.HIGH, TicketStatus.OPEN);
    filed(rows, "P-6", "finance", TicketCategory.COMPLAINT, TicketPriority.HIGH, TicketStatus.OPEN);
    filed(
        rows,
        "P-7",
        "warehouse",
        TicketCategory.COMPLAINT,
        TicketPriority.URGENT,
        TicketStatus.OPEN);
  }

  private static void filed(
      JdbcTickets rows,
      String id,
      String group,
      TicketCategory category,
      TicketPriority priority,
      TicketStatus status) {
    Instant at = NOW.minusSeconds(600);
    rows.insert(
        new TicketRow(
            id,
            "Crushed box " + id,
            "crushed box " + id.toLowerCase(),
            null,
            "cust-" + id,
            CustomerTier.STANDARD,
            TicketChannel.PHONE,
            SourceKind.AGENT,
            null,
            category,
            priority,
            priority,
            status,
            null,
            group,
            List.of(),
            status == TicketStatus.SOLVED ? null : NOW.plusSeconds(1800),
            at,
            at,
            null,
            Map.of()),
        "Crushed box " + id);
  }

  @AfterAll
  static void close() {
    ds.close();
  }

  private static void open(
      JdbcTickets rows, JdbcTicketHistory history, String id, String subject, String body) {
    Instant at = NOW.minusSeconds(3600);
    rows.insert(
        new TicketRow(
            id,
            subject,
            subject.toLowerCase(),
            null,
            "cust-" + id,
            CustomerTier.STANDARD,
            TicketChannel.CHAT,
            SourceKind.AGENT,
            null,
            TicketCategory.OTHER,
            TicketPriority.NORMAL,
            TicketPriority.NORMAL,
            TicketStatus.OPEN,
            null,
            "support",
            List.of(),
            null,
            at,
            at,
            null,
            Map.of()),
        body);
    history.append(id, EntryKind.OPENED, at, "agent", body, TicketStatus.NEW, true);
  }

  private static TicketListing listing(
      JdbcTickets rows, JdbcTicketHistory history, long commonShortText) {
    return new TicketListing(
        rows,
        history,
        new JdbcTicketFields(jdbc),
        null,
        TicketBenchmarks.properties(Map.of()),
        Clock.fixed(NOW, ZoneOffset.UTC),
        TicketBenchmarks.reads(ds),
        commonShortText);
  }

  private static List<String> found(String text) {
    TicketFilter filter =
        new TicketFilter(List.of(), null, false, null, null, null, null, text, null, null, false);
    List<String> page =
        listing.page(filter, "agent", null, 50).tickets().stream().map(Ticket::ticketId).toList();
    // The list's total counts the same tickets, alone or with the first page.
    assertThat(listing.countUpTo(filter, "agent", 10_000)).isEqualTo(page.size());
    TicketPage opened = listing.firstPage(filter, "agent", 50);
    assertThat(opened.tickets()).extracting(Ticket::ticketId).containsExactlyElementsOf(page);
    assertThat(opened.total()).isEqualTo(new TicketCount(page.size(), false));
    // A common text is checked row by row in list order: the same tickets in the same order.
    assertThat(rowByRow.page(filter, "agent", null, 50).tickets())
        .extracting(Ticket::ticketId)
        .containsExactlyElementsOf(page);
    assertThat(rowByRow.countUpTo(filter, "agent", 10_000)).isEqualTo(page.size());
    return page;
  }

  @Test
  void twoChineseCharactersFindSubjectsAndDescriptions() {
    assertThat(found("退款")).containsExactlyInAnyOrder("T-1", "T-2", "T-6");
    assertThat(found("发票")).containsExactly("T-3");
    assertThat(found("付款")).containsExactly("T-2");
    assertThat(found("抬头")).containsExactly("T-3");
  }

  @Test
  void oneChineseCharacterFindsEveryTicketThatHasIt() {
    assertThat(found("货")).containsExactlyInAnyOrder("T-1", "T-4");
    assertThat(found("票")).containsExactly("T-3");
    assertThat(found("猫")).isEmpty();
  }

  @Test
  void aPairIsFoundOnlyWhereTheTwoCharactersStandTogether() {
    // 退 and 货 both occur in T-1 ("…的货没到，我要退款") but never side by side.
    assertThat(found("退货")).containsExactly("T-4");
    assertThat(found("款退")).isEmpty();
  }

  @Test
  void longerAndLatinTextsAndTicketIdsAreSearchedAsBefore() {
    assertThat(found("退款单")).containsExactly("T-6");
    assertThat(found("parcel")).containsExactly("T-5");
    assertThat(found("T-3")).containsExactly("T-3");
  }

  @Test
  void theStatisticsTellACommonShortWordFromARareOne() {
    try (HikariDataSource other = TicketBenchmarks.database(1)) {
      JdbcClient db = JdbcClient.create(other);
      // 20,000 tickets (then analyzed): 订单 is in 6,020 (three in ten open with it), 退款 in 20.
      TicketListBenchmark.seed(db, 20_000);
      JdbcTickets seeded = new JdbcTickets(db);
      assertThat(seeded.estimatedGramMatches("订单")).isBetween(5_400L, 6_600L);
      assertThat(seeded.estimatedGramMatches("退款")).isLessThan(100L);
      assertThat(seeded.estimatedGramMatches("猫")).isZero();
      // The desk's threshold makes 订单 common: checked row by row, it finds what the grams find.
      TicketFilter common =
          new TicketFilter(List.of(), null, false, null, null, null, null, "订单", null, null, false);
      TicketListing desk =
          new TicketListing(
              seeded,
              new JdbcTicketHistory(db),
              new JdbcTicketFields(db),
              null,
              TicketBenchmarks.properties(Map.of()),
              Clock.fixed(NOW, ZoneOffset.UTC),
              TicketBenchmarks.reads(other),
              TicketListing.COMMON_SHORT_TEXT);
      TicketListing gathered =
          new TicketListing(
              seeded,
              new JdbcTicketHistory(db),
              new JdbcTicketFields(db),
              null,
              TicketBenchmarks.properties(Map.of()),
              Clock.fixed(NOW, ZoneOffset.UTC),
              TicketBenchmarks.reads(other),
              Long.MAX_VALUE);
      TicketPage opened = desk.firstPage(common, "agent", 50);
      assertThat(opened.tickets()).isEqualTo(gathered.firstPage(common, "agent", 50).tickets());
      assertThat(opened.total()).isEqualTo(new TicketCount(6_020, false));
    }
  }

  @Test
  void theGramIndexesServeAShortChineseQuery() {
    TicketQuery query =
        TicketQuery.of(
            new TicketFilter(
                List.of(), null, false, null, null, null, null, "退款", null, null, false),
            "agent",
            null,
            NOW,
            Duration.ofHours(1),
            List.of(),
            false);
    // Six tickets fit in a page or two: left alone the planner rightly reads the table.
    jdbc.sql("SET enable_seqscan = off").update();
    try {
      String plan =
          String.join(
              "\n",
              jdbc.sql("EXPLAIN SELECT ticket_id FROM ticket WHERE " + query.where())
                  .params(query.params())
                  .query(String.class)
                  .list());
      assertThat(plan).contains("ticket_subject_cjk").contains("ticket_opening_cjk");
    } finally {
      jdbc.sql("RESET enable_seqscan").update();
    }
  }

  @Test
  void groupCategoryAndPriorityOfActiveTicketsFindExactlyThoseAcrossPages() {
    TicketFilter filter = activeIn("warehouse", TicketPriority.HIGH, TicketCategory.COMPLAINT);
    // One per page: the second is reached by the first page's cursor, and nothing after it.
    var first = listing.page(filter, "lead", null, 1);
    assertThat(first.nextCursor()).isNotNull();
    var second = listing.page(filter, "lead", first.nextCursor(), 1);
    assertThat(second.nextCursor()).isNull();
    assertThat(List.of(first.tickets().get(0).ticketId(), second.tickets().get(0).ticketId()))
        .containsExactly("P-1", "P-2");
    assertThat(listing.countUpTo(filter, "lead", 10_000)).isEqualTo(2);
    assertThat(listing.count(filter, "lead")).isEqualTo(2);
    // Every priority is told apart, not only HIGH.
    TicketFilter urgent = activeIn("warehouse", TicketPriority.URGENT, TicketCategory.COMPLAINT);
    assertThat(listing.page(urgent, "lead", null, 50).tickets())
        .extracting(Ticket::ticketId)
        .containsExactly("P-7");
  }

  /** The active tickets (new, open, pending) of one group, priority and category. */
  private static TicketFilter activeIn(
      String group, TicketPriority priority, TicketCategory category) {
    return new TicketFilter(
        List.of(
            TicketStatus.NEW,
            TicketStatus.OPEN,
            TicketStatus.PENDING_CUSTOMER,
            TicketStatus.PENDING_THIRD_PARTY),
        group,
        false,
        priority,
        category,
        null,
        null,
        null,
        null,
        null,
        false);
  }
}
