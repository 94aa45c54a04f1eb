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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import marytts.LocalMaryInterface;
import marytts.exceptions.MaryConfigurationException;
import marytts.exceptions.SynthesisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SpeechSynthesizer} on an embedded MaryTTS. MaryTTS's runtime is a process-wide singleton,
 * started once on first use (several seconds, logged); each of up to {@code engines} interfaces on
 * it keeps its own voice and speaks one text at a time, so that many prompts are synthesized at
 * once (the MaryTTS server serves concurrent requests the same way). Prompts with a call's own
 * values (name, amount, order number) cannot come from the cache, and with one engine the calls of
 * a busy campaign queued behind each other for it. The cache (memory LRU, then WAV files named by
 * sha256 of voice and text) serves every repeated prompt; a text being synthesized when a second
 * caller asks for it is waited for, not synthesized twice.
 */
final class MaryTtsSpeechSynthesizer implements SpeechSynthesizer {

  static final int TELEPHONY_RATE = 8000;
  static final int MAX_TEXT_LENGTH = 2000;
  private static final Logger log = LoggerFactory.getLogger(MaryTtsSpeechSynthesizer.class);

  private final Path cacheDir;
  private final String defaultVoice;
  private final String chineseVoice;
  private final EspeakNgVoice espeakNg;
  private final Map<String, byte[]> memory;
  private final int engines;
  private final ReentrantLock startLock = new ReentrantLock();
  private final BlockingQueue<LocalMaryInterface> idle = new LinkedBlockingQueue<>();
  private final Map<String, CompletableFuture<byte[]>> rendering = new ConcurrentHashMap<>();
  private final AtomicLong renders = new AtomicLong();
  private int started;

  MaryTtsSpeechSynthesizer(Path cacheDir, String defaultVoice, int memoryEntries) {
    this(cacheDir, defaultVoice, memoryEntries, 1);
  }

  MaryTtsSpeechSynthesizer(Path cacheDir, String defaultVoice, int memoryEntries, int engines) {
    this(
        cacheDir,
        defaultVoice,
        memoryEntries,
        engines,
        SpeechProperties.DEFAULT_CHINESE_VOICE,
        new EspeakNgVoice("espeak-ng"));
  }

  /**
   * @param engines texts synthesized at the same time, at least 1
   * @param chineseVoice the voice of texts with Chinese characters when none is asked for
   * @param espeakNg speaks the {@code espeak-ng:} voices
   */
  MaryTtsSpeechSynthesizer(
      Path cacheDir,
      String defaultVoice,
      int memoryEntries,
      int engines,
      String chineseVoice,
      EspeakNgVoice espeakNg) {
    if (engines < 1) {
      throw new IllegalArgumentException("engines must be at least 1, was " + engines);
    }
    this.engines = engines;
    this.cacheDir = cacheDir;
    this.defaultVoice = defaultVoice;
    this.chineseVoice = chineseVoice;
    this.espeakNg = espeakNg;
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
    String v = voiceFor(text, voice);
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
    CompletableFuture<byte[]> mine = new CompletableFuture<>();
    CompletableFuture<byte[]> running = rendering.putIfAbsent(key, mine);
    if (running != null) {
      // Another call (or the prerendering of this one) is synthesizing the same text.
      return speech(await(running), false);
    }
    try {
      pcm = fromMemory(key);
      if (pcm == null) {
        pcm = render(normalized, v);
        store(file, pcm);
        remember(key, pcm);
      }
      mine.complete(pcm);
      return speech(pcm, false);
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      rendering.remove(key, mine);
    }
  }

  /**
   * The voice asked for, or the default for the text: MaryTTS has no Chinese voice and would spell
   * Chinese characters out as nothing, so a text with them goes to the Chinese voice.
   */
  String voiceFor(String text, String voice) {
    if (voice != null) {
      return voice;
    }
    return EspeakNgVoice.hasHan(text) ? chineseVoice : defaultVoice;
  }

  private static byte[] await(CompletableFuture<byte[]> rendering) {
    try {
      return rendering.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }

  @Override
  public Path synthesizeToWav(String text, String voice) {
    String v = voiceFor(text, voice);
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
    LocalMaryInterface engine = borrow();
    try {
      Set<String> voices =
          PlatformThreads.call("marytts", () -> new TreeSet<>(engine.getAvailableVoices()));
      if (EspeakNgVoice.isEspeakNg(chineseVoice) && espeakNg.installed()) {
        voices.add(chineseVoice);
      }
      return voices;
    } finally {
      idle.add(engine);
    }
  }

  /** How many texts MaryTTS synthesized (not served from a cache or a running synthesis). */
  long renders() {
    return renders.get();
  }

  /** How many MaryTTS interfaces were started. */
  int enginesStarted() {
    startLock.lock();
    try {
      return started;
    } finally {
      startLock.unlock();
    }
  }

  private byte[] render(String text, String voice) {
    renders.incrementAndGet();
    if (EspeakNgVoice.isEspeakNg(voice)) {
      return espeakNg.render(text, voice);
    }
    LocalMaryInterface engine = borrow();
    try {
      // MaryTTS loads resources from the application jar as it starts and speaks: never on a
      // virtual thread (see PlatformThreads).
      return PlatformThreads.call("marytts", () -> renderNow(engine, text, voice));
    } finally {
      idle.add(engine);
    }
  }

  /** An engine of its own for the caller: an idle one, a new one, or the next one freed. */
  private LocalMaryInterface borrow() {
    LocalMaryInterface engine = idle.poll();
    if (engine != null) {
      return engine;
    }
    startLock.lock();
    try {
      if (started < engines) {
        LocalMaryInterface created = PlatformThreads.call("marytts", this::newEngine);
        started++;
        return created;
      }
    } finally {
      startLock.unlock();
    }
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return idle.take();
        } catch (InterruptedException e) {
          // A prompt that was asked for is finished; the interrupt is kept for the caller.
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Runs on an engine's platform thread, with the engine to itself. */
  private static byte[] renderNow(LocalMaryInterface engine, String text, String voice) {
    try {
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

  /**
   * A new interface on MaryTTS; the first one starts the runtime. Called on a platform thread with
   * the start lock held.
   */
  private LocalMaryInterface newEngine() {
    boolean first = started == 0;
    if (first) {
      log.info("starting MaryTTS (first use: takes several seconds)");
    }
    long begun = System.nanoTime();
    LocalMaryInterface engine;
    try {
      engine = new LocalMaryInterface();
    } catch (MaryConfigurationException e) {
      throw new IllegalStateException("MaryTTS did not start", e);
    }
    if (first) {
      log.info(
          "MaryTTS started in {} ms with voices {} ({} engines at most)",
          (System.nanoTime() - begun) / 1_000_000,
          engine.getAvailableVoices(),
          engines);
    }
    return engine;
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
