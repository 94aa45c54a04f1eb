package io.contactcenter.pbx;

import java.net.URI;

/**
 * The browser softphones of agents (ADR 0013): each signed-in agent gets SIP credentials of its own
 * for Asterisk's WebSocket transport, valid for a limited time.
 *
 * <p>Issuing credentials for an agent replaces any it had before, so a second tab that asks takes
 * the line over (the endpoint keeps one contact). Thread-safe; issuing blocks until Asterisk has
 * reloaded its PJSIP configuration.
 */
public interface Softphones {

  /**
   * New credentials for the agent signed in as {@code agent}, replacing its previous ones.
   *
   * @throws PbxUnavailableException when Asterisk could not take them up
   */
  SoftphoneCredentials issue(String agent);

  /** The SIP username the agent's softphone registers as (the endpoint Asterisk dials). */
  String endpointOf(String agent);

  /** Where the browser connects: Asterisk's WebSocket SIP transport. */
  URI websocketUrl();
}
