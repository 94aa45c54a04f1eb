package io.contactcenter.qa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.onlinechat.ChatEnded;
import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.qa.Speaker;
import io.contactcenter.qa.TranscriptWord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatIntakeTest {

  @Test
  void messagesBecomeEntriesWithTheirSpeakerAndTimeAndTheChatsNoticesAreLeftOut() {
    Instant start = Instant.parse("2026-12-01T10:00:00Z");
    ChatEnded ended =
        new ChatEnded(
            "c1",
            "shop",
            ChatLanguage.ZH,
            "wang",
            false,
            null,
            ChatEnded.EndedBy.AGENT,
            start,
            start.plusSeconds(60),
            List.of(
                new ChatEnded.Message(1, ChatEnded.Sender.BOT, null, "您好", start),
                new ChatEnded.Message(
                    2, ChatEnded.Sender.VISITOR, null, "我要转人工", start.plusMillis(4500)),
                new ChatEnded.Message(
                    3, ChatEnded.Sender.SYSTEM, null, "正在转接", start.plusSeconds(5)),
                new ChatEnded.Message(
                    4, ChatEnded.Sender.AGENT, "wang", "您好，我是小王", start.plusSeconds(20))));
    assertThat(ChatIntake.words(ended))
        .containsExactly(
            new TranscriptWord("您好", 0, 0, 1.0, Speaker.BOT),
            new TranscriptWord("我要转人工", 4500, 4500, 1.0, Speaker.CUSTOMER),
            new TranscriptWord("您好，我是小王", 20_000, 20_000, 1.0, Speaker.AGENT));
  }
}
