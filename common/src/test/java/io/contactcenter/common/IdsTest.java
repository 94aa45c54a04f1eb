package io.contactcenter.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ids are checked where they are made and travel as plain strings. */
class IdsTest {

  private final ObjectMapper json = new ObjectMapper();

  record Envelope(AttemptId attemptId, CallId callId, CampaignId campaignId) {}

  @Test
  void idsAreJsonStringsBothWays() throws Exception {
    Envelope envelope =
        new Envelope(
            AttemptId.of("robot-1f2e"), CallId.of("1764680000.42"), CampaignId.of("cmp-1a2b"));

    String text = json.writeValueAsString(envelope);

    assertThat(text)
        .isEqualTo(
            "{\"attemptId\":\"robot-1f2e\",\"callId\":\"1764680000.42\",\"campaignId\":\"cmp-1a2b\"}");
    assertThat(json.readValue(text, Envelope.class)).isEqualTo(envelope);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "robot 1", "robot-1;Action: Originate", "-leading-dash"})
  void anAttemptIdThatCouldNotTravelToAsteriskIsRejected(String value) {
    assertThatThrownBy(() -> AttemptId.of(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attempt id");
  }

  @Test
  void aMissingIdIsNamedAsMissing() {
    assertThatThrownBy(() -> CampaignId.of(null)).hasMessageContaining("was nothing");
    assertThatThrownBy(() -> CallId.of(null)).hasMessageContaining("was nothing");
  }

  @Test
  void theIdPrintsAsItself() {
    assertThat(AttemptId.of("robot-1")).hasToString("robot-1");
  }
}
