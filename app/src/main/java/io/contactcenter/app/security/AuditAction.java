package io.contactcenter.app.security;

/** What an audit entry records. Stored by name: rename only with a migration. */
public enum AuditAction {
  USER_CREATED,
  USER_ROLES_CHANGED,
  USER_DISABLED,
  USER_ENABLED,
  USER_DELETED,
  PASSWORD_RESET,
  PASSWORD_CHANGED,
  TOKEN_CREATED,
  TOKEN_REVOKED,
  /** An account or a source address reached the failed sign-in limit and was locked. */
  SIGN_IN_LOCKED
}
