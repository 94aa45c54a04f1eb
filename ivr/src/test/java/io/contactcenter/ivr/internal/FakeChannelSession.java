package io.contactcenter.ivr.internal;

import io.contactcenter.pbx.CallerHungUpException;
import io.contactcenter.pbx.ChannelSession;
import io.contactcenter.pbx.DtmfInput;
import io.contactcenter.pbx.MediaSession;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scripted call: returns the queued DTMF inputs in order and records every operation as a line
 * such as {@code "play hello-world"}. When the script runs out of inputs the caller "hangs up".
 */
final class FakeChannelSession implements ChannelSession {

  private final String callId;
  private final Deque<DtmfInput> inputs;
  private final List<String> operations = new ArrayList<>();
  private final Map<String, String> variables = new HashMap<>();
  private String callerNumber = "4930123456";
  private MediaSession media;

  FakeChannelSession(String callId, DtmfInput... inputs) {
    this.callId = callId;
    this.inputs = new ArrayDeque<>(List.of(inputs));
  }

  static DtmfInput keyed(String digits) {
    return new DtmfInput(digits, false);
  }

  static DtmfInput timedOut(String digits) {
    return new DtmfInput(digits, true);
  }

  List<String> operations() {
    return List.copyOf(operations);
  }

  @Override
  public String callId() {
    return callId;
  }

  /** The caller id the call reports. */
  void caller(String number) {
    this.callerNumber = number;
  }

  @Override
  public String callerNumber() {
    return callerNumber;
  }

  @Override
  public String dialedNumber() {
    return "800";
  }

  @Override
  public Optional<String> attemptId() {
    return Optional.empty();
  }

  @Override
  public void answer() {
    operations.add("answer");
  }

  @Override
  public void play(String sound) {
    operations.add("play " + sound);
  }

  @Override
  public Optional<Character> playInterruptible(String sound, String escapeDigits) {
    operations.add("playInterruptible " + sound + " " + escapeDigits);
    return Optional.empty();
  }

  @Override
  public void sayDigits(String digits) {
    operations.add("sayDigits " + digits);
  }

  @Override
  public void sayNumber(long number) {
    operations.add("sayNumber " + number);
  }

  @Override
  public DtmfInput collectDigits(String prompt, int maxDigits, Duration timeout) {
    operations.add(
        "collectDigits " + prompt + " max " + maxDigits + " timeout " + timeout.toSeconds() + "s");
    if (inputs.isEmpty()) {
      throw new CallerHungUpException(callId, null);
    }
    return inputs.removeFirst();
  }

  @Override
  public void record(String fileName, Duration maxDuration) {
    operations.add("record " + fileName);
  }

  @Override
  public void setVariable(String name, String value) {
    operations.add("setVariable " + name + "=" + value);
    variables.put(name, value);
  }

  @Override
  public Optional<String> getVariable(String name) {
    return Optional.ofNullable(variables.get(name));
  }

  @Override
  public void transferToQueue(String queue) {
    operations.add("transferToQueue " + queue);
  }

  @Override
  public void transferTo(String context, String extension) {
    operations.add("transferTo " + context + " " + extension);
  }

  @Override
  public void hangup() {
    operations.add("hangup");
  }

  /** The live media {@link #openMedia()} returns (the speech transport's tests). */
  void media(MediaSession media) {
    this.media = media;
  }

  @Override
  public MediaSession openMedia() {
    if (media == null) {
      throw new UnsupportedOperationException("this call has no live media");
    }
    operations.add("openMedia");
    return media;
  }
}
