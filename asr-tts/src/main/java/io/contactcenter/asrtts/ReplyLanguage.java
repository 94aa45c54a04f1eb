package io.contactcenter.asrtts;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The languages the reply classifier understands. */
public enum ReplyLanguage {
  EN("en"),
  ZH("zh");

  private final String code;

  ReplyLanguage(String code) {
    this.code = code;
  }

  /** The ISO 639-1 code. */
  public String code() {
    return code;
  }

  /**
   * The language with this ISO 639-1 code (case-insensitive).
   *
   * @throws IllegalArgumentException naming the supported codes when there is none
   */
  public static ReplyLanguage fromCode(String code) {
    for (ReplyLanguage language : values()) {
      if (language.code.equalsIgnoreCase(code == null ? "" : code.strip())) {
        return language;
      }
    }
    throw new IllegalArgumentException(
        "unsupported language '"
            + code
            + "': supported are "
            + Arrays.stream(values()).map(ReplyLanguage::code).collect(Collectors.joining(", ")));
  }

  /**
   * Guesses the language of a text: {@link #ZH} as soon as it holds a CJK ideograph (Chinese
   * replies often carry Latin letters too: "ok", "app", order numbers), {@link #EN} otherwise.
   */
  public static ReplyLanguage detect(String text) {
    if (text != null) {
      for (int i = 0; i < text.length(); ) {
        int cp = text.codePointAt(i);
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
          return ZH;
        }
        i += Character.charCount(cp);
      }
    }
    return EN;
  }
}
