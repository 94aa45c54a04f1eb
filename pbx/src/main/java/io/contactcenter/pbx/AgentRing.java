package io.contactcenter.pbx;

import java.time.Duration;

/**
 * One ring of an agent's phone for a waiting call.
 *
 * @param ringId unique per ring: letters, digits and '-', at most 60 (names the agent's channel)
 * @param endpoint the agent's PJSIP endpoint ({@code agent1001}), or {@code user@endpoint} for a
 *     phone reached through another endpoint's contact (a test phone behind the test trunk)
 * @param waitingChannel the held caller's Asterisk channel name ({@code PJSIP/customer-0000002a})
 * @param timeout how long the phone rings
 */
public record AgentRing(String ringId, String endpoint, String waitingChannel, Duration timeout) {

  public AgentRing {
    if (ringId == null || !ringId.matches("[A-Za-z0-9-]{1,60}")) {
      throw new IllegalArgumentException("a ring id is 1 to 60 letters, digits or '-'");
    }
    if (endpoint == null || !endpoint.matches("[A-Za-z0-9_.-]{1,80}(@[A-Za-z0-9_-]{1,80})?")) {
      throw new IllegalArgumentException("not a PJSIP endpoint: " + endpoint);
    }
    if (waitingChannel == null || !waitingChannel.matches("[A-Za-z0-9/_.@;:+-]{1,200}")) {
      throw new IllegalArgumentException("not an Asterisk channel name: " + waitingChannel);
    }
    if (timeout == null || !timeout.isPositive()) {
      throw new IllegalArgumentException("a ring needs a positive timeout");
    }
  }
}
