package io.contactcenter.ivr;

import java.time.Instant;

/**
 * A hotline caller who could not be served (the hotline was closed) left a number to be called
 * back. Published once per number left, after it is stored; listeners (the tickets module) key on
 * {@code sessionId}.
 *
 * @param sessionId the IVR session
 * @param callId the pbx call id of the caller's channel
 * @param callbackNumber the digits the caller keyed, as keyed (national or international)
 * @param callerNumber the caller's own number in E.164; null when withheld or malformed
 * @param at when the number was left
 */
public record HotlineMessageLeft(
    String sessionId, String callId, String callbackNumber, String callerNumber, Instant at) {}
