package io.contactcenter.pbx;

/**
 * How a supervisor joins an agent's call (Asterisk ChanSpy on the agent's leg).
 *
 * <ul>
 *   <li>{@link #LISTEN}: hears both parties, nobody hears the supervisor;
 *   <li>{@link #WHISPER}: hears both, and the agent alone hears the supervisor (coaching);
 *   <li>{@link #BARGE}: hears both, and both hear the supervisor.
 * </ul>
 */
public enum MonitorMode {
  LISTEN,
  WHISPER,
  BARGE
}
