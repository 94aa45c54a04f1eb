package io.contactcenter.onlinechat.spi;

import java.util.function.BooleanSupplier;

/**
 * Whether the account that opened an agent's live chat stream still stands as it did. A stream is
 * one request that lasts up to half an hour: an agent disabled, signed out by a password reset or
 * stripped of a role meanwhile would go on reading customers' messages until it closed. The chat
 * asks the check every few seconds and closes the stream with an {@code account-changed} event when
 * it turns false; the page's reconnect is then a new request, held to the account as it is now.
 * Implemented by whoever signs people in (the app); without one, streams are not checked. The chat
 * does not depend on the implementer.
 */
public interface AgentAccess {

  /**
   * Called on the thread of the request that opens the stream, while its user is signed in.
   *
   * @return a check that holds while the signed-in account stands as now; asked from another
   *     thread, may read the database
   */
  BooleanSupplier capture();
}
