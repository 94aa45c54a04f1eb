package io.contactcenter.asrtts.internal.speech;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of speech recognition and synthesis, under {@code cc.asrtts.speech}. Every key and
 * default is listed in docs/configuration.md.
 *
 * @param models Vosk models by language ({@code cc.asrtts.speech.models.zh.path=/opt/vosk/zh}); the
 *     small US-English model packaged in this module serves {@code en} unless configured here
 * @param modelCacheDir where a model packaged in the jar is copied, since libvosk reads a
 *     directory; default {@code ${java.io.tmpdir}/cc-vosk-models-${user.name}} (per user: another
 *     user's copy could be neither written nor trusted)
 * @param ttsCacheDir where synthesized prompts are kept as 8 kHz WAV files named by a hash of voice
 *     and text; default {@code ${java.io.tmpdir}/cc-tts-cache-${user.name}}
 * @param defaultVoice the MaryTTS voice used when none is asked for
 * @param ttsMemoryCacheEntries how many synthesized prompts are also kept in memory
 * @param maxAudioBytes the largest clip {@code transcribe} accepts
 * @param maxAudioDuration the longest audio one recognition accepts (clip or stream)
 * @param vadThreshold the lowest frame level in dBFS that can count as speech, however quiet the
 *     line; above a noisy line's floor the threshold rises with it (see {@code vadNoiseMargin})
 * @param vadNoiseMargin how many dB above the line's noise floor (tracked per stream: the quietest
 *     frame of the last second) a frame must be to count as speech
 * @param trailingSilence silence after speech that ends an utterance, unless the request says
 * @param maxUtterance longest utterance from the first speech, unless the request says
 * @param warmUp load the English model and MaryTTS in the background at start-up instead of on
 *     first use (each takes a few seconds)
 * @param decoder search settings of the packaged model and how many idle recognizers are kept
 * @param ttsEngines MaryTTS pipelines that speak at the same time (0: one per processor); one voice
 *     prompt takes about 0.15 s of CPU per second of audio, on one core
 * @param chineseVoice the voice of texts with Chinese characters when none is asked for: {@code
 *     espeak-ng:<voice>} (the espeak-ng program) or a MaryTTS voice
 * @param noiseSuppressionFloor below 0, a noise suppressor sits in front of every recognition
 *     stream and gives a time-frequency bin it takes for noise at least this gain in dB; 0 (the
 *     default) leaves the audio as it comes (ADR 0063: more words heard, but more wrong actions
 *     under the robot's present vote rule)
 */
@Validated
@ConfigurationProperties("cc.asrtts.speech")
public record SpeechProperties(
    Map<String, @Valid Model> models,
    Path modelCacheDir,
    Path ttsCacheDir,
    @NotBlank @DefaultValue("cmu-slt-hsmm") String defaultVoice,
    @Min(0) @DefaultValue("256") int ttsMemoryCacheEntries,
    @NotNull @DefaultValue("10MB") DataSize maxAudioBytes,
    @NotNull @DefaultValue("120s") Duration maxAudioDuration,
    @DecimalMin("-90") @DecimalMax("-10") @DefaultValue("-55") double vadThreshold,
    @DecimalMin("1") @DecimalMax("40") @DefaultValue("10") double vadNoiseMargin,
    @NotNull @DefaultValue("700ms") Duration trailingSilence,
    @NotNull @DefaultValue("15s") Duration maxUtterance,
    @DefaultValue("false") boolean warmUp,
    @Valid @DefaultValue Decoding decoder,
    @Min(0) @Max(64) @DefaultValue("0") int ttsEngines,
    @NotBlank @DefaultValue(DEFAULT_CHINESE_VOICE) String chineseVoice,
    @DecimalMin("-40") @DecimalMax("0") @DefaultValue("0") double noiseSuppressionFloor) {

  /** espeak-ng's Mandarin voice (Debian package {@code espeak-ng}): MaryTTS has no Chinese. */
  public static final String DEFAULT_CHINESE_VOICE = "espeak-ng:cmn";

  /** The language served by the model packaged in this module. */
  public static final String BUILT_IN_LANGUAGE = "en";

  public SpeechProperties {
    models = models == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(models));
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    if (modelCacheDir == null) {
      modelCacheDir = tmp.resolve("cc-vosk-models-" + System.getProperty("user.name"));
    }
    if (ttsCacheDir == null) {
      ttsCacheDir = tmp.resolve("cc-tts-cache-" + System.getProperty("user.name"));
    }
    if (decoder == null) {
      decoder = Decoding.defaults();
    }
    if (ttsEngines == 0) {
      ttsEngines = Runtime.getRuntime().availableProcessors();
    }
  }

  /** Defaults everywhere: for tests and tools. */
  public static SpeechProperties defaults() {
    return new SpeechProperties(
        null,
        null,
        null,
        "cmu-slt-hsmm",
        256,
        DataSize.ofMegabytes(10),
        Duration.ofSeconds(120),
        -55,
        10,
        Duration.ofMillis(700),
        Duration.ofSeconds(15),
        false,
        Decoding.defaults(),
        0,
        DEFAULT_CHINESE_VOICE,
        0);
  }

  /**
   * One Vosk model.
   *
   * @param path the model directory (the one holding {@code am/}, {@code conf/}, {@code graph/})
   */
  public record Model(@NotNull Path path) {}

  /**
   * Decoder settings, under {@code cc.asrtts.speech.decoder}. The search settings go into the
   * {@code conf/model.conf} of the packaged model's cached copy (a model configured under {@code
   * models} keeps its own file). The packaged model ships beam 10, max-active 3000 and lattice-beam
   * 2; the default halves max-active, which saves CPU mostly on a recognizer's first utterances
   * with no measurable loss of words (docs/benchmarks.md).
   *
   * @param beam Kaldi decoding beam: smaller prunes more hypotheses (faster, more search errors)
   * @param maxActive most hypotheses kept per frame
   * @param latticeBeam beam of the lattice kept for word timings and confidences
   * @param idleRecognizers recognizers kept after their utterance for the next one; a warm one
   *     decodes at about a third of the CPU of a new one, and each holds some native memory (0
   *     frees every recognizer at the end of its utterance)
   */
  public record Decoding(
      @DecimalMin("1") @DecimalMax("30") @DefaultValue("10") double beam,
      @Min(50) @DefaultValue("1500") int maxActive,
      @DecimalMin("0.5") @DecimalMax("20") @DefaultValue("2") double latticeBeam,
      @Min(0) @DefaultValue("4") int idleRecognizers) {

    /** The defaults. */
    public static Decoding defaults() {
      return new Decoding(10, 1500, 2, 4);
    }

    /** The options written into the model's {@code conf/model.conf}. */
    java.util.SortedMap<String, String> modelConf() {
      java.util.SortedMap<String, String> conf = new java.util.TreeMap<>();
      conf.put("beam", format(beam));
      conf.put("max-active", Integer.toString(maxActive));
      conf.put("lattice-beam", format(latticeBeam));
      return conf;
    }

    private static String format(double value) {
      return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
  }
}
