package io.contactcenter.app.web;

import io.contactcenter.common.Worded;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Words a module's problem ({@link Worded}: a message key and the values it names) in the caller's
 * language; arguments that are themselves {@code Worded} (a status, a nested reason) are worded the
 * same way. A problem without a key, or a key missing from the bundles, keeps its English text.
 * Each problem handler makes its own from the message source (not a bean: MVC test slices load only
 * the handlers).
 */
final class ProblemWording {

  private final MessageSource messages;

  ProblemWording(MessageSource messages) {
    this.messages = messages;
  }

  /** The detail for this exception in the caller's language. */
  String of(Throwable e) {
    return e instanceof Worded worded
        ? of(worded, LocaleContextHolder.getLocale())
        : e.getMessage();
  }

  /**
   * A problem list as answers carry it: each problem's place, its code and what is wrong in the
   * caller's language.
   */
  <P extends Worded> List<Map<String, String>> listed(
      List<P> problems, Function<P, String> path, Function<P, String> code) {
    Locale locale = LocaleContextHolder.getLocale();
    List<Map<String, String>> listed = new ArrayList<>();
    for (P problem : problems) {
      Map<String, String> item = new LinkedHashMap<>();
      item.put("path", path.apply(problem));
      item.put("code", code.apply(problem));
      item.put("message", of(problem, locale));
      listed.add(item);
    }
    return listed;
  }

  String of(Worded worded, Locale locale) {
    Object[] args = worded.messageArguments();
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof Worded nested) {
        args[i] = of(nested, locale);
      }
    }
    // At least one argument, so that every problem message is read as a MessageFormat pattern
    // (quotes doubled) whether it names values or not.
    Object[] formatArgs = args.length == 0 ? new Object[] {""} : args;
    return messages.getMessage(worded.messageKey(), formatArgs, worded.english(), locale);
  }
}
