package io.contactcenter.pbx.internal;

import java.time.Instant;

/** A snapshot of the AMI connection for health reporting. */
record AmiStatus(State state, String detail, Instant since) {

  enum State {
    DISABLED,
    CONNECTING,
    CONNECTED,
    RECONNECTING,
    DOWN,
    AUTHENTICATION_FAILED
  }
}
