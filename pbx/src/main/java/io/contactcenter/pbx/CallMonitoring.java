package io.contactcenter.pbx;

/**
 * Supervisors listening in on agents' calls (ADR 0018): Asterisk rings the supervisor's phone and,
 * once it answers, joins it to the agent's leg of the call with ChanSpy in the request's mode. The
 * supervisor's leg ends by itself when the agent's leg does; a call that ended before the phone was
 * answered gets a goodbye prompt.
 *
 * <p>Thread-safe. {@link #monitor} returns once Asterisk has accepted the request.
 */
public interface CallMonitoring {

  /**
   * Rings {@code request.phone()} into the call {@code request.callId()}.
   *
   * @throws PbxUnavailableException if Asterisk is not connected or refused the request
   */
  void monitor(MonitorRequest request);
}
