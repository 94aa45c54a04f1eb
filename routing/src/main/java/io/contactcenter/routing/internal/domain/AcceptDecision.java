package io.contactcenter.routing.internal.domain;

import java.time.Duration;

/** What came of an agent accepting an offer. */
public sealed interface AcceptDecision {

  /** The agent has the contact; {@code waited} is from the original enqueue time. */
  record Connected(Offer offer, Duration waited) implements AcceptDecision {}

  /** There is no live offer of that contact to that agent (expired, withdrawn or never made). */
  record NotOffered(String reason) implements AcceptDecision {}
}
