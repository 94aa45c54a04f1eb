package io.contactcenter.tickets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.tickets.TicketFilter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicketQueryTest {

  private static final Instant NOW = Instant.parse("2026-10-01T08:00:00Z");

  private static TicketQuery of(TicketFilter filter, List<String> groups) {
    return TicketQuery.of(filter, "ada", null, NOW, Duration.ofHours(1), groups, false);
  }

  @Test
  void myGroupsAreTheGroupsTheViewerSupervises() {
    TicketQuery query = of(TicketFilter.myGroupsActive(), List.of("returns", "warehouse"));
    assertThat(query.where()).contains("group_name IN (:viewerGroups)");
    assertThat(query.params()).containsEntry("viewerGroups", List.of("returns", "warehouse"));
  }

  @Test
  void aViewerWhoSupervisesNoGroupSeesNoTicketUnderMyGroups() {
    assertThat(of(TicketFilter.myGroupsActive(), List.of()).where()).contains("FALSE");
    assertThat(of(TicketFilter.mineActive(), List.of()).where())
        .doesNotContain("FALSE")
        .contains("assignee = :viewer");
  }

  @Test
  void savedFiltersReadBackWithAndWithoutTheMyGroupsCriterion() throws Exception {
    // Views saved before "my groups" existed have no such key: they read back without it.
    TicketFilter old = FieldValuesJson.JSON.readValue("{\"mine\": true}", TicketFilter.class);
    assertThat(old.mine()).isTrue();
    assertThat(old.myGroups()).isFalse();
    TicketFilter groups = TicketFilter.myGroupsActive();
    assertThat(
            FieldValuesJson.JSON.readValue(
                FieldValuesJson.JSON.writeValueAsString(groups), TicketFilter.class))
        .isEqualTo(groups);
  }

  private static TicketQuery text(String text) {
    return of(
        new TicketFilter(List.of(), null, false, null, null, null, null, text, null, null, false),
        List.of());
  }

  @Test
  void oneOrTwoChineseCharactersAreLookedUpAsGramsInSubjectAndOpeningText() {
    for (String shortText : List.of("退款", "货", "发票", "カナ", "환불")) {
      TicketQuery query = text(shortText);
      assertThat(query.where())
          .contains("ticket_cjk_grams(subject)")
          .contains("ticket_cjk_grams(opening_text)")
          .doesNotContain("ILIKE");
      assertThat(query.params()).containsEntry("gram", shortText);
    }
  }

  @Test
  void aCommonShortChineseTextIsCheckedRowByRowInSubjectAndOpeningText() {
    TicketQuery query = commonText("订单");
    assertThat(query.where())
        .contains("strpos(subject, :gram)")
        .contains("strpos(opening_text, :gram)")
        .doesNotContain("ticket_cjk_grams");
    assertThat(query.params()).containsEntry("gram", "订单");
    // Only short CJK texts: a longer one is searched as before whatever the hint says.
    assertThat(commonText("订单号").where())
        .contains("subject ILIKE :pattern")
        .doesNotContain("strpos");
  }

  /** A text search with the hint that a short Chinese text is common. */
  private static TicketQuery commonText(String text) {
    return TicketQuery.of(
        new TicketFilter(List.of(), null, false, null, null, null, null, text, null, null, false),
        "ada",
        null,
        NOW,
        Duration.ofHours(1),
        List.of(),
        true);
  }

  @Test
  void longerOrMixedTextsAreMatchedAsSubstringsOfTheSubjectOrAsATicketId() {
    for (String other : List.of("退款单", "A货", "ab", "T-1")) {
      TicketQuery query = text(other);
      assertThat(query.where()).contains("subject ILIKE :pattern").contains("ticket_id = :text");
      assertThat(query.where()).doesNotContain("ticket_cjk_grams");
    }
  }
}
