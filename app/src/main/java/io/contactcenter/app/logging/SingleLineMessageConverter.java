package io.contactcenter.app.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.slf4j.helpers.MessageFormatter;

/**
 * The log message ({@code %m}, {@code %msg}, {@code %message}) with every value put into it on one
 * line: line breaks and other control characters in the arguments of a parameterized message are
 * written as escapes ({@code \n}, {@code \r}, {@code \u001B}).
 *
 * <p>Arguments carry values from outside (Kafka event ids, user names, file names, what a caller
 * typed); one with a line break could otherwise start a line that looks like a log entry of its own
 * ("forged" log lines), and an ANSI escape could rewrite the terminal. The message pattern is the
 * code's own and keeps its line breaks (Spring Boot's failure report, the first-start notice).
 * Registered for the message conversion words in {@code logback-spring.xml}; stack traces are
 * printed by the exception converter, unchanged.
 */
public class SingleLineMessageConverter extends MessageConverter {

  @Override
  public String convert(ILoggingEvent event) {
    Object[] args = event.getArgumentArray();
    if (args == null || args.length == 0) {
      return super.convert(event);
    }
    Object[] safe = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      Object arg = args[i];
      // Arrays are left to the formatter, which prints their elements.
      safe[i] = arg == null || arg.getClass().isArray() ? arg : escape(String.valueOf(arg));
    }
    return MessageFormatter.arrayFormat(event.getMessage(), safe).getMessage();
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
