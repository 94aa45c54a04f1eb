package io.contactcenter.pbx.internal;

import io.contactcenter.pbx.CallerHungUpException;
import io.contactcenter.pbx.ChannelFailedException;
import io.contactcenter.pbx.ChannelSession;
import io.contactcenter.pbx.DtmfInput;
import io.contactcenter.pbx.MediaSession;
import io.contactcenter.pbx.OriginateRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.command.GetDataCommand;
import org.asteriskjava.fastagi.command.RecordFileCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@link ChannelSession} over a FastAGI channel.
 *
 * <p>Every argument that becomes part of an AGI command is checked against a strict pattern first:
 * AGI commands are space-separated lines, so a space, quote or line break in a sound name could
 * otherwise add arguments or a second command.
 */
final class AgiChannelSession implements ChannelSession {

  private static final Logger log = LoggerFactory.getLogger(AgiChannelSession.class);

  // Generous: Asterisk gives up connecting after 2 s, and AudioSocket() returns as soon as the
  // hangup message arrives or the socket closes.
  private static final Duration APPLICATION_EXIT = Duration.ofSeconds(5);

  // Relative names only (no leading '/', no '..'): prompts come from the sounds directories.
  private static final Pattern SOUND =
      Pattern.compile("(?!.*\\.\\.)[A-Za-z0-9_-][A-Za-z0-9_/-]{0,127}");
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");
  private static final Pattern DIGITS = Pattern.compile("[0-9*#]{1,64}");
  private static final Pattern ESCAPE_DIGITS = Pattern.compile("[0-9*#]{0,12}");
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
  private static final Pattern VALUE = Pattern.compile("[^\\r\\n\"]{0,512}");
  private static final Pattern DIALPLAN_NAME = Pattern.compile("[A-Za-z0-9_+*#-]{1,40}");

  private final AgiRequest request;
  private final AgiChannel channel;
  private final MediaTransports transports;
  private ChannelMediaSession media;

  AgiChannelSession(AgiRequest request, AgiChannel channel, MediaTransports transports) {
    this.request = request;
    this.channel = channel;
    this.transports = transports;
  }

  @Override
  public String callId() {
    return request.getUniqueId();
  }

  @Override
  public String callerNumber() {
    String number = request.getCallerIdNumber();
    return number == null ? "" : number;
  }

  @Override
  public String dialedNumber() {
    String exten = request.getExtension();
    return exten == null ? "" : exten;
  }

  @Override
  public Optional<String> attemptId() {
    return getVariable(OriginateRequest.ATTEMPT_ID_VARIABLE);
  }

  @Override
  public void answer() {
    run(channel::answer, "answer");
  }

  @Override
  public void play(String sound) {
    check(sound, SOUND, "sound");
    run(() -> channel.streamFile(sound), "play " + sound);
  }

  @Override
  public Optional<Character> playInterruptible(String sound, String escapeDigits) {
    check(sound, SOUND, "sound");
    check(escapeDigits, ESCAPE_DIGITS, "escape digits");
    char pressed = call(() -> channel.streamFile(sound, escapeDigits), "play " + sound);
    return pressed == 0 ? Optional.empty() : Optional.of(pressed);
  }

  @Override
  public void sayDigits(String digits) {
    check(digits, DIGITS, "digits");
    run(() -> channel.sayDigits(digits), "say digits");
  }

  @Override
  public void sayNumber(long number) {
    run(() -> channel.sayNumber(Long.toString(number)), "say number");
  }

  @Override
  public DtmfInput collectDigits(String prompt, int maxDigits, Duration timeout) {
    check(prompt, SOUND, "prompt");
    if (maxDigits < 1 || maxDigits > 64) {
      throw new IllegalArgumentException("maxDigits must be 1..64, was " + maxDigits);
    }
    AgiReply reply =
        call(
            () -> channel.sendCommand(new GetDataCommand(prompt, timeout.toMillis(), maxDigits)),
            "collect digits");
    // GET DATA answers "result=<digits>", "result= (timeout)" or "result=-1" on hangup. The
    // numeric result code is useless here: it is -1 for empty input, for '*' and '#', and for
    // more than ten digits, none of which is a hangup.
    if ("-1".equals(reply.getResult())) {
      throw new CallerHungUpException(callId(), null);
    }
    String digits = reply.getResult() == null ? "" : reply.getResult().replaceAll("[^0-9*#]", "");
    boolean timedOut = "timeout".equalsIgnoreCase(reply.getExtra());
    return new DtmfInput(digits, timedOut);
  }

