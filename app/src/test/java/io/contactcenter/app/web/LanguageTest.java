package io.contactcenter.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguageTest {

  @Test
  void theFirstOfferedLanguageOfAcceptLanguageWins() {
    assertThat(preferred("fr-FR", "zh-TW", "en")).isEqualTo(Language.ZH_CN);
    assertThat(preferred("en-GB", "zh-CN")).isEqualTo(Language.EN);
    assertThat(preferred("de", "ja")).isEqualTo(Language.EN);
    assertThat(Language.preferred(null)).isEqualTo(Language.EN);
  }

  @Test
  void storedTagsReadBackAndUnknownOnesAreNamed() {
    assertThat(Language.ofTag("zh-CN")).isEqualTo(Language.ZH_CN);
    assertThat(Language.ofTag("en")).isEqualTo(Language.EN);
    assertThatThrownBy(() -> Language.ofTag("fr"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'fr'")
        .hasMessageContaining("en or zh-CN");
  }

  @Test
  void theSwitchOnlyReturnsToPagesOfThisSite() {
    assertThat(LanguageController.isLocalPath("/campaigns/cmp-1")).isTrue();
    assertThat(LanguageController.isLocalPath("//evil.example")).isFalse();
    assertThat(LanguageController.isLocalPath("/\\evil.example")).isFalse();
    assertThat(LanguageController.isLocalPath("https://evil.example")).isFalse();
    assertThat(LanguageController.isLocalPath(null)).isFalse();
  }

  private static Language preferred(String... tags) {
    List<Locale> locales = List.of(tags).stream().map(Locale::forLanguageTag).toList();
    return Language.preferred(Collections.enumeration(locales));
  }
}
