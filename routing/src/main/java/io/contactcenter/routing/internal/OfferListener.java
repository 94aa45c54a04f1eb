package io.contactcenter.routing.internal;

import io.contactcenter.routing.internal.domain.Offer;

/** What the voice adapter does when an offer starts or ends (ring or stop ringing a phone). */
interface OfferListener {
  void offered(Offer offer, String customer);

  void offerEnded(Offer offer);
}
