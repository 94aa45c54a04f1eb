package io.contactcenter.onlinechat.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.onlinechat.spi.AgentAccess;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * An agent's live chat stream is checked against the account that opened it: the stream whose
 * account was disabled or changed closes, the others stay open.
 */
class AgentChatStreamsTest {

  /** Each stream's account standing, in the order the streams opened. */
  private final List<AtomicBoolean> standing = new ArrayList<>();

  private final AgentAccess access =
      () -> {
        AtomicBoolean stands = new AtomicBoolean(true);
        standing.add(stands);
        return stands::get;
      };

  /** An agent who serves no chat now. */
  private final ChatService chat =
      new ChatService(null, null, null, null, null, null, null, 1000, Clock.systemUTC()) {
        @Override
        List<Conversation> servedBy(String agent) {
          return List.of();
        }
      };

  private final AgentChatStreams streams =
      new AgentChatStreams(
          chat,
          new ChatFanout(),
          new ObjectMapper(),
          Duration.ofMinutes(1),
          access,
          Duration.ofMillis(20));

  @AfterEach
  void stop() {
    streams.destroy();
  }

  @Test
  void theStreamOfAnAccountThatChangedClosesAndTheOthersStay() throws Exception {
    SseEmitter ann = streams.open("ann");
    SseEmitter bob = streams.open("bob");
    assertThat(streams.open()).isEqualTo(2);

    standing.get(0).set(false); // ann disabled

    await().atMost(Duration.ofSeconds(10)).until(() -> streams.open() == 1);
    assertThatThrownBy(() -> ann.send("more"))
        .as("ann's stream is complete")
        .isInstanceOf(IllegalStateException.class);
    bob.send("still open");
  }
}
