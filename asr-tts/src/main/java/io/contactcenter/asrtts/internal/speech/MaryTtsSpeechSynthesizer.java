package io.contactcenter.asrtts.internal.speech;

import io.contactcenter.asrtts.AudioClip;
import io.contactcenter.asrtts.SpeechSynthesizer;
import io.contactcenter.asrtts.SynthesizedSpeech;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import marytts.LocalMaryInterface;
import marytts.exceptions.MaryConfigurationException;
import marytts.exceptions.SynthesisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SpeechSynthesizer} on an embedded MaryTTS. MaryTTS is a process-wide singleton whose
 * interface keeps the current voice as state, so synthesis is serialized behind one lock; the cache
 * (memory LRU, then WAV files named by sha256 of voice and text) makes that rare. MaryTTS starts on
 * first use, which takes several seconds and is logged.
 */
final class MaryTtsSpeechSynthesizer implements SpeechSynthesizer {

  static final int TELEPHONY_RATE = 8000;
  static final int MAX_TEXT_LENGTH = 2000;
  private static final Logger log = LoggerFactory.getLogger(MaryTtsSpeechSynthesizer.class);

  private final Path cacheDir;
  private final String defaultVoice;
  private final Map<String, byte[]> memory;
  private final ReentrantLock engineLock = new ReentrantLock();
  private LocalMaryInterface mary;

  MaryTtsSpeechSynthesizer(Path cacheDir, String defaultVoice, int memoryEntries) {
    this.cacheDir = cacheDir;
    this.defaultVoice = defaultVoice;
    this.memory =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > memoryEntries;
          }
        };
  }

  @Override
  public SynthesizedSpeech synthesize(String text, String voice) {
    String v = voice == null ? defaultVoice : voice;
    String normalized = normalize(text);
    String key = key(v, normalized);
    byte[] pcm = fromMemory(key);
    if (pcm != null) {
      return speech(pcm, true);
    }
    Path file = wavPath(key);
    if (Files.isRegularFile(file)) {
      try {
        pcm = AudioClip.fromWav(Files.readAllBytes(file)).pcm16le();
        remember(key, pcm);
        return speech(pcm, true);
      } catch (IOException | IllegalArgumentException e) {
        log.warn("unreadable TTS cache file {}; rendering it again", file, e);
      }
    }
    pcm = render(normalized, v);
    store(file, pcm);
    remember(key, pcm);
    return speech(pcm, false);
  }

  @Override
  public Path synthesizeToWav(String text, String voice) {
    String v = voice == null ? defaultVoice : voice;
    Path file = wavPath(key(v, normalize(text)));
    SynthesizedSpeech speech = synthesize(text, voice);
    if (!Files.isRegularFile(file)) {
      // Someone cleaned the cache folder while the prompt was still in memory.
      store(file, speech.pcm16le8k());
    }
    return file.toAbsolutePath();
  }

  @Override
  public void prerender(Collection<String> texts) {
    for (String text : texts) {
      synthesize(text, null);
    }
  }

  /** The installed voices; starts MaryTTS. */
  Set<String> voices() {
    engineLock.lock();
    try {
      return PlatformThreads.call("marytts", () -> new TreeSet<>(engine().getAvailableVoices()));
    } finally {
      engineLock.unlock();
    }
  }

  private byte[] render(String text, String voice) {
    engineLock.lock();
    try {
      // MaryTTS loads resources from the application jar as it starts and speaks: never on a
      // virtual thread (see PlatformThreads).
      return PlatformThreads.call("marytts", () -> renderNow(text, voice));
    } finally {
      engineLock.unlock();
    }
  }

  /** Called on the engine's platform thread with the engine lock held. */
  private byte[] renderNow(String text, String voice) {
    try {
      LocalMaryInterface engine = engine();
      Set<String> voices = engine.getAvailableVoices();
      if (!voices.contains(voice)) {
        throw new IllegalArgumentException(
            "voice '" + voice + "' is not installed; installed: " + new TreeSet<>(voices));
      }
      engine.setVoice(voice);
      try (AudioInputStream audio = engine.generateAudio(text)) {
        return toTelephony(audio);
      }
    } catch (SynthesisException e) {
      throw new IllegalStateException("MaryTTS could not speak the text", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read MaryTTS audio", e);
    }
  }

  /** Starts MaryTTS on first use; called on the engine's platform thread with the lock held. */
  private LocalMaryInterface engine() {
    if (mary == null) {
      log.info("starting MaryTTS (first use: takes several seconds)");
      long started = System.nanoTime();
      try {
        mary = new LocalMaryInterface();
      } catch (MaryConfigurationException e) {
        throw new IllegalStateException("MaryTTS did not start", e);
      }
      log.info(
          "MaryTTS started in {} ms with voices {}",
          (System.nanoTime() - started) / 1_000_000,
          mary.getAvailableVoices());
    }
    return mary;
  }

  /** Converts MaryTTS output (16 or 48 kHz, 16-bit) to 8 kHz 16-bit mono little-endian. */
  static byte[] toTelephony(AudioInputStream audio) throws IOException {
    AudioFormat format = audio.getFormat();
    if (format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED
        || format.getSampleSizeInBits() != 16) {
      throw new IllegalStateException("unexpected MaryTTS audio format " + format);
    }
    byte[] raw = readFully(audio);
    int channels = format.getChannels();
    ByteBuffer in =
        ByteBuffer.wrap(raw)
            .order(format.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    short[] mono = new short[raw.length / (2 * channels)];
    for (int i = 0; i < mono.length; i++) {
      int sum = 0;
      for (int c = 0; c < channels; c++) {
        sum += in.getShort((i * channels + c) * 2);
      }
      mono[i] = (short) (sum / channels);
    }
    short[] out = Resampler.resample(mono, Math.round(format.getSampleRate()), TELEPHONY_RATE);
    return VoskSpeechRecognizer.toBytes(out);
  }

  /**
   * Reads to the end. Not {@code readAllBytes()}: MaryTTS's audio streams return 0 from {@code
   * read} when a block boundary is reached, which {@code readAllBytes()} takes for the end.
   */
  private static byte[] readFully(AudioInputStream audio) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[16384];
    int zeroReads = 0;
    int n;
    while ((n = audio.read(buffer, 0, buffer.length)) != -1) {
      if (n == 0 && ++zeroReads > 1000) {
        throw new IOException("MaryTTS audio stream stalled");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private synchronized byte[] fromMemory(String key) {
    return memory.get(key);
  }

  private synchronized void remember(String key, byte[] pcm) {
    memory.put(key, pcm);
  }

  private void store(Path file, byte[] pcm) {
    try {
      Files.createDirectories(cacheDir);
      Path temp = Files.createTempFile(cacheDir, ".tts-", ".wav.tmp");
      try {
        Files.write(temp, Wav.write(pcm, TELEPHONY_RATE));
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      // The prompt still plays from memory; only the disk cache is lost.
      log.warn("cannot write TTS cache file {}", file, e);
    }
  }

  private Path wavPath(String key) {
    return cacheDir.resolve(key + ".wav");
  }

  private static SynthesizedSpeech speech(byte[] pcm, boolean cached) {
    return new SynthesizedSpeech(
        pcm.clone(), Duration.ofMillis(pcm.length / 2 * 1000L / TELEPHONY_RATE), cached);
  }

  private static String normalize(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("text to speak is empty");
    }
    String t = text.strip().replaceAll("\\s+", " ");
    if (t.length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException(
          "text to speak is longer than " + MAX_TEXT_LENGTH + " characters");
    }
    return t;
  }

  static String key(String voice, String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(voice.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
