package io.contactcenter.asrtts.internal.speech;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.asrtts.SpeechRecognizer;
import io.contactcenter.asrtts.SpeechSynthesizer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

class SpeechPropertiesTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
          .withUserConfiguration(SpeechConfiguration.class);

  @Test
  void bindsDefaultsAndStartsWithoutLoadingAnEngine() {
    context.run(
        ctx -> {
          assertThat(ctx).hasNotFailed();
          SpeechProperties p = ctx.getBean(SpeechProperties.class);
          assertThat(p.models()).isEmpty();
          assertThat(p.modelCacheDir())
              .isEqualTo(
                  Path.of(
                      System.getProperty("java.io.tmpdir"),
                      "cc-vosk-models-" + System.getProperty("user.name")));
          assertThat(p.ttsCacheDir())
              .isEqualTo(
                  Path.of(
                      System.getProperty("java.io.tmpdir"),
                      "cc-tts-cache-" + System.getProperty("user.name")));
          assertThat(p.defaultVoice()).isEqualTo("cmu-slt-hsmm");
          assertThat(p.maxAudioBytes()).isEqualTo(DataSize.ofMegabytes(10));
          assertThat(p.maxAudioDuration()).isEqualTo(Duration.ofSeconds(120));
          assertThat(p.trailingSilence()).isEqualTo(Duration.ofMillis(700));
          assertThat(p.maxUtterance()).isEqualTo(Duration.ofSeconds(15));
          assertThat(p.warmUp()).isFalse();
          assertThat(p.decoder()).isEqualTo(SpeechProperties.Decoding.defaults());
          assertThat(ctx.getBean(SpeechRecognizer.class).languages()).containsExactly("en");
          assertThat(ctx).hasSingleBean(SpeechSynthesizer.class);
        });
  }

  @Test
  void addsModelsPerLanguage() {
    context
        .withPropertyValues(
            "cc.asrtts.speech.models.zh.path=/opt/vosk/zh",
            "cc.asrtts.speech.model-cache-dir=/var/cache/cc/vosk",
            "cc.asrtts.speech.trailing-silence=1s",
            "cc.asrtts.speech.decoder.beam=12.5",
            "cc.asrtts.speech.decoder.idle-recognizers=0")
        .run(
            ctx -> {
              SpeechProperties p = ctx.getBean(SpeechProperties.class);
              assertThat(p.models().get("zh").path()).isEqualTo(Path.of("/opt/vosk/zh"));
              assertThat(p.modelCacheDir()).isEqualTo(Path.of("/var/cache/cc/vosk"));
              assertThat(p.trailingSilence()).isEqualTo(Duration.ofSeconds(1));
              assertThat(p.decoder().beam()).isEqualTo(12.5);
              assertThat(p.decoder().idleRecognizers()).isZero();
              assertThat(p.decoder().maxActive())
                  .isEqualTo(SpeechProperties.Decoding.defaults().maxActive());
              assertThat(p.decoder().modelConf()).containsEntry("beam", "12.5");
              assertThat(ctx.getBean(SpeechRecognizer.class).languages())
                  .containsExactlyInAnyOrder("en", "zh");
            });
  }

  @Test
  void rejectsAnAbsurdBeam() {
    context
        .withPropertyValues("cc.asrtts.speech.decoder.beam=0")
        .run(ctx -> assertThat(ctx).hasFailed());
  }

  @Test
  void rejectsAnAbsurdVadThreshold() {
    context
        .withPropertyValues("cc.asrtts.speech.vad-threshold=3")
        .run(ctx -> assertThat(ctx).hasFailed());
  }
}
