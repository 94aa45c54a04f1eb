package io.contactcenter.tickets;

/** What a ticket's source reference points at. */
public enum SourceKind {
  /** A robot dial attempt id. */
  ROBOT_ATTEMPT,
  /** A call id (hotline, voicemail, failed self-service). */
  CALL,
  /**
   * An IVR session id: a hotline caller left a number to be called back while the hotline was
   * closed.
   */
  IVR_SESSION,
  /** A chat id. */
  CHAT,
  /** The shop's own request id (e.g. a return request). */
  SHOP_REQUEST,
  /** Opened by an agent; the reference is the agent's own request id, if any. */
  AGENT
}
