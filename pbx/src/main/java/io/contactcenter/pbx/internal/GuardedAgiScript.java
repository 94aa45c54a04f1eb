package io.contactcenter.pbx.internal;

import io.contactcenter.pbx.CallerHungUpException;
import io.contactcenter.pbx.spi.CallHandler;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one {@link CallHandler} for one call with a top-level guard.
 *
 * <p>An exception that escapes an AgiScript is only logged by Asterisk-Java and leaves the caller
 * in silence. Here any failure plays the fallback prompt and continues the call at the fallback
 * target (a human queue), so the caller is never left hanging.
 */
final class GuardedAgiScript implements AgiScript {

  private static final Logger log = LoggerFactory.getLogger(GuardedAgiScript.class);

  private final CallHandler handler;
  private final PbxProperties.Fallback fallback;
  private final MediaTransports media;

  GuardedAgiScript(CallHandler handler, PbxProperties.Fallback fallback, MediaTransports media) {
    this.handler = handler;
    this.fallback = fallback;
    this.media = media;
  }

  @Override
  public void service(AgiRequest request, AgiChannel channel) {
    AgiChannelSession session = new AgiChannelSession(request, channel, media);
    MDC.put("callId", session.callId());
    try {
      handler.handle(session);
    } catch (CallerHungUpException e) {
      log.debug("caller hung up during {}", handler.script());
    } catch (RuntimeException e) {
      log.error("handler '{}' failed; playing fallback and transferring", handler.script(), e);
      // A handler that failed with its media open left the channel inside AudioSocket() or Dial().
      session.closeMedia();
      runFallback(channel);
    } finally {
      session.closeMedia();
      MDC.remove("callId");
    }
  }

  private void runFallback(AgiChannel channel) {
    try {
      channel.streamFile(fallback.prompt());
      if (fallback.queue() != null && !fallback.queue().isBlank()) {
        AgiChannelSession.routeToQueue(channel, fallback.queue());
      } else {
        channel.hangup();
      }
    } catch (AgiHangupException e) {
      log.debug("caller hung up during fallback");
    } catch (AgiException e) {
      log.error("fallback failed too; the dialplan's own fallback takes over", e);
    }
  }
}
