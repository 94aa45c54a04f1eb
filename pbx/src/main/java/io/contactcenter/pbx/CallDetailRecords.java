package io.contactcenter.pbx;

import java.util.List;
import java.util.Optional;

/** Read access to stored call detail records. */
public interface CallDetailRecords {

  Optional<CallDetailRecord> find(String callId);

  /** The most recently ended calls, newest first; {@code limit} is capped at 500. */
  List<CallDetailRecord> recent(int limit);

  /**
   * The calls a party took part in, as caller or callee (the number or name as Asterisk reported
   * it), newest first; {@code limit} is capped at 500.
   */
  List<CallDetailRecord> involving(String party, int limit);
}
