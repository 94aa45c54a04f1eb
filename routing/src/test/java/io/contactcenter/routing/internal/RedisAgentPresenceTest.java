package io.contactcenter.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.routing.internal.domain.SavedPresence;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a routing leader saves in Redis for the next one to resume an agent from (ADR 0053). */
class RedisAgentPresenceTest {

  private static final Instant SINCE = Instant.parse("2026-12-07T09:00:00.123456789Z");
  private static final Instant IDLE = Instant.parse("2026-12-07T08:55:00.456Z");
  private static final Instant WRAP_UP_ENDS = Instant.parse("2026-12-07T09:01:00.789Z");

  @Test
  void aReadyAgentInWrapUpIsReadBackAsSaved() {
    SavedPresence saved = new SavedPresence(true, "", SINCE, IDLE, WRAP_UP_ENDS);

    assertThat(RedisAgentPresence.decode(RedisAgentPresence.encode(saved))).isEqualTo(saved);
  }

  @Test
  void aNotReadyReasonWithBarsAndChineseIsKeptWhole() {
    SavedPresence saved = new SavedPresence(false, "培训 | training|2", SINCE, IDLE, null);

    assertThat(RedisAgentPresence.decode(RedisAgentPresence.encode(saved))).isEqualTo(saved);
  }

  @Test
  void aValueThisVersionCannotReadResumesTheAgentFromTheStateAlone() {
    assertThat(RedisAgentPresence.decode(null)).isNull();
    assertThat(RedisAgentPresence.decode("READY|12")).isNull();
    assertThat(RedisAgentPresence.decode("AWAY|1|2||")).isNull();
    assertThat(RedisAgentPresence.decode("READY|x|2||")).isNull();
  }
}
