package io.contactcenter.pbx.internal;

import io.contactcenter.pbx.CallMonitoring;
import io.contactcenter.pbx.MonitorRequest;
import io.contactcenter.pbx.PbxUnavailableException;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rings a supervisor's phone with AMI {@code Originate} into {@code [cc-spy]}, extension {@code
 * listen}, {@code whisper} or {@code barge}: the dialplan finds the agent's channel (the caller's
 * {@code BRIDGEPEER}) and runs ChanSpy on it with the mode's options. The ChanSpy options live in
 * the dialplan, not here, so no request can pass options of its own.
 */
final class AmiCallMonitoring implements CallMonitoring {

  /** Prefix of the ActionID and of the supervisor channel's Uniqueid. */
  static final String SPY_PREFIX = "cc-spy-";

  private static final Logger log = LoggerFactory.getLogger(AmiCallMonitoring.class);

  private final AmiConnectionSupervisor ami;
  private final long actionTimeoutMillis;

  AmiCallMonitoring(AmiConnectionSupervisor ami, PbxProperties properties) {
    this.ami = ami;
    this.actionTimeoutMillis = properties.ami().actionTimeout().toMillis();
  }

  @Override
  public void monitor(MonitorRequest request) {
    OriginateAction action = new OriginateAction();
    // MonitorRequest validated phone and call id: no dial options or second target fit in.
    action.setChannel("PJSIP/" + request.phone());
    action.setContext("cc-spy");
    action.setExten(request.mode().name().toLowerCase(Locale.ROOT));
    action.setPriority(1);
    action.setTimeout(request.ringTimeout().toMillis());
    action.setAsync(true);
    action.setActionId(SPY_PREFIX + request.monitorId());
    action.setChannelId(SPY_PREFIX + request.monitorId());
    action.setCallerId("Monitor <" + request.mode().name().toLowerCase(Locale.ROOT) + ">");
    action.setVariables(Map.of("CC_SPY_CALL", request.callId()));
    ManagerResponse response;
    try {
      response = ami.connected().sendAction(action, actionTimeoutMillis);
    } catch (IOException | TimeoutException e) {
      throw new PbxUnavailableException(
          "ringing " + request.phone() + " to monitor failed: " + e.getMessage(), e);
    }
    if (response instanceof ManagerError || !"Success".equalsIgnoreCase(response.getResponse())) {
      throw new PbxUnavailableException(
          "Asterisk refused to ring " + request.phone() + ": " + response.getMessage());
    }
    log.info(
        "ringing {} to {} call {} (monitor {})",
        request.phone(),
        request.mode(),
        request.callId(),
        request.monitorId());
  }
}
