package io.contactcenter.pbx;

/**
 * Places outbound calls through Asterisk.
 *
 * <p>Thread-safe. {@link #originate} returns once Asterisk has queued the call, not when it is
 * answered: the outcome arrives later as {@link CallStarted}/{@link CallAnswered}/{@link CallEnded}
 * or {@link OriginateFailed}, all carrying the request's attempt id.
 */
public interface CallControl {

  /**
   * Asks Asterisk to dial {@code request.destination()} over {@code request.trunk()} and, once
   * answered, to run the request's dialplan target.
   *
   * @throws UnknownTrunkException if the trunk is not one of the configured trunks
   * @throws PbxUnavailableException if Asterisk is not connected or refused the request
   */
  OriginateAccepted originate(OriginateRequest request);

  /**
   * Whether Asterisk can take an originate now (the manager connection is logged in). A dialer
   * checks this before it commits to an attempt; {@link #originate} can still fail in between.
   */
  boolean isAvailable();

  /**
   * Whether the manager connection is being made and may be up in a moment: the first login since
   * this instance started, or Asterisk-Java re-establishing a connection that dropped. False when
   * it is up, or when Asterisk was found unreachable or refused the login (no point waiting).
   */
  default boolean isConnecting() {
    return false;
  }

  /**
   * The attempt ids of the calls Asterisk has up right now, asked of Asterisk itself (AMI {@code
   * CoreShowChannels}), not of our own records: what recovery after a restart trusts.
   *
   * @throws PbxUnavailableException if Asterisk is not connected or does not answer
   */
  java.util.Set<String> activeAttemptIds();

  /**
   * The call ids ({@link CallEnded#callId()}, Asterisk's Uniqueid) of every channel Asterisk has up
   * right now, asked of Asterisk itself (AMI {@code CoreShowChannels}): whether a caller another
   * instance held is still on the line (ADR 0043).
   *
   * @throws PbxUnavailableException if Asterisk is not connected or does not answer
   */
  java.util.Set<String> activeCallIds();

  /**
   * As {@link #activeCallIds}, with which of the channels are answered (state Up): whether an
   * agent's phone another instance rang still rings or was answered (ADR 0043).
   *
   * @throws PbxUnavailableException if Asterisk is not connected or does not answer
   */
  LiveChannels liveChannels();

  /**
   * Hangs up the call placed for {@code attemptId} (the channel whose id {@link #originate} gave
   * it), e.g. one that has outlived any call the robot makes. Its end then arrives as {@link
   * CallEnded} like any other.
   *
   * @return whether Asterisk had such a channel and hung it up ({@code false}: none is up)
   * @throws PbxUnavailableException if Asterisk is not connected or does not answer
   */
  boolean hangup(String attemptId);

  /** The configured trunks, in order of preference; the first is the default. */
  java.util.List<String> trunks();

  /**
   * How long a call rings when the request does not say ({@code cc.pbx.originate.default-timeout}).
   */
  java.time.Duration defaultTimeout();
}
