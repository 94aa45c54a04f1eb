package io.contactcenter.onlinechat;

import java.util.Locale;

/** The languages the chat and its bot speak. */
public enum ChatLanguage {
  EN,
  ZH;

  /** "en", "zh", "zh-CN", "en_US" (any case); anything else is refused naming the value. */
  public static ChatLanguage of(String tag) {
    if (tag != null) {
      String lower = tag.trim().toLowerCase(Locale.ROOT);
      if (lower.equals("zh") || lower.startsWith("zh-") || lower.startsWith("zh_")) {
        return ZH;
      }
      if (lower.equals("en") || lower.startsWith("en-") || lower.startsWith("en_")) {
        return EN;
      }
    }
    throw new IllegalArgumentException("lang must be \"en\" or \"zh\", got \"" + tag + "\"");
  }

  /** The tag stored and sent to clients: "en" or "zh". */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
