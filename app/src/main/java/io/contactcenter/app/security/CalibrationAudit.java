package io.contactcenter.app.security;

import io.contactcenter.qa.CalibrationAudited;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes an audit entry for every calibration started or scored, in the change's own transaction
 * (the event is published inside it), so no calibration score goes unrecorded.
 */
@Component
class CalibrationAudit {

  private final AuditLog audit;

  CalibrationAudit(AuditLog audit) {
    this.audit = audit;
  }

  @EventListener
  void on(CalibrationAudited event) {
    audit.record(
        new Actor(event.actor(), null),
        AuditAction.QA_CALIBRATION,
        "calibration:" + event.calibrationId(),
        event.action().toLowerCase(java.util.Locale.ROOT)
            + ": "
            + event.detail()
            + " (conversation "
            + event.conversationId()
            + ")");
  }
}
