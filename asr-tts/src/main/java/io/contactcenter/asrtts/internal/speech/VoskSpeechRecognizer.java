package io.contactcenter.asrtts.internal.speech;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.asrtts.AudioClip;
import io.contactcenter.asrtts.AudioEncoding;
import io.contactcenter.asrtts.AudioTooLargeException;
import io.contactcenter.asrtts.RecognitionListener;
import io.contactcenter.asrtts.RecognitionOptions;
import io.contactcenter.asrtts.RecognitionStream;
import io.contactcenter.asrtts.SpeechRecognizer;
import io.contactcenter.asrtts.Transcript;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.util.unit.DataSize;
import org.vosk.Model;

/**
 * {@link SpeechRecognizer} on Vosk: the models are shared, each stream gets its own native
 * recognizer at speech onset (a warm one from the pool when one is idle), handed back when the
 * utterance ends or the stream closes.
 */
final class VoskSpeechRecognizer implements SpeechRecognizer {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TRANSCRIBE_CHUNK_MS = 100;

  private final VoskModels models;
  private final SpeechProperties properties;
  private final AtomicInteger openStreams = new AtomicInteger();

  VoskSpeechRecognizer(VoskModels models, SpeechProperties properties) {
    this.models = models;
    this.properties = properties;
  }

  @Override
  public RecognitionStream open(RecognitionOptions options) {
    return open(options, null);
  }

  @Override
  public RecognitionStream open(RecognitionOptions options, RecognitionListener listener) {
    // Resolve the model now: an unknown language fails here, not at the caller's first word.
    Model model = models.model(options.language());
    List<String> phrases = normalize(options.phrases());
    String grammar = phrases.isEmpty() ? null : grammarJson(phrases);
    VoskRecognitionStream stream =
        new VoskRecognitionStream(
            () -> models.decoders().acquire(model, phrases, grammar, options.alternatives()),
            // Each stream follows its own line's noise floor.
            new AdaptiveVoiceActivityDetector(
                properties.vadThreshold(), properties.vadNoiseMargin()),
            listener,
            orDefault(options.trailingSilence(), properties.trailingSilence()),
            orDefault(options.maxUtterance(), properties.maxUtterance()),
            properties.maxAudioDuration(),
            properties.noiseSuppressionFloor(),
            openStreams::decrementAndGet);
    openStreams.incrementAndGet();
    return stream;
  }

  /**
   * Streams opened and not yet closed. Each may hold a native recognizer, so a number that only
   * grows is a leak (published as the gauge {@code cc.asrtts.recognizers.open}).
   */
  int openStreams() {
    return openStreams.get();
  }

  @Override
  public Transcript transcribe(AudioClip clip, RecognitionOptions options) {
    if (clip.pcm16le().length > properties.maxAudioBytes().toBytes()) {
      throw new AudioTooLargeException(
          "audio of "
              + clip.pcm16le().length
              + " bytes is larger than the limit of "
              + describe(properties.maxAudioBytes()));
    }
    if (clip.duration().compareTo(properties.maxAudioDuration()) > 0) {
      throw new AudioTooLargeException(
          "audio of "
              + clip.duration().toSeconds()
              + " s is longer than the limit of "
              + properties.maxAudioDuration().toSeconds()
              + " s");
    }
    byte[] pcm = clip.pcm16le();
    AudioEncoding encoding;
    if (clip.sampleRate() == 8000) {
      encoding = AudioEncoding.PCM16_8K;
    } else {
      encoding = AudioEncoding.PCM16_16K;
      if (clip.sampleRate() != 16000) {
        pcm = toBytes(Resampler.resample(toShorts(pcm), clip.sampleRate(), 16000));
      }
    }
    // A whole clip may hold pauses: unless asked otherwise, take it as one utterance to its end.
    RecognitionOptions wholeClip =
        new RecognitionOptions(
            options.language(),
            options.phrases(),
            options.trailingSilence() == null ? Duration.ofSeconds(10) : options.trailingSilence(),
            options.maxUtterance() == null ? Duration.ofMinutes(5) : options.maxUtterance(),
            options.alternatives());
    int chunk = encoding.sampleRate() * 2 * TRANSCRIBE_CHUNK_MS / 1000;
    try (RecognitionStream stream = open(wholeClip)) {
      for (int i = 0; i < pcm.length && !stream.endOfSpeech(); i += chunk) {
        int length = Math.min(chunk, pcm.length - i);
        byte[] part = new byte[length];
        System.arraycopy(pcm, i, part, 0, length);
        stream.accept(part, encoding);
      }
      return stream.finish().withAudioDuration(clip.duration());
    }
  }

  @Override
  public Set<String> languages() {
    return models.languages();
  }

  static List<String> normalize(List<String> phrases) {
    List<String> out = new ArrayList<>();
    for (String phrase : phrases) {
      String p = phrase.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      if (!p.isEmpty() && !out.contains(p)) {
        out.add(p);
      }
    }
    if (!out.isEmpty() && !out.contains("[unk]")) {
      out.add("[unk]");
    }
    return List.copyOf(out);
  }

  static String grammarJson(List<String> phrases) {
    try {
      return JSON.writeValueAsString(phrases);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a grammar", e);
    }
  }

  private static String describe(DataSize size) {
    long bytes = size.toBytes();
    if (bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
  }

  private static Duration orDefault(Duration value, Duration fallback) {
    return value == null ? fallback : value;
  }

  static short[] toShorts(byte[] pcm16le) {
    short[] out = new short[pcm16le.length / 2];
    ByteBuffer.wrap(pcm16le).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(out);
    return out;
  }

  static byte[] toBytes(short[] samples) {
    ByteBuffer out = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    out.asShortBuffer().put(samples);
    return out.array();
  }
}
