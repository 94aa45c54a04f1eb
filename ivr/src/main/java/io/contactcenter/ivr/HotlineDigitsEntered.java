package io.contactcenter.ivr;

import java.time.Instant;

/**
 * A hotline caller keyed digits at the main prompt.
 *
 * @param callId the pbx call id of the caller's channel
 * @param digits what was keyed, without the terminating '#'
 * @param timedOut the caller stopped before finishing the input
 */
public record HotlineDigitsEntered(String callId, String digits, boolean timedOut, Instant at) {}
