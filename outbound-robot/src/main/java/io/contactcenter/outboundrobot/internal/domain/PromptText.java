package io.contactcenter.outboundrobot.internal.domain;

import io.contactcenter.outboundrobot.ScriptProblem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prompt texts with {@code ${name}} variables. Values are inserted as given (the voice layer has
 * already put amounts and dates into words) and never scanned again, so a value cannot smuggle in
 * another variable.
 */
public final class PromptText {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^{}]*)}");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  private PromptText() {}

  /** The variable names a text uses, in order of first use; malformed placeholders are left out. */
  public static Set<String> variables(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (NAME.matcher(m.group(1)).matches()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  /** What is malformed in a text: a {@code ${} left open, or a placeholder that is not a name. */
  public static List<String> malformations(String text) {
    return malformations("text", text).stream().map(ScriptProblem::message).toList();
  }

  /** The same as problems of the text at {@code path} in a script. */
  public static List<ScriptProblem> malformations(String path, String text) {
    List<ScriptProblem> problems = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    int at = 0;
    while (m.find()) {
      if (text.substring(at, m.start()).contains("${")) {
        problems.add(unclosed(path));
      }
      if (!NAME.matcher(m.group(1)).matches()) {
        problems.add(
            ScriptProblem.of(
                path,
                "variable-name",
                "'"
                    + m.group()
                    + "' is not a variable: use lower case letters, digits and underscores",
                m.group()));
      }
      at = m.end();
    }
    if (text.substring(at).contains("${")) {
      problems.add(unclosed(path));
    }
    return problems;
  }

  private static ScriptProblem unclosed(String path) {
    return ScriptProblem.of(path, "variable-unclosed", "'${' is not closed with '}'", "${", "}");
  }

  /** Whether a value can be spoken: present, not blank, and holding no placeholder itself. */
  public static boolean speakable(String value) {
    return value != null && !value.isBlank() && !value.contains("${");
  }

  /**
   * The text with every variable replaced by its value.
   *
   * @return empty when any variable the text uses has no {@linkplain #speakable speakable} value,
   *     so that a placeholder is never read aloud
   */
  public static Optional<String> render(String text, Map<String, String> values) {
    if (!malformations(text).isEmpty()) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      String value = values.get(m.group(1));
      if (!speakable(value)) {
        return Optional.empty();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value.strip()));
    }
    m.appendTail(out);
    return Optional.of(out.toString().replaceAll("\\s+", " ").strip());
  }
}
