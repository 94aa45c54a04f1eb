package io.contactcenter.asrtts.internal.intent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

  private final TextNormalizer normalizer = new TextNormalizer();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          I'll pay, OK?                 | i will pay okay
          ill pay   tonight             | i will pay tonight
          Don’t call me!!!              | do not call me
          I can't — I'm DRIVING         | i can not i am driving
          call back at 7:30pm.          | call back at 7:30pm
          ＣＡＬＬ　ＭＥ　ｌａｔｅｒ     | call me later
          """)
  void normalizesEnglish(String text, String expected) {
    assertThat(normalizer.normalize(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          不要再給我打電話了！        | 不要再给我打电话了
          好的，我 今天 付            | 好的我今天付
          晚上８点，可以吗？          | 晚上8点可以吗
          你們是甚麼公司              | 你们是什么公司
          ok，好的                    | okay好的
          """)
  void normalizesChinese(String text, String expected) {
    assertThat(normalizer.normalizeChinese(text)).isEqualTo(expected);
  }

  @Test
  void stemsLightly() {
    assertThat(ReplyFeatures.stem("calling")).isEqualTo(ReplyFeatures.stem("calls"));
    assertThat(ReplyFeatures.stem("called")).isEqualTo("call");
    assertThat(ReplyFeatures.stem("paid")).isEqualTo("paid");
  }
}
