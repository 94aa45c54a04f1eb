package io.contactcenter.ivr.internal;

import io.contactcenter.pbx.ChannelSession;
import java.util.Optional;

/** The languages the hotline speaks to a caller, as a call's dialplan variable may name them. */
final class CallLanguage {

  private CallLanguage() {}

  /** The language the call's {@code variable} names, when the hotline speaks it (en or zh). */
  static Optional<String> named(ChannelSession call, String variable) {
    return call.getVariable(variable).filter(l -> l.equals("en") || l.equals("zh"));
  }
}
