package io.contactcenter.qa;

import java.time.Instant;
import java.util.UUID;

/**
 * A calibration was started or scored. Published synchronously in the transaction that stores the
 * change, so the audit log records it or nothing is stored.
 *
 * @param action {@code STARTED} or {@code SCORED}
 * @param detail what changed, in words
 */
public record CalibrationAudited(
    UUID calibrationId,
    String conversationId,
    String actor,
    String action,
    String detail,
    Instant at) {}