  @Override
  public void record(String fileName, Duration maxDuration) {
    check(fileName, FILE_NAME, "file name");
    int maxMillis = (int) Math.min(Integer.MAX_VALUE, maxDuration.toMillis());
    AgiReply reply =
        call(
            () ->
                channel.sendCommand(
                    new RecordFileCommand(fileName, "wav", "#", maxMillis, 0, true, 3)),
            "record");
    if (reply.getResultCode() < 0) {
      throw new CallerHungUpException(callId(), null);
    }
  }

  @Override
  public void setVariable(String name, String value) {
    check(name, VARIABLE, "variable name");
    check(value, VALUE, "variable value");
    run(() -> channel.setVariable(name, value), "set variable");
  }

  @Override
  public Optional<String> getVariable(String name) {
    check(name, VARIABLE, "variable name");
    String value = call(() -> channel.getVariable(name), "get variable");
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  @Override
  public void transferToQueue(String queue) {
    check(queue, DIALPLAN_NAME, "queue");
    run(() -> routeToQueue(channel, queue), "transfer to queue");
  }

  /**
   * Asks the dialplan to queue the caller once the AGI script returns (the contract in
   * pbx/asterisk/etc/extensions.conf: CC_ROUTE=queue, CC_QUEUE=name).
   */
  static void routeToQueue(AgiChannel channel, String queue) throws AgiException {
    channel.setVariable("CC_QUEUE", queue);
    channel.setVariable("CC_ROUTE", "queue");
  }

  @Override
  public void transferTo(String context, String extension) {
    check(context, DIALPLAN_NAME, "context");
    check(extension, DIALPLAN_NAME, "extension");
    run(
        () -> {
          // Takes effect when the AGI script returns: Asterisk continues the dialplan there.
          channel.setContext(context);
          channel.setExtension(extension);
          channel.setPriority("1");
        },
        "transfer");
  }

  @Override
  public void hangup() {
    // AGI HANGUP leaves the hangup cause at 0 (unknown) in the CDR; the Hangup application with
    // cause 16 records the call as normally cleared.
    run(() -> channel.exec("Hangup", "16"), "hangup");
  }

  /**
   * Opens the call's media over the configured transport, or the one the channel variable {@code
   * CC_MEDIA_TRANSPORT} names when the SIP endpoint is enabled. Either way an application that
   * blocks until the media ends ({@code AudioSocket()} or {@code Dial()}) runs through AGI {@code
   * EXEC} on a thread of its own; closing the session ends the media and joins that thread, after
   * which the AGI channel takes commands again.
   */
  @Override
  public MediaSession openMedia() {
    if (media != null && !media.isClosed()) {
      throw new IllegalStateException("media is already open on call " + callId());
    }
    return switch (transport()) {
      case AUDIOSOCKET -> openAudioSocket();
      case SIP -> openSip(transports.sip().orElseThrow());
    };
  }

  private MediaTransport transport() {
    if (transports.sip().isEmpty()) {
      return transports.preferred();
    }
    Optional<String> chosen = getVariable(MediaTransports.VARIABLE);
    if (chosen.isEmpty()) {
      return transports.preferred();
    }
    Optional<MediaTransport> parsed = MediaTransport.parse(chosen.get());
    if (parsed.isEmpty()) {
      log.warn(
          "call {}: unknown {} '{}', using {}",
          callId(),
          MediaTransports.VARIABLE,
          chosen.get().length() > 20 ? chosen.get().substring(0, 20) + "..." : chosen.get(),
          transports.preferred());
    }
    return parsed.orElse(transports.preferred());
  }

  /**
   * Runs {@code Dial(PJSIP/robot-media/sip:cc-media-<uuid>@host:port,timeout,g)}: Asterisk calls
   * the SIP media endpoint like a phone and bridges the caller to it; {@code g} makes {@code
   * Dial()} return to us (rather than hang the caller up) when the endpoint sends BYE on close.
   */
  private MediaSession openSip(SipMediaEndpoint endpoint) {
    PbxProperties.SipMedia config = endpoint.config();
    UUID id = UUID.randomUUID();
    String callId = callId();
    String argument =
        endpoint.dialString(id)
            + ","
            + Math.max(1, (config.answerTimeout().toMillis() + 999) / 1000)
            + ",g";
    SipMediaEndpoint.Expected[] expectedHolder = new SipMediaEndpoint.Expected[1];
    Thread application =
        Thread.ofVirtual()
            .name("sip-media-agi-" + callId)
            .unstarted(() -> runDial(argument, callId, expectedHolder[0]));
    try (SipMediaEndpoint.Expected expected =
        endpoint.expect(id, callId, () -> awaitExit(application))) {
      expectedHolder[0] = expected;
      application.start();
      try {
        media = expected.await(config.answerTimeout().plusSeconds(1));
        return media;
      } catch (ChannelFailedException e) {
        awaitExit(application);
        throw new ChannelFailedException(
            "no SIP media call for call " + callId + ": " + e.getMessage(), e);
      }
    }
  }

  private void runDial(String argument, String callId, SipMediaEndpoint.Expected expected) {
    MDC.put("callId", callId);
    try {
      int result = channel.exec("Dial", argument);
      log.debug("Dial() of the SIP media endpoint on call {} returned {}", callId, result);
    } catch (AgiHangupException e) {
      log.debug("caller hung up during the SIP media Dial() on call {}", callId);
    } catch (AgiException e) {
      log.warn("Dial() of the SIP media endpoint failed on call {}: {}", callId, e.getMessage());
    } finally {
      // Wakes openMedia() at once if Dial() ended before the endpoint answered (no-op afterwards).
      expected.fail("Dial() of the SIP media endpoint ended before it answered");
      MDC.remove("callId");
    }
  }

  private MediaSession openAudioSocket() {
    AudioSocketServer audioSocket = transports.audioSocket();
    PbxProperties.AudioSocket config = audioSocket.config();
    UUID id = UUID.randomUUID();
    try (AudioSocketServer.Expected expected = audioSocket.expect(id)) {
      String argument = id + "," + audioSocket.service();
      String callId = callId();
      Thread application =
          Thread.ofVirtual()
              .name("audiosocket-agi-" + callId)
              .start(() -> runAudioSocket(argument, callId, expected));
      AudioSocketServer.Connection connection;
      try {
        connection = expected.await(config.connectTimeout());
      } catch (ChannelFailedException e) {
        awaitExit(application);
        throw new ChannelFailedException(
            "no AudioSocket connection for call " + callId + ": " + e.getMessage(), e);
      }
      try {
        media =
            new AudioSocketMediaSession(
                callId,
                connection.socket(),
                connection.in(),
                InboundMedia.framesFor(config.inboundBuffer()),
                MediaClock.SYSTEM,
                () -> awaitExit(application));
        return media;
      } catch (IOException e) {
        closeQuietly(connection);
        awaitExit(application);
        throw new ChannelFailedException("cannot use the AudioSocket of call " + callId, e);
      }
    }
  }

  /** Closes media the handler left open (it failed, or forgot) so the channel is usable again. */
  void closeMedia() {
    if (media != null) {
      media.close();
    }
  }

  private void runAudioSocket(String argument, String callId, AudioSocketServer.Expected expected) {
    MDC.put("callId", callId);
    try {
      int result = channel.exec("AudioSocket", argument);
      log.debug("AudioSocket() on call {} returned {}", callId, result);
    } catch (AgiHangupException e) {
      log.debug("caller hung up during AudioSocket() on call {}", callId);
    } catch (AgiException e) {
      log.warn("AudioSocket() failed on call {}: {}", callId, e.getMessage());
    } finally {
      // Wakes openMedia() at once if the application ended before connecting (no-op afterwards).
      expected.fail("the AudioSocket() application ended before connecting");
      MDC.remove("callId");
    }
  }

  private void awaitExit(Thread application) {
    try {
      if (!application.join(APPLICATION_EXIT)) {
        log.warn(
            "{} still running after {}; the channel may not take commands",
            application.getName(),
            APPLICATION_EXIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(AudioSocketServer.Connection connection) {
    try {
      connection.socket().close();
    } catch (IOException e) {
      log.debug("closing an unused AudioSocket: {}", e.toString());
    }
  }

  private static void check(String value, Pattern pattern, String what) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new IllegalArgumentException("invalid " + what + " for an AGI command");
    }
  }

  private interface AgiAction {
    void run() throws AgiException;
  }

  private interface AgiCall<T> {
    T call() throws AgiException;
  }

  private void run(AgiAction action, String what) {
    call(
        () -> {
          action.run();
          return null;
        },
        what);
  }

  private <T> T call(AgiCall<T> action, String what) {
    if (media != null && !media.isClosed()) {
      // The channel is inside AudioSocket() or Dial(); an AGI command now would wait for it.
      throw new IllegalStateException(
          "close the media session of call " + callId() + " before " + what);
    }
    try {
      return action.call();
    } catch (AgiHangupException e) {
      throw new CallerHungUpException(callId(), e);
    } catch (AgiException e) {
      throw new ChannelFailedException(
          what + " failed on call " + callId() + ": " + e.getMessage(), e);
    }
  }
}
