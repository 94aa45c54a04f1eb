package io.contactcenter.pbx;

/** Asterisk has queued the call for {@code attemptId}; the outcome follows as events. */
public record OriginateAccepted(String attemptId) {}
