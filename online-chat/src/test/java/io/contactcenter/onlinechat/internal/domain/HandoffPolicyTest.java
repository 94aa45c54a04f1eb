package io.contactcenter.onlinechat.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.onlinechat.internal.domain.HandoffPolicy.Line;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandoffPolicyTest {

  private final HandoffPolicy policy =
      new HandoffPolicy(
          Map.of("en", "chat-en", "zh", "chat-zh"),
          Map.of("vip-shop", Map.of("zh", "vip-chat-zh")),
          List.of("VIP", " gold "));

  @Test
  void aChatWaitsInItsSitesQueueForItsLanguageElseTheDefault() {
    assertThat(policy.queueFor("vip-shop", "zh")).isEqualTo("vip-chat-zh");
    assertThat(policy.queueFor("vip-shop", "en")).isEqualTo("chat-en");
    assertThat(policy.queueFor("other", "zh")).isEqualTo("chat-zh");
    assertThatThrownBy(() -> policy.queueFor("other", "fr")).hasMessageContaining("fr");
  }

  @Test
  void configuredTiersGoAheadIgnoringCaseAndAnonymousVisitorsDoNot() {
    assertThat(policy.vip("vip")).isTrue();
    assertThat(policy.vip("Gold")).isTrue();
    assertThat(policy.vip("silver")).isFalse();
    assertThat(policy.vip(null)).isFalse();
  }

  @Test
  void theSubjectIsTheVisitorsFirstQuestionInTheChatsLanguage() {
    List<Line> lines =
        List.of(
            new Line("t1", "bot", "您好"),
            new Line("t2", "visitor", "  我的退款\n到哪了 "),
            new Line("t3", "visitor", "人工"));
    assertThat(HandoffPolicy.subject("zh", lines, 200)).isEqualTo("在线咨询：我的退款 到哪了");
    assertThat(HandoffPolicy.subject("en", List.of(), 200)).isEqualTo("Chat: asked for an agent");
    String longSubject =
        HandoffPolicy.subject("en", List.of(new Line("t", "visitor", "x".repeat(500))), 200);
    assertThat(longSubject).hasSize(200).startsWith("Chat: xxx").endsWith("…");
  }

  @Test
  void aLongTranscriptKeepsTheLatestMessagesAndSaysTheRestWasLeftOut() {
    List<Line> lines =
        List.of(
            new Line("10:00", "visitor", "a".repeat(50)),
            new Line("10:01", "bot", "b".repeat(50)),
            new Line("10:02", "visitor", "<script>c</script>"));
    assertThat(HandoffPolicy.transcript(lines, 10_000, "(cut)"))
        .isEqualTo(
            "[10:00] visitor: "
                + "a".repeat(50)
                + "\n[10:01] bot: "
                + "b".repeat(50)
                + "\n[10:02] visitor: <script>c</script>");
    String cut = HandoffPolicy.transcript(lines, 120, "(cut)");
    assertThat(cut).hasSizeLessThanOrEqualTo(120).startsWith("(cut)\n[10:01] bot: ");
    assertThat(cut).endsWith("[10:02] visitor: <script>c</script>").doesNotContain("aaaa");
    assertThat(
            HandoffPolicy.transcript(
                List.of(new Line("t", "visitor", "bell\u0007 and\u0000 nul\nnext line")), 100, ""))
        .as("control characters a ticket refuses are blanked, line breaks kept")
        .isEqualTo("[t] visitor: bell  and  nul\nnext line");
    assertThat(HandoffPolicy.subject("en", List.of(new Line("t", "visitor", "a\u0007b")), 200))
        .isEqualTo("Chat: a b");
    String single =
        HandoffPolicy.transcript(List.of(new Line("t", "visitor", "z".repeat(500))), 100, "(cut)");
    assertThat(single).hasSizeLessThanOrEqualTo(100).startsWith("(cut)\n").endsWith("zzz");
  }
}
