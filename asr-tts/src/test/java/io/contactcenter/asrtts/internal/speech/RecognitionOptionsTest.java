package io.contactcenter.asrtts.internal.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.asrtts.AudioClip;
import io.contactcenter.asrtts.AudioTooLargeException;
import io.contactcenter.asrtts.RecognitionOptions;
import io.contactcenter.asrtts.UnsupportedLanguageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Options and the recognizer's checks that need no model. */
class RecognitionOptionsTest {

  @TempDir Path temp;

  @Test
  void defaultsToEnglishFreeSpeechWithTheRecognizersTimings() {
    RecognitionOptions options = new RecognitionOptions(null, null, null, null);
    assertThat(options.language()).isEqualTo("en");
    assertThat(options.phrases()).isEmpty();
    assertThat(options.trailingSilence()).isNull();
    assertThat(options.maxUtterance()).isNull();
    assertThat(options.alternatives()).isZero();
  }

  @Test
  void validatesItself() {
    assertThatThrownBy(() -> new RecognitionOptions("English", null, null, null))
        .hasMessageContaining("language 'English'");
    assertThatThrownBy(() -> RecognitionOptions.grammar("en", List.of("yes", " ")))
        .hasMessageContaining("blank phrase");
    assertThatThrownBy(
            () -> RecognitionOptions.freeSpeech("en").withTimings(Duration.ofMillis(10), null))
        .hasMessageContaining("trailingSilence");
    assertThatThrownBy(
            () -> RecognitionOptions.freeSpeech("en").withTimings(null, Duration.ofHours(1)))
        .hasMessageContaining("maxUtterance");
    assertThatThrownBy(() -> RecognitionOptions.freeSpeech("en").withAlternatives(11))
        .hasMessageContaining("alternatives must be between 0 and 10, was 11");
    assertThatThrownBy(() -> RecognitionOptions.freeSpeech("en").withAlternatives(-1))
        .hasMessageContaining("alternatives must be between 0 and 10");
    assertThat(
            RecognitionOptions.freeSpeech("en")
                .withAlternatives(5)
                .withTimings(Duration.ofSeconds(1), null)
                .alternatives())
        .isEqualTo(5);
  }

  @Test
  void grammarsAreNormalizedAndAlwaysAllowUnknownWords() {
    List<String> phrases = VoskSpeechRecognizer.normalize(List.of("Yes", "  no  thanks ", "yes"));
    assertThat(phrases).containsExactly("yes", "no thanks", "[unk]");
    assertThat(VoskSpeechRecognizer.grammarJson(phrases))
        .isEqualTo("[\"yes\",\"no thanks\",\"[unk]\"]");
    assertThat(VoskSpeechRecognizer.normalize(List.of())).isEmpty();
  }

  @Test
  void unknownLanguageListsTheConfiguredOnes() {
    VoskSpeechRecognizer recognizer = recognizer(SpeechProperties.defaults());
    assertThat(recognizer.languages()).containsExactly("en");
    assertThatThrownBy(() -> recognizer.open(RecognitionOptions.freeSpeech("zh")))
        .isInstanceOf(UnsupportedLanguageException.class)
        .hasMessageContaining("'zh'")
        .hasMessageContaining("configured: en")
        .hasMessageContaining("cc.asrtts.speech.models.zh.path");
  }

  @Test
  void refusesClipsOverTheLimitsBeforeLoadingAnything() {
    SpeechProperties small =
        new SpeechProperties(
            null,
            temp,
            temp,
            "cmu-slt-hsmm",
            8,
            DataSize.ofKilobytes(100),
            Duration.ofSeconds(5),
            -55,
            10,
            Duration.ofMillis(700),
            Duration.ofSeconds(15),
            false,
            null,
            0,
            SpeechProperties.DEFAULT_CHINESE_VOICE,
            SpeechProperties.defaults().noiseSuppressionFloor());
    VoskSpeechRecognizer recognizer = recognizer(small);

    assertThatThrownBy(
            () ->
                recognizer.transcribe(
                    new AudioClip(new byte[200_000], 48000), RecognitionOptions.freeSpeech("en")))
        .isInstanceOf(AudioTooLargeException.class)
        .hasMessageContaining("limit of 100 KB");
    assertThatThrownBy(
            () ->
                recognizer.transcribe(
                    new AudioClip(new byte[96_000], 8000), RecognitionOptions.freeSpeech("en")))
        .isInstanceOf(AudioTooLargeException.class)
        .hasMessageContaining("limit of 5 s");
  }

  @Test
  void aGrammarOfThousandsOfWordsIsRefusedBeforeVoskLogsALineForEach() {
    List<String> unknownWords =
        java.util.stream.IntStream.range(0, 5000).mapToObj(i -> "zzq" + i).toList();

    assertThatThrownBy(() -> RecognitionOptions.grammar("en", unknownWords))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("phrases hold 5000 words; at most 200 are allowed");
    assertThatThrownBy(
            () -> RecognitionOptions.grammar("en", List.of("yes please ".repeat(101).strip())))
        .hasMessageContaining("202 words");
    assertThat(RecognitionOptions.grammar("en", List.of("yes", "no", "call me later")).phrases())
        .hasSize(3);
  }

  private VoskSpeechRecognizer recognizer(SpeechProperties properties) {
    return new VoskSpeechRecognizer(
        new VoskModels(properties, getClass().getClassLoader()), properties);
  }
}
