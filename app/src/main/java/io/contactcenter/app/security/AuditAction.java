package io.contactcenter.app.security;

/** What an audit entry records. Stored by name: rename only with a migration. */
public enum AuditAction {
  USER_CREATED,
  USER_ROLES_CHANGED,
  /** An admin granted or withdrew a user's permissions (listen, whisper, barge). */
  USER_PERMISSIONS_CHANGED,
  USER_DISABLED,
  USER_ENABLED,
  USER_DELETED,
  PASSWORD_RESET,
  PASSWORD_CHANGED,
  TOKEN_CREATED,
  TOKEN_REVOKED,
  /** An account or a source address reached the failed sign-in limit and was locked. */
  SIGN_IN_LOCKED,
  /** Customers' phone numbers left the system in full (a campaign export). */
  NUMBERS_EXPORTED,
  /** The QA retention job deleted a conversation's recording or transcript. */
  RETENTION_DELETED,
  /** A supervisor listened, whispered or barged in on an agent's call (ADR 0018). */
  CALL_MONITORED,
  /** An agent brought a supervisor into their own call (ADR 0029). */
  CALL_CONFERENCED,
  /**
   * An agent sent their live call back into the ACD for another queue (ADR 0041) or handed it to
   * the agent they consulted (ADR 0044).
   */
  CALL_TRANSFERRED,
  /**
   * An agent consulted another agent or a queue about their live call, or cancelled it (ADR 0044).
   */
  CALL_CONSULTED,
  /** A QA calibration was started or scored (ADR 0026). */
  QA_CALIBRATION,
  /** An agent asked to call a customer from the workspace, placed or refused (ADR 0034). */
  CLICK_TO_CALL,
  /**
   * Ops asked the robot to ring a number with a prompt editor's texts, placed or refused (ADR
   * 0038).
   */
  TEST_CALL
}
