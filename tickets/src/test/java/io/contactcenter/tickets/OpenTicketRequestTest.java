package io.contactcenter.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.common.PhoneNumber;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenTicketRequestTest {

  static OpenTicketRequest request(String subject, String ref, List<String> tags, SourceKind kind) {
    return new OpenTicketRequest(
        subject,
        null,
        null,
        ref,
        null,
        TicketChannel.SHOP,
        new TicketSource(kind, "s-1"),
        null,
        null,
        tags,
        null,
        "shop");
  }

  @Test
  void defaultsTierCategoryAndTags() {
    OpenTicketRequest r = request("  Return A100 ", "c-1", null, SourceKind.SHOP_REQUEST);
    assertThat(r.subject()).isEqualTo("Return A100");
    assertThat(r.tier()).isEqualTo(CustomerTier.STANDARD);
    assertThat(r.category()).isEqualTo(TicketCategory.OTHER);
    assertThat(r.tags()).isEmpty();
  }

  @Test
  void keepsTheCustomFieldValuesGivenAndLeavesBlankOnesOut() {
    java.util.Map<String, String> given = new java.util.LinkedHashMap<>();
    given.put("order_no", "A100");
    given.put("amount", " ");
    given.put("reason", null);
    OpenTicketRequest r =
        new OpenTicketRequest(
            "Return A100",
            null,
            null,
            "c-1",
            null,
            TicketChannel.SHOP,
            new TicketSource(SourceKind.SHOP_REQUEST, "s-1"),
            TicketCategory.RETURN,
            null,
            null,
            null,
            "shop",
            given);
    assertThat(r.fields()).containsExactly(java.util.Map.entry("order_no", "A100"));
    assertThat(request("s", "c-1", null, SourceKind.SHOP_REQUEST).fields()).isEmpty();
  }

  @Test
  void namesWhatIsWrong() {
    assertThatThrownBy(() -> request(" ", "c-1", null, SourceKind.SHOP_REQUEST))
        .hasMessage("subject is required");
    assertThatThrownBy(() -> request("x".repeat(201), "c-1", null, SourceKind.SHOP_REQUEST))
        .hasMessageContaining("subject is 201 characters long");
    assertThatThrownBy(() -> request("a\u0000b", "c-1", null, SourceKind.SHOP_REQUEST))
        .hasMessageContaining("control characters");
    assertThatThrownBy(() -> request("s", null, null, SourceKind.SHOP_REQUEST))
        .hasMessage("customerPhone or customerRef is required");
    assertThatThrownBy(() -> request("s", "c-1", List.of("<b>"), SourceKind.SHOP_REQUEST))
        .hasMessageContaining("tag '<b>'");
    assertThatThrownBy(
            () -> request("s", "c-1", Collections.nCopies(21, "a"), SourceKind.SHOP_REQUEST))
        .hasMessageContaining("at most 20 tags");
    assertThatThrownBy(() -> new TicketSource(SourceKind.CHAT, null))
        .hasMessageContaining("source ref is required");
    assertThatThrownBy(() -> new TicketSource(SourceKind.CHAT, "a b"))
        .hasMessageContaining("source ref must be");
  }

  @Test
  void aRobotOrCallSourceLeadsBackToTheCustomer() {
    assertThat(request("s", null, null, SourceKind.ROBOT_ATTEMPT).customerRef()).isNull();
    assertThat(
            new OpenTicketRequest(
                    "s",
                    "5000 chars ok",
                    PhoneNumber.parse("+8613800138000"),
                    null,
                    CustomerTier.VIP,
                    TicketChannel.PHONE,
                    new TicketSource(SourceKind.CALL, "call-1"),
                    TicketCategory.REFUND,
                    null,
                    List.of("Refund", "refund"),
                    "finance",
                    "ivr")
                .tags())
        .containsExactly("refund");
  }

  @Test
  void hugeDescriptionsAndMessagesAreRefusedAndTheLimitCountsCharactersNotBytes() {
    // 10,000 Chinese characters are 30,000 bytes in UTF-8 and still allowed.
    String longest = "长".repeat(10_000);
    OpenTicketRequest r =
        new OpenTicketRequest(
            "s",
            longest,
            null,
            "c-1",
            null,
            TicketChannel.SHOP,
            new TicketSource(SourceKind.SHOP_REQUEST, "s-1"),
            null,
            null,
            null,
            null,
            "shop");
    assertThat(r.description()).hasSize(10_000);
    assertThatThrownBy(
            () ->
                new OpenTicketRequest(
                    "s",
                    longest + "长",
                    null,
                    "c-1",
                    null,
                    TicketChannel.SHOP,
                    new TicketSource(SourceKind.SHOP_REQUEST, "s-1"),
                    null,
                    null,
                    null,
                    null,
                    "shop"))
        .hasMessageContaining("description is 10001 characters long");
    assertThat(new TicketMessage(longest, "agent1").text()).hasSize(10_000);
    assertThatThrownBy(() -> new TicketMessage("x".repeat(1_000_000), "agent1"))
        .hasMessageContaining("text is 1000000 characters long");
    // Markup is kept as typed: never interpreted, shown as text.
    assertThat(new TicketMessage("<script>alert(1)</script>", "agent1").text())
        .isEqualTo("<script>alert(1)</script>");
  }
}
