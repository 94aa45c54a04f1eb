package io.contactcenter.app.web;

import java.util.Arrays;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages people see the product in: each has a message bundle ({@code messages.properties}
 * for English, {@code messages_zh_CN.properties} for Simplified Chinese) and is offered by the
 * language switch.
 */
enum Language {
  EN("en", Locale.ENGLISH, "English"),
  ZH_CN("zh-CN", Locale.SIMPLIFIED_CHINESE, "中文");

  private final String tag;
  private final Locale locale;
  private final String nativeName;

  Language(String tag, Locale locale, String nativeName) {
    this.tag = tag;
    this.locale = locale;
    this.nativeName = nativeName;
  }

  /** The BCP 47 tag stored per user and written in {@code lang} attributes, e.g. {@code zh-CN}. */
  public String tag() {
    return tag;
  }

  public Locale locale() {
    return locale;
  }

  /** The language's name in itself, as the switch shows it. */
  public String nativeName() {
    return nativeName;
  }

  /**
   * The language of a stored or submitted tag.
   *
   * @throws IllegalArgumentException naming the tag and the languages offered
   */
  static Language ofTag(String tag) {
    return Arrays.stream(values())
        .filter(l -> l.tag.equalsIgnoreCase(tag))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("unknown language '" + tag + "': use en or zh-CN"));
  }

  /** The nearest offered language of a locale: any Chinese reads zh-CN, any English en. */
  static Optional<Language> of(Locale locale) {
    return switch (locale.getLanguage()) {
      case "zh" -> Optional.of(ZH_CN);
      case "en" -> Optional.of(EN);
      default -> Optional.empty();
    };
  }

  /** The first offered language of a request's Accept-Language, in its order; else English. */
  static Language preferred(Enumeration<Locale> accepted) {
    while (accepted != null && accepted.hasMoreElements()) {
      Optional<Language> language = of(accepted.nextElement());
      if (language.isPresent()) {
        return language.get();
      }
    }
    return EN;
  }
}
