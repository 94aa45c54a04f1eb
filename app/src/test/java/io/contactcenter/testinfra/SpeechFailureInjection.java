package io.contactcenter.testinfra;

import io.contactcenter.asrtts.AudioClip;
import io.contactcenter.asrtts.AudioEncoding;
import io.contactcenter.asrtts.RecognitionListener;
import io.contactcenter.asrtts.RecognitionOptions;
import io.contactcenter.asrtts.RecognitionStream;
import io.contactcenter.asrtts.SpeechRecognizer;
import io.contactcenter.asrtts.SpeechSynthesizer;
import io.contactcenter.asrtts.SynthesizedSpeech;
import io.contactcenter.asrtts.Transcript;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Failure injection, only in tests: the real MaryTTS synthesizer and Vosk recognizer, wrapped so
 * that a call can make them fail on purpose. Everything else on such a call is real.
 *
 * <ul>
 *   <li>Synthesizing a text that contains {@value #FAIL_TTS} throws, as a broken voice would. A
 *       robot call whose customer name is {@value #FAIL_TTS} loses its voice at the first prompt
 *       that names the customer.
 *   <li>Synthesizing a text that contains {@value #FAIL_ASR} marks the call being handled (the
 *       {@code callId} the pbx module puts in the MDC of the call's thread); from then on, a
 *       recognition stream opened on that call throws as soon as it has heard a word, as a crashed
 *       native recognizer would.
 * </ul>
 *
 * Texts without a marker pass through untouched, so every other test sees the real engines.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SpeechFailureInjection {

  /** A customer name that makes the synthesizer fail. */
  public static final String FAIL_TTS = "FAIL-TTS";

  /** A customer name that makes the recognizer fail once the callee speaks. */
  public static final String FAIL_ASR = "FAIL-ASR";

  private final Set<String> deafCalls = ConcurrentHashMap.newKeySet();

  @Bean
  @Primary
  SpeechSynthesizer failureInjectingSynthesizer(
      @Qualifier("speechSynthesizer") SpeechSynthesizer real) {
    return new SpeechSynthesizer() {
      @Override
      public SynthesizedSpeech synthesize(String text, String voice) {
        check(text);
        return real.synthesize(text, voice);
      }

      @Override
      public Path synthesizeToWav(String text, String voice) {
        check(text);
        return real.synthesizeToWav(text, voice);
      }

      @Override
      public void prerender(Collection<String> texts) {
        texts.forEach(this::check);
        real.prerender(texts);
      }

      private void check(String text) {
        if (text.contains(FAIL_TTS)) {
          throw new IllegalStateException("injected synthesizer failure");
        }
        String callId = MDC.get("callId");
        if (text.contains(FAIL_ASR) && callId != null) {
          deafCalls.add(callId);
        }
      }
    };
  }

  @Bean
  @Primary
  SpeechRecognizer failureInjectingRecognizer(
      @Qualifier("speechRecognizer") SpeechRecognizer real) {
    return new SpeechRecognizer() {
      @Override
      public RecognitionStream open(RecognitionOptions options) {
        return wrap(real.open(options));
      }

      @Override
      public RecognitionStream open(RecognitionOptions options, RecognitionListener listener) {
        return wrap(real.open(options, listener));
      }

      @Override
      public Transcript transcribe(AudioClip clip, RecognitionOptions options) {
        return real.transcribe(clip, options);
      }

      @Override
      public Set<String> languages() {
        return real.languages();
      }

      private RecognitionStream wrap(RecognitionStream stream) {
        String callId = MDC.get("callId");
        return callId != null && deafCalls.contains(callId) ? new FailingStream(stream) : stream;
      }
    };
  }

  /** Recognizes for real until the first word, then throws; closing still frees the real one. */
  private record FailingStream(RecognitionStream real) implements RecognitionStream {

    @Override
    public void accept(byte[] data, AudioEncoding encoding) {
      real.accept(data, encoding);
      if (!real.partialText().isBlank()) {
        throw new IllegalStateException("injected recognizer failure");
      }
    }

    @Override
    public boolean endOfSpeech() {
      return real.endOfSpeech();
    }

    @Override
    public Duration silenceAfterSpeech() {
      return real.silenceAfterSpeech();
    }

    @Override
    public String partialText() {
      return real.partialText();
    }

    @Override
    public Transcript finish() {
      return real.finish();
    }

    @Override
    public void close() {
      real.close();
    }
  }
}
