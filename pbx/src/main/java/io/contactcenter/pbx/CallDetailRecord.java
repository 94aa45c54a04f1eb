package io.contactcenter.pbx;

import java.time.Instant;

/** One call leg as stored after it ended. Times are UTC instants; durations in whole seconds. */
public record CallDetailRecord(
    String callId,
    String linkedId,
    String channel,
    String caller,
    String callee,
    String attemptId,
    int cause,
    String causeText,
    Instant startedAt,
    Instant answeredAt,
    Instant endedAt,
    long durationSeconds,
    long billableSeconds) {}
