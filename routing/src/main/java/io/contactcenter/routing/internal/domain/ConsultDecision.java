package io.contactcenter.routing.internal.domain;

/** What came of an agent asking to consult another agent or a queue about their call. */
public sealed interface ConsultDecision {

  /** The consulted agent is reserved for the consult. */
  record Reserved(Consult consult) implements ConsultDecision {}

  /** Nothing changed. */
  record Refused(Reason reason, String message) implements ConsultDecision {}

  /** Why a consult cannot start. */
  enum Reason {
    /** The agent holds no such open call. */
    NOT_YOUR_CALL,
    /** The call is being consulted about already. */
    ALREADY_CONSULTING,
    /** An agent consults themselves. */
    SAME_AGENT,
    /** The agent asked for is logged out, not ready, in wrap-up or busy. */
    AGENT_NOT_FREE,
    /** No agent of the queue asked for is free now. */
    NO_FREE_AGENT
  }
}
