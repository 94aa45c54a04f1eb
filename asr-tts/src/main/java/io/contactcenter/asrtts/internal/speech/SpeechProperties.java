package io.contactcenter.asrtts.internal.speech;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
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
 *     directory; default {@code ${java.io.tmpdir}/cc-vosk-models}
 * @param ttsCacheDir where synthesized prompts are kept as 8 kHz WAV files named by a hash of voice
 *     and text; default {@code ${java.io.tmpdir}/cc-tts-cache}
 * @param defaultVoice the MaryTTS voice used when none is asked for
 * @param ttsMemoryCacheEntries how many synthesized prompts are also kept in memory
 * @param maxAudioBytes the largest clip {@code transcribe} accepts
 * @param maxAudioDuration the longest audio one recognition accepts (clip or stream)
 * @param vadThreshold frame level in dBFS above which audio counts as speech
 * @param trailingSilence silence after speech that ends an utterance, unless the request says
 * @param maxUtterance longest utterance from the first speech, unless the request says
 * @param warmUp load the English model and MaryTTS in the background at start-up instead of on
 *     first use (each takes a few seconds)
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
    @DecimalMin("-90") @DecimalMax("-10") @DefaultValue("-42") double vadThreshold,
    @NotNull @DefaultValue("700ms") Duration trailingSilence,
    @NotNull @DefaultValue("15s") Duration maxUtterance,
    @DefaultValue("false") boolean warmUp) {

  /** The language served by the model packaged in this module. */
  public static final String BUILT_IN_LANGUAGE = "en";

  public SpeechProperties {
    models = models == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(models));
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    if (modelCacheDir == null) {
      modelCacheDir = tmp.resolve("cc-vosk-models");
    }
    if (ttsCacheDir == null) {
      ttsCacheDir = tmp.resolve("cc-tts-cache");
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
        -42,
        Duration.ofMillis(700),
        Duration.ofSeconds(15),
        false);
  }

  /**
   * One Vosk model.
   *
   * @param path the model directory (the one holding {@code am/}, {@code conf/}, {@code graph/})
   */
  public record Model(@NotNull Path path) {}
}
