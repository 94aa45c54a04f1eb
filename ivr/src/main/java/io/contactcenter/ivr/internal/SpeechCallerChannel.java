package io.contactcenter.ivr.internal;

import io.contactcenter.asrtts.AudioEncoding;
import io.contactcenter.asrtts.PromptTemplate;
import io.contactcenter.asrtts.RecognitionOptions;
import io.contactcenter.asrtts.RecognitionStream;
import io.contactcenter.asrtts.SpeechRecognizer;
import io.contactcenter.asrtts.SpeechSynthesizer;
import io.contactcenter.asrtts.Transcript;
import io.contactcenter.ivr.internal.domain.CallerInput;
import io.contactcenter.ivr.internal.domain.IvrStep;
import io.contactcenter.ivr.internal.domain.Prompt;
import io.contactcenter.pbx.CallerHungUpException;
import io.contactcenter.pbx.ChannelSession;
import io.contactcenter.pbx.MediaEvent;
import io.contactcenter.pbx.MediaSession;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Prompts spoken from the flow's texts (the synthesizer picks the voice for the language), answers
 * by keys and by speech at once over the call's live media: the question's phrase grammar (plus
 * {@code [unk]}) makes anything else a no-match. The caller's first key or first recognized word
 * stops the prompt (barge-in).
 */
final class SpeechCallerChannel implements CallerChannel {

  private static final Duration FRAME_WAIT = Duration.ofMillis(40);

  private final ChannelSession call;
  private final SpeechSynthesizer tts;
  private final SpeechRecognizer asr;
  private final Duration inputTimeout;
  private MediaSession media;

  SpeechCallerChannel(
      ChannelSession call, SpeechSynthesizer tts, SpeechRecognizer asr, Duration inputTimeout) {
    this.call = call;
    this.tts = tts;
    this.asr = asr;
    this.inputTimeout = inputTimeout;
  }

  private MediaSession media() {
    if (media == null) {
      media = call.openMedia();
    }
    return media;
  }

  /** A prompt's text in a language with its values, worded for speaking. */
  static String render(Prompt prompt, Map<String, Object> values, String language) {
    String text = prompt.text(language);
    PromptTemplate template = PromptTemplate.of(text);
    Map<String, Object> used = new LinkedHashMap<>();
    for (String name : template.variables()) {
      Object value = values.get(name);
      if (value != null) {
        used.put(name, value);
      }
    }
    if (!"zh".equals(language)) {
      return template.render(used);
    }
    // PromptTemplate words values in English; a Chinese voice reads digits and dates as written.
    String out = text;
    for (Map.Entry<String, Object> e : used.entrySet()) {
      Object v = e.getValue();
      String said =
          v instanceof LocalDate d
              ? d.getMonthValue() + "月" + d.getDayOfMonth() + "日"
              : String.join(" ", v.toString().split(""));
      out =
          out.replaceAll(
              "\\{" + e.getKey() + "(:[a-z]+)?}", java.util.regex.Matcher.quoteReplacement(said));
    }
    return out;
  }

  @Override
  public void say(Prompt prompt, Map<String, Object> values, String language) {
    MediaSession m = media();
    m.play(tts.synthesize(render(prompt, values, language), null).pcm16le8k());
    while (m.isPlaying()) {
      Optional<MediaEvent> event = m.next(FRAME_WAIT);
      if (event.isPresent() && event.get() instanceof MediaEvent.Hangup) {
        throw new CallerHungUpException(call.callId(), null);
      }
    }
  }

  @Override
  public CallerInput ask(IvrStep.Ask ask, String language) {
    MediaSession m = media();
    m.play(tts.synthesize(render(ask.prompt(), ask.values(), language), null).pcm16le8k());
    RecognitionStream recognizer =
        ask.phrases().isEmpty()
            ? null
            : asr.open(
                RecognitionOptions.grammar(language, ask.phrases())
                    .withAlternatives(ask.alternatives()));
    try {
      StringBuilder keys = new StringBuilder();
      long deadline = Long.MAX_VALUE;
      while (true) {
        Optional<MediaEvent> event = m.next(FRAME_WAIT);
        if (event.isPresent()) {
          switch (event.get()) {
            case MediaEvent.Hangup h -> throw new CallerHungUpException(call.callId(), null);
            case MediaEvent.Dtmf dtmf -> {
              m.stopPlayback();
              if (dtmf.digit() == '#') {
                return new CallerInput.Keys(keys.toString());
              }
              keys.append(dtmf.digit());
              if (keys.length() >= ask.maxDigits()) {
                return new CallerInput.Keys(keys.toString());
              }
              deadline = System.nanoTime() + inputTimeout.toNanos();
            }
            case MediaEvent.Audio audio -> {
              if (recognizer != null && keys.isEmpty()) {
                recognizer.accept(audio.pcm(), AudioEncoding.PCM16_8K);
                if (m.isPlaying() && !recognizer.partialText().isBlank()) {
                  m.stopPlayback();
                }
                if (recognizer.endOfSpeech()) {
                  return speech(recognizer.finish());
                }
              }
            }
          }
        }
        if (deadline == Long.MAX_VALUE && !m.isPlaying()) {
          deadline = System.nanoTime() + inputTimeout.toNanos();
        }
        if (System.nanoTime() > deadline) {
          if (!keys.isEmpty()) {
            return new CallerInput.Keys(keys.toString());
          }
          if (recognizer != null && !recognizer.partialText().isBlank()) {
            // Still talking when the time ran out: what was said so far is the answer.
            return speech(recognizer.finish());
          }
          return new CallerInput.NoInput();
        }
      }
    } finally {
      if (recognizer != null) {
        recognizer.close();
      }
    }
  }

  private static CallerInput.Speech speech(Transcript heard) {
    return new CallerInput.Speech(heard.text(), heard.sharesByText());
  }

  @Override
  public void close() {
    if (media != null) {
      media.close();
      media = null;
    }
  }
}
