package io.contactcenter.pbx;

import java.time.Duration;

/**
 * A supervisor's phone to ring and join to a live call.
 *
 * @param monitorId unique per request: letters, digits and '-', at most 60 (names the supervisor's
 *     channel, {@code cc-spy-<monitorId>})
 * @param phone the supervisor's PJSIP endpoint ({@code supervisor1}), or {@code user@endpoint} for
 *     a phone behind another endpoint's contact
 * @param callId the customer's call: the Asterisk unique id of the caller's channel (a voice
 *     contact's reference); the agent's leg is the channel bridged with it
 * @param ringTimeout how long the supervisor's phone rings
 */
public record MonitorRequest(
    String monitorId, String phone, String callId, MonitorMode mode, Duration ringTimeout) {

  public MonitorRequest {
    if (monitorId == null || !monitorId.matches("[A-Za-z0-9-]{1,60}")) {
      throw new IllegalArgumentException("a monitor id is 1 to 60 letters, digits or '-'");
    }
    if (phone == null || !phone.matches("[A-Za-z0-9_.-]{1,80}(@[A-Za-z0-9_-]{1,80})?")) {
      throw new IllegalArgumentException("not a PJSIP endpoint: " + phone);
    }
    if (callId == null || !callId.matches("[A-Za-z0-9._-]{1,128}")) {
      throw new IllegalArgumentException("not an Asterisk unique id: " + callId);
    }
    if (mode == null) {
      throw new IllegalArgumentException("a monitor needs a mode: LISTEN, WHISPER or BARGE");
    }
    if (ringTimeout == null || !ringTimeout.isPositive()) {
      throw new IllegalArgumentException("a monitor needs a positive ring timeout");
    }
  }
}
