package io.contactcenter.pbx.spi;

import io.contactcenter.pbx.ChannelSession;

/**
 * Handles calls that the dialplan hands to the application with {@code AGI(agi://host/SCRIPT)}.
 *
 * <p>Implementations are Spring beans; only scripts named by a bean are ever run (the allow-list).
 * One instance serves every call concurrently, so keep per-call state in local variables. An
 * exception that escapes {@link #handle} is caught by the pbx module, which plays the fallback
 * prompt and transfers the caller to a human, so the caller never hears silence.
 */
public interface CallHandler {

  /** The script name in the AGI URL: lower-case letters, digits and '-'. */
  String script();

  void handle(ChannelSession session);
}
