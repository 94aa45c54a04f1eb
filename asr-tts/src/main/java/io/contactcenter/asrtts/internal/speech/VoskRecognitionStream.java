package io.contactcenter.asrtts.internal.speech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.asrtts.AudioEncoding;
import io.contactcenter.asrtts.AudioTooLargeException;
import io.contactcenter.asrtts.RecognitionListener;
import io.contactcenter.asrtts.RecognitionStream;
import io.contactcenter.asrtts.Transcript;
import io.contactcenter.common.G711;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One utterance: splits the audio into 20 ms frames, gates them with the stream's own adaptive
 * energy VAD (which follows this line's noise floor; keeping {@value #PRE_ROLL_FRAMES} frames of
 * pre-roll), upsamples 8 kHz audio to the model's 16 kHz and feeds the decoder only from the speech
 * onset to the end of the utterance. The decoder is created (or taken from a pool) at the onset, so
 * silence costs neither CPU nor native memory, and given back as soon as the utterance ends. Audio
 * reaches the decoder in blocks of {@value #FEED_MS} ms: each call makes Vosk advance its search
 * and update its silence weights once, so 20 ms calls cost noticeably more CPU for the same audio.
 */
final class VoskRecognitionStream implements RecognitionStream {

  static final int FRAME_MS = 20;
  static final int PRE_ROLL_FRAMES = 15;

  /** Consecutive loud frames that make an onset: a click or a pop is shorter. */
  static final int ONSET_FRAMES = 2;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PARTIAL_EVERY_FRAMES = 10;

  /** Silence the decoder needs after the last word to finish it. */
  static final long TRAILING_PAD_MS = 300;

  /** Audio handed to the decoder per call; also the most a partial result lags behind. */
  static final int FEED_MS = 100;

  private static final int FEED_SAMPLES = (int) VoskDecoder.SAMPLE_RATE * FEED_MS / 1000;

  private final Supplier<Decoder> decoderFactory;
  private final AdaptiveVoiceActivityDetector vad;
  private final RecognitionListener listener;
  private final long trailingSilenceMs;
  private final long maxUtteranceMs;
  private final long maxAudioMs;
  private final Runnable onClose;
  private final double noiseFloorDb;
  private NoiseSuppressor suppressor;

  private final ArrayDeque<short[]> preRoll = new ArrayDeque<>();
  private final List<Transcript.Word> words = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();

  /** The text before the last segment Vosk returned alternatives for, and those alternatives. */
  private String textBeforeAlternatives = "";

  private List<Transcript.Alternative> lastAlternatives;

  private AudioEncoding encoding;
  private short[] frame;
  private int frameFill;
  private int pendingByte = -1;
  private long framesSeen;
  private int loudRun;
  private long onsetFrame = -1;
  private long decodeStartFrame;
  private long silenceMs;
  private long decodedFrames;
  private Decoder decoder;
  private Resampler upsampler;
  private short[] pending = new short[FEED_SAMPLES + 640];
  private int pendingCount;
  private String partial = "";
  private Transcript transcript;
  private boolean closed;

  VoskRecognitionStream(
      Supplier<Decoder> decoderFactory,
      AdaptiveVoiceActivityDetector vad,
      RecognitionListener listener,
      Duration trailingSilence,
      Duration maxUtterance,
      Duration maxAudio) {
    this(decoderFactory, vad, listener, trailingSilence, maxUtterance, maxAudio, 0, () -> {});
  }

  /**
   * As above; {@code onClose} runs once, when the stream is first closed. A {@code noiseFloorDb}
   * below 0 puts a {@link NoiseSuppressor} with that gain floor in front of the voice activity
   * detector and the decoder; 0 leaves the audio as it comes.
   */
  VoskRecognitionStream(
      Supplier<Decoder> decoderFactory,
      AdaptiveVoiceActivityDetector vad,
      RecognitionListener listener,
      Duration trailingSilence,
      Duration maxUtterance,
      Duration maxAudio,
      double noiseFloorDb,
      Runnable onClose) {
    this.decoderFactory = decoderFactory;
    this.noiseFloorDb = noiseFloorDb;
    this.onClose = onClose;
    this.vad = vad;
    this.listener = listener;
    this.trailingSilenceMs = trailingSilence.toMillis();
    this.maxUtteranceMs = maxUtterance.toMillis();
    this.maxAudioMs = maxAudio.toMillis();
  }

  @Override
  public void accept(byte[] data, AudioEncoding encoding) {
    if (closed) {
      throw new IllegalStateException("recognition stream is closed");
    }
    if (this.encoding == null) {
      this.encoding = encoding;
      this.frame = new short[encoding.sampleRate() * FRAME_MS / 1000];
    } else if (this.encoding != encoding) {
      throw new IllegalArgumentException(
          "stream started as " + this.encoding + " and cannot switch to " + encoding);
    }
    short[] samples = samples(data, encoding);
    if (noiseFloorDb < 0) {
      if (suppressor == null) {
        suppressor = new NoiseSuppressor(encoding.sampleRate(), noiseFloorDb);
      }
      samples = suppressor.accept(samples);
    }
    for (short sample : samples) {
      push(sample);
    }
  }

  private short[] samples(byte[] data, AudioEncoding encoding) {
    return switch (encoding) {
      case ULAW_8K -> {
        short[] out = new short[data.length];
        for (int i = 0; i < data.length; i++) {
          out[i] = G711.ulawToLinear(data[i]);
        }
        yield out;
      }
      case ALAW_8K -> {
        short[] out = new short[data.length];
        for (int i = 0; i < data.length; i++) {
          out[i] = G711.alawToLinear(data[i]);
        }
        yield out;
      }
      case PCM16_8K, PCM16_16K -> {
        short[] out = new short[(data.length + (pendingByte >= 0 ? 1 : 0)) / 2];
        int n = 0;
        int i = 0;
        if (pendingByte >= 0 && data.length > 0) {
          out[n++] = (short) (pendingByte | (data[0] << 8));
          pendingByte = -1;
          i = 1;
        }
        for (; i + 1 < data.length; i += 2) {
          out[n++] = (short) ((data[i] & 0xFF) | (data[i + 1] << 8));
        }
        if (i < data.length) {
          pendingByte = data[i] & 0xFF;
        }
        yield Arrays.copyOf(out, n);
      }
    };
  }

  private void push(short sample) {
    frame[frameFill++] = sample;
    if (frameFill == frame.length) {
      frameFill = 0;
      onFrame(frame.clone());
    }
  }

  private void onFrame(short[] samples) {
    framesSeen++;
    if (framesSeen * FRAME_MS > maxAudioMs) {
      throw new AudioTooLargeException(
          "audio is longer than the limit of " + maxAudioMs / 1000 + " s for one recognition");
    }
    if (transcript != null) {
      return;
    }
    boolean loud = vad.isSpeech(samples, 0, samples.length);
    if (onsetFrame < 0) {
      preRoll.addLast(samples);
      if (preRoll.size() > PRE_ROLL_FRAMES) {
        preRoll.removeFirst();
      }
      loudRun = loud ? loudRun + 1 : 0;
      if (loudRun >= ONSET_FRAMES) {
        onsetFrame = framesSeen - ONSET_FRAMES;
        decodeStartFrame = framesSeen - preRoll.size() - leadingPadFrames();
        startDecoding();
      }
      return;
    }
    decode(samples);
    silenceMs = loud ? 0 : silenceMs + FRAME_MS;
    long utteranceMs = (framesSeen - onsetFrame) * FRAME_MS;
    if (silenceMs >= trailingSilenceMs || utteranceMs >= maxUtteranceMs) {
      end();
    }
  }

  private void startDecoding() {
    decoder = decoderFactory.get();
    if (encoding.sampleRate() != (int) VoskDecoder.SAMPLE_RATE) {
      upsampler = new Resampler(encoding.sampleRate(), (int) VoskDecoder.SAMPLE_RATE);
    }
    // Audio that starts with speech (a clip cut tight, barge-in) gives the decoder no silence to
    // settle on, and it then mangles the first word: quiet padding stands in for the missing
    // pre-roll.
    queue(quiet(leadingPadFrames() * FEED_SAMPLES / (FEED_MS / FRAME_MS)));
    while (!preRoll.isEmpty()) {
      decode(preRoll.removeFirst());
    }
  }

  /** Frames of padding that make the pre-roll whole when the audio began with speech. */
  private int leadingPadFrames() {
    return PRE_ROLL_FRAMES - preRoll.size();
  }

  /**
   * Near-silence at the decoder's rate: a faint deterministic hiss rather than digital zeros, whose
   * log energy a Kaldi front end would floor.
   */
  private static short[] quiet(int samples) {
    short[] out = new short[samples];
    int state = 0x2545F491;
    for (int i = 0; i < samples; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      out[i] = (short) (state % 3);
    }
    return out;
  }

  private void decode(short[] samples) {
    decodedFrames++;
    short[] input = upsampler == null ? samples : upsampler.process(samples, 0, samples.length);
    queue(input);
    if (pendingCount >= FEED_SAMPLES) {
      feedPending();
    }
    if (listener != null && decodedFrames % PARTIAL_EVERY_FRAMES == 0) {
      String now = partialText();
      if (!now.isEmpty()) {
        listener.onPartial(now);
      }
    }
  }

  private void queue(short[] input) {
    if (pendingCount + input.length > pending.length) {
      pending = Arrays.copyOf(pending, pendingCount + input.length);
    }
    System.arraycopy(input, 0, pending, pendingCount, input.length);
    pendingCount += input.length;
  }

  /**
   * Feeds the queued audio. An utterance boundary Vosk finds itself is taken (its words collected,
   * the decoder going on from there) only where this stream's VAD also hears a pause of at least
   * {@value #TRAILING_PAD_MS} ms: Vosk's endpointer follows its own silence model, which takes a
   * weak word ("six", "two" of a digit string, a quiet syllable) for silence, and a boundary there
   * restarts its search in the middle of speech, losing the words on either side (issue 11: a
   * spoken order number lost a digit in about one call in eight this way). Not taken, the decoder
   * goes on with the same utterance and reports the boundary again once the caller has paused.
   */
  private void feedPending() {
    int length = pendingCount;
    pendingCount = 0;
    if (length > 0 && decoder.accept(pending, length) && silenceMs >= TRAILING_PAD_MS) {
      collect(decoder.result());
      partial = "";
    }
  }

  private void end() {
    try {
      if (decoder != null) {
        if (upsampler != null) {
          queue(upsampler.flush());
        }
        if (silenceMs < TRAILING_PAD_MS) {
          // The audio stopped mid-speech or just after it (a clip cut tight, a hang-up): without
          // some silence after it the decoder cuts or mangles the last word.
          queue(quiet((int) (TRAILING_PAD_MS - silenceMs) * FEED_SAMPLES / FEED_MS));
        }
        feedPending();
        collect(decoder.finalResult());
      }
      double confidence =
          words.stream().mapToDouble(Transcript.Word::confidence).average().orElse(0);
      transcript =
          new Transcript(
              text.toString(),
              words,
              Math.max(0, Math.min(1, confidence)),
              audioDuration(),
              alternatives());
    } finally {
      releaseDecoder();
    }
    if (listener != null) {
      listener.onEndOfSpeech(transcript);
    }
  }

  private void collect(String json) {
    JsonNode result;
    try {
      result = JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("Vosk returned unreadable JSON", e);
    }
    double offset = decodeStartFrame * FRAME_MS / 1000.0 - decoder.timeOrigin();
    if (result.has("alternatives")) {
      NBestSegment segment = NBestSegment.parse(result.path("alternatives"), offset);
      textBeforeAlternatives = text.toString();
      lastAlternatives = segment.alternatives();
      segment.words().forEach(this::append);
      return;
    }
    for (JsonNode w : result.path("result")) {
      word(w, offset, w.path("conf").asDouble(1)).ifPresent(this::append);
    }
  }

  /**
   * A word of a Vosk result, its decoder times moved by {@code offset} seconds to count from the
   * stream start, with {@code confidence} kept within 0..1; empty for an unknown word.
   */
  static Optional<Transcript.Word> word(JsonNode w, double offset, double confidence) {
    String word = w.path("word").asText();
    if (word.isEmpty() || word.equals("[unk]")) {
      return Optional.empty();
    }
    return Optional.of(
        new Transcript.Word(
            word,
            // A word heard in the leading padding began with the audio itself.
            seconds(Math.max(0, offset + w.path("start").asDouble())),
            seconds(Math.max(0, offset + w.path("end").asDouble())),
            Math.max(0, Math.min(1, confidence))));
  }

  private void append(Transcript.Word word) {
    words.add(word);
    if (!text.isEmpty()) {
      text.append(' ');
    }
    text.append(word.word());
  }

  /**
   * The n best transcripts of the whole utterance: the last segment's alternatives after the words
   * of the segments before it (an endpoint Vosk found inside the reply); empty without
   * alternatives.
   */
  private List<Transcript.Alternative> alternatives() {
    if (lastAlternatives == null) {
      return List.of();
    }
    List<Transcript.Alternative> out = new ArrayList<>();
    for (Transcript.Alternative a : lastAlternatives) {
      out.add(
          new Transcript.Alternative((textBeforeAlternatives + " " + a.text()).strip(), a.score()));
    }
    if (out.isEmpty() && !text.isEmpty()) {
      out.add(new Transcript.Alternative(text.toString(), 0));
    }
    return out;
  }

  @Override
  public boolean endOfSpeech() {
    return transcript != null;
  }

  @Override
  public Duration silenceAfterSpeech() {
    return transcript != null || onsetFrame < 0 ? Duration.ZERO : Duration.ofMillis(silenceMs);
  }

  @Override
  public String partialText() {
    if (transcript != null) {
      return transcript.text();
    }
    if (decoder == null) {
      return text.toString();
    }
    try {
      String hypothesis = JSON.readTree(decoder.partialResult()).path("partial").asText("");
      hypothesis = hypothesis.replace("[unk]", "").strip().replaceAll("\\s+", " ");
      partial = hypothesis;
    } catch (IOException e) {
      throw new UncheckedIOException("Vosk returned unreadable JSON", e);
    }
    if (text.isEmpty()) {
      return partial;
    }
    return partial.isEmpty() ? text.toString() : text + " " + partial;
  }

  @Override
  public Transcript finish() {
    if (closed && transcript == null) {
      throw new IllegalStateException("recognition stream is closed");
    }
    if (transcript == null) {
      if (suppressor != null) {
        // The suppressor holds back its last few milliseconds until it has a whole window.
        for (short sample : suppressor.flush()) {
          if (transcript == null) {
            push(sample);
          }
        }
      }
      if (transcript != null) {
        return transcript;
      }
      if (onsetFrame < 0) {
        transcript = Transcript.silence(audioDuration());
        preRoll.clear();
      } else {
        end();
      }
    }
    return transcript;
  }

  /** Frames handed to the decoder: the VAD's saving shows here. */
  long decodedFrames() {
    return decodedFrames;
  }

  private Duration audioDuration() {
    if (encoding == null) {
      return Duration.ZERO;
    }
    long samples = framesSeen * frame.length + frameFill;
    return Duration.ofNanos(samples * 1_000_000_000L / encoding.sampleRate());
  }

  private static Duration seconds(double s) {
    return Duration.ofNanos(Math.round(s * 1e9));
  }

  private void releaseDecoder() {
    if (decoder != null) {
      Decoder d = decoder;
      decoder = null;
      d.close();
    }
  }

  @Override
  public void close() {
    boolean wasOpen = !closed;
    closed = true;
    preRoll.clear();
    releaseDecoder();
    if (wasOpen) {
      onClose.run();
    }
  }
}
