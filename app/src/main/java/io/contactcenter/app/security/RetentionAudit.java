package io.contactcenter.app.security;

import io.contactcenter.qa.ConversationDataDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes an audit entry for every recording and transcript the QA retention job deletes, in the
 * deletion's own transaction (the event is published inside it), so no deletion goes unrecorded.
 */
@Component
class RetentionAudit {

  private final AuditLog audit;

  RetentionAudit(AuditLog audit) {
    this.audit = audit;
  }

  @EventListener
  void on(ConversationDataDeleted deleted) {
    audit.record(
        Actor.SYSTEM,
        AuditAction.RETENTION_DELETED,
        "conversation:" + deleted.conversationId(),
        deleted.data().name().toLowerCase(java.util.Locale.ROOT)
            + " of a conversation ended "
            + deleted.endedAt());
  }
}
