package io.contactcenter.routing.internal;

import io.contactcenter.routing.internal.domain.Offer;

/** What the voice adapter does when an offer starts or ends (ring or stop ringing a phone). */
interface OfferListener {
  void offered(Offer offer, String customer);

  void offerEnded(Offer offer);

  /**
   * The agent's connected contact goes back into the ACD (a transfer to a queue): the channel takes
   * the customer away from the agent now. Throws when it cannot; then nothing changed.
   */
  default void transferring(Offer offer) {}
}
