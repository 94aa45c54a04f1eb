package io.contactcenter.pbx.internal;

import java.util.Optional;
import org.springframework.context.SmartLifecycle;

/**
 * The media transports a channel session may open its media over.
 *
 * @param preferred the configured transport ({@code cc.pbx.media.transport})
 * @param sip the SIP media endpoint, when it is enabled; then the channel variable {@code
 *     CC_MEDIA_TRANSPORT} may choose the transport per call
 *     <p>The SIP endpoint's lifecycle is this bean's (the AudioSocket server is a bean of its own).
 */
record MediaTransports(
    MediaTransport preferred, AudioSocketServer audioSocket, Optional<SipMediaEndpoint> sip)
    implements SmartLifecycle {

  /** The channel variable that chooses a call's media transport (dialplan or handler sets it). */
  static final String VARIABLE = "CC_MEDIA_TRANSPORT";

  MediaTransports {
    if (preferred == MediaTransport.SIP && sip.isEmpty()) {
      throw new IllegalArgumentException("media transport sip needs the SIP media endpoint");
    }
  }

  /** AudioSocket only, as before the SIP endpoint existed. */
  static MediaTransports audioSocketOnly(AudioSocketServer audioSocket) {
    return new MediaTransports(MediaTransport.AUDIOSOCKET, audioSocket, Optional.empty());
  }

  @Override
  public void start() {
    sip.ifPresent(SipMediaEndpoint::start);
  }

  @Override
  public void stop() {
    sip.ifPresent(SipMediaEndpoint::stop);
  }

  @Override
  public boolean isRunning() {
    return sip.map(SipMediaEndpoint::isRunning).orElse(false);
  }
}
