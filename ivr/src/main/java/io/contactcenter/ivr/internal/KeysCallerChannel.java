package io.contactcenter.ivr.internal;

import io.contactcenter.ivr.internal.domain.CallerInput;
import io.contactcenter.ivr.internal.domain.IvrStep;
import io.contactcenter.ivr.internal.domain.Prompt;
import io.contactcenter.pbx.ChannelSession;
import io.contactcenter.pbx.DtmfInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prompts as Asterisk sounds over FastAGI, answers by keys: every sound of a question can be
 * interrupted by a key (barge-in), and that key starts the answer. {@code digits:<variable>} says a
 * value digit by digit (SAY DIGITS cannot be interrupted).
 */
final class KeysCallerChannel implements CallerChannel {

  private static final String KEYS = "0123456789*#";
  // A short silence to collect keys after a prompt that cannot itself be interrupted.
  private static final String SILENCE = "silence/1";

  private final ChannelSession call;
  private final Duration inputTimeout;

  KeysCallerChannel(ChannelSession call, Duration inputTimeout) {
    this.call = call;
    this.inputTimeout = inputTimeout;
  }

  @Override
  public void say(Prompt prompt, Map<String, Object> values, String language) {
    for (String sound : prompt.sounds()) {
      String digits = digitsOf(sound, values);
      if (digits != null) {
        if (!digits.isEmpty()) {
          call.sayDigits(digits);
        }
      } else {
        call.play(sound);
      }
    }
  }

  private static String digitsOf(String sound, Map<String, Object> values) {
    if (!sound.startsWith("digits:")) {
      return null;
    }
    Object value = values.get(sound.substring("digits:".length()));
    return value == null ? "" : value.toString().replaceAll("[^0-9*#]", "");
  }

  @Override
  public CallerInput ask(IvrStep.Ask ask, String language) {
    List<String> sounds = new ArrayList<>(ask.prompt().sounds());
    String last = sounds.isEmpty() ? SILENCE : sounds.removeLast();
    for (String sound : sounds) {
      String digits = digitsOf(sound, ask.values());
      if (digits != null) {
        if (!digits.isEmpty()) {
          call.sayDigits(digits);
        }
        continue;
      }
      Optional<Character> key = call.playInterruptible(sound, KEYS);
      if (key.isPresent()) {
        return rest(key.get(), ask.maxDigits());
      }
    }
    String lastDigits = digitsOf(last, ask.values());
    if (lastDigits != null) {
      if (!lastDigits.isEmpty()) {
        call.sayDigits(lastDigits);
      }
      last = SILENCE;
    }
    DtmfInput input = call.collectDigits(last, ask.maxDigits(), inputTimeout);
    if (input.isEmpty()) {
      return new CallerInput.NoInput();
    }
    return new CallerInput.Keys(input.digits());
  }

  private CallerInput rest(char first, int maxDigits) {
    if (first == '#') {
      return new CallerInput.Keys("");
    }
    if (maxDigits == 1) {
      return new CallerInput.Keys(String.valueOf(first));
    }
    DtmfInput more = call.collectDigits(SILENCE, maxDigits - 1, inputTimeout);
    return new CallerInput.Keys(first + more.digits());
  }

  @Override
  public void close() {
    // Nothing held: every AGI command has finished when its method returns.
  }
}
