package io.contactcenter.pbx.internal;

import io.contactcenter.pbx.CallControl;
import io.contactcenter.pbx.LiveChannels;
import io.contactcenter.pbx.OriginateAccepted;
import io.contactcenter.pbx.OriginateRequest;
import io.contactcenter.pbx.PbxUnavailableException;
import io.contactcenter.pbx.UnknownTrunkException;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Originates calls with the AMI {@code Originate} action. */
final class AmiCallControl implements CallControl {

  /** Prefix of the AMI ActionID, so the async OriginateResponse can be tied back to the attempt. */
  static final String ACTION_ID_PREFIX = "cc-attempt-";

  /** Prefix of the Uniqueid we give originated channels. */
  static final String CHANNEL_ID_PREFIX = "cc-";

  /** Channel variable with the dialed number's digits (manager.conf channelvars reports it). */
  static final String DESTINATION_VARIABLE = "CC_DESTINATION";

  /** Asterisk's AST_STATE_UP: the channel is answered. */
  static final int CHANNEL_STATE_UP = 6;

  private static final Logger log = LoggerFactory.getLogger(AmiCallControl.class);

  private final AmiConnectionSupervisor ami;
  private final List<String> trunks;
  private final long actionTimeoutMillis;
  private final java.time.Duration defaultTimeout;

  AmiCallControl(AmiConnectionSupervisor ami, PbxProperties properties) {
    this.ami = ami;
    this.trunks = List.copyOf(properties.originate().trunks());
    this.actionTimeoutMillis = properties.ami().actionTimeout().toMillis();
    this.defaultTimeout = properties.originate().defaultTimeout();
  }

  @Override
  public List<String> trunks() {
    return trunks;
  }

  @Override
  public java.time.Duration defaultTimeout() {
    return defaultTimeout;
  }

  @Override
  public boolean isAvailable() {
    return ami.status().state() == AmiStatus.State.CONNECTED;
  }

  @Override
  public boolean isConnecting() {
    AmiStatus.State state = ami.status().state();
    return state == AmiStatus.State.CONNECTING || state == AmiStatus.State.RECONNECTING;
  }

  @Override
  public Set<String> activeAttemptIds() {
    Set<String> active = new HashSet<>();
    for (String id : activeCallIds()) {
      if (id.startsWith(CHANNEL_ID_PREFIX)) {
        active.add(id.substring(CHANNEL_ID_PREFIX.length()));
      }
    }
    return active;
  }

  @Override
  public Set<String> activeCallIds() {
    return liveChannels().callIds();
  }

  @Override
  public LiveChannels liveChannels() {
    ResponseEvents events;
    try {
      events =
          ami.connected()
              .sendEventGeneratingAction(new CoreShowChannelsAction(), actionTimeoutMillis);
    } catch (IOException | TimeoutException e) {
      throw new PbxUnavailableException("listing Asterisk's channels failed: " + e.getMessage(), e);
    }
    if (events.getResponse() instanceof ManagerError error) {
      throw new PbxUnavailableException(
          "Asterisk refused to list its channels: " + error.getMessage());
    }
    return liveChannels(events.getEvents());
  }

  /** The channels a {@code CoreShowChannels} listed, those in state Up answered. */
  static LiveChannels liveChannels(java.util.Collection<ResponseEvent> listed) {
    Set<String> active = new HashSet<>();
    Set<String> answered = new HashSet<>();
    for (ResponseEvent event : listed) {
      if (event instanceof CoreShowChannelEvent channel && channel.getUniqueid() != null) {
        active.add(channel.getUniqueid());
        if (Integer.valueOf(CHANNEL_STATE_UP).equals(channel.getChannelState())) {
          answered.add(channel.getUniqueid());
        }
      }
    }
    return new LiveChannels(active, answered);
  }

  @Override
  public boolean hangup(String attemptId) {
    // Asterisk finds a channel by its Uniqueid as well as by its name.
    HangupAction action = new HangupAction(CHANNEL_ID_PREFIX + attemptId);
    ManagerResponse response;
    try {
      response = ami.connected().sendAction(action, actionTimeoutMillis);
    } catch (IOException | TimeoutException e) {
      throw new PbxUnavailableException(
          "hanging up the call of attempt " + attemptId + " failed: " + e.getMessage(), e);
    }
    if (response instanceof ManagerError error) {
      log.debug("no channel to hang up for attempt {}: {}", attemptId, error.getMessage());
      return false;
    }
    log.info("call of attempt {} hung up", attemptId);
    return true;
  }

  @Override
  public OriginateAccepted originate(OriginateRequest request) {
    OriginateAction action = toAction(request, trunks);
    ManagerResponse response;
    try {
      response = ami.connected().sendAction(action, actionTimeoutMillis);
    } catch (IOException | TimeoutException e) {
      throw new PbxUnavailableException(
          "originate for attempt " + request.attemptId() + " failed: " + e.getMessage(), e);
    }
    if (response instanceof ManagerError || !"Success".equalsIgnoreCase(response.getResponse())) {
      throw new PbxUnavailableException(
          "Asterisk refused originate for attempt "
              + request.attemptId()
              + ": "
              + response.getMessage());
    }
    log.info(
        "originate queued: attempt {} to {} via {}",
        request.attemptId(),
        request.destination(),
        request.trunk());
    return new OriginateAccepted(request.attemptId());
  }

  /**
   * Builds the AMI action. The dial string is made only of the validated E.164 digits and a
   * configured trunk name, so nothing a caller or an import supplies can add dial options or a
   * second destination.
   */
  static OriginateAction toAction(OriginateRequest request, List<String> knownTrunks) {
    if (!knownTrunks.contains(request.trunk())) {
      throw new UnknownTrunkException(request.trunk(), knownTrunks);
    }
    OriginateAction action = new OriginateAction();
    action.setChannel(dialString(request));
    action.setContext(request.context());
    action.setExten(request.extension());
    action.setPriority(1);
    action.setTimeout(request.timeout().toMillis());
    action.setAsync(true);
    action.setActionId(ACTION_ID_PREFIX + request.attemptId());
    // The new channel's Uniqueid carries the attempt id from its very first event (channel
    // variables are applied only after Newchannel), and Asterisk refuses a second live channel
    // with the same id: one attempt can never ring twice at once.
    action.setChannelId(CHANNEL_ID_PREFIX + request.attemptId());
    if (request.callerId() != null) {
      action.setCallerId(request.callerId());
    }
    Map<String, String> variables = new HashMap<>(request.variables());
    // Two leading underscores: inherited by every channel the call creates (transfers, queues).
    variables.put("__" + OriginateRequest.ATTEMPT_ID_VARIABLE, request.attemptId());
    // An originated channel sits at extension 's'; the number it dialed comes back through this.
    variables.put(DESTINATION_VARIABLE, request.destination().digits());
    action.setVariables(variables);
    return action;
  }

  static String dialString(OriginateRequest request) {
    return "PJSIP/" + request.destination().digits() + "@" + request.trunk();
  }
}
