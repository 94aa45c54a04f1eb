package io.contactcenter.app.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The log message ({@code %m}, {@code %msg}, {@code %message}) on one line: line breaks and other
 * control characters are written as escapes ({@code \n}, {@code \r}, {@code \u001B}).
 *
 * <p>Messages carry values from outside (Kafka event ids, user names, file names, what a caller
 * typed); a value with a line break could otherwise start a line that looks like a log entry of its
 * own ("forged" log lines), and an ANSI escape could rewrite the terminal. Registered for the
 * message conversion words in {@code logback-spring.xml}; stack traces are printed by the exception
 * converter, unchanged.
 */
public class SingleLineMessageConverter extends MessageConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return escape(super.convert(event));
  }

  /** The text with CR, LF, the other C0/C1 controls and the Unicode line separators escaped. */
  public static String escape(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement = replacement(c);
      if (replacement != null) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(replacement);
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  private static String replacement(char c) {
    return switch (c) {
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> null;
      default ->
          Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
              ? String.format("\\u%04X", (int) c)
              : null;
    };
  }
}
