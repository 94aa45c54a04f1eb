package io.contactcenter.pbx;

import java.util.Collection;

/** An originate named a trunk that is not configured; nothing was sent to Asterisk. */
public final class UnknownTrunkException extends IllegalArgumentException {

  public UnknownTrunkException(String trunk, Collection<String> known) {
    super("unknown trunk '" + trunk + "'; configured trunks: " + known);
  }
}
