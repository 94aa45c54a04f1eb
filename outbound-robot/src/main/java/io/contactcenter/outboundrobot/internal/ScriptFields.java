package io.contactcenter.outboundrobot.internal;

import io.contactcenter.outboundrobot.ScriptProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed access to the values of a parsed script (every scalar a string, see {@link
 * ScriptReader#yaml()}), for the {@link ScriptReader}: each method reports what is wrong at the
 * path it is given and returns null or empty instead of throwing, so one read collects every
 * problem. Not thread-safe: one per read.
 */
final class ScriptFields {

  private static final Pattern DURATION = Pattern.compile("(\\d{1,6})(ms|s|m|h|d)");

  private final List<ScriptProblem> problems = new ArrayList<>();

  /** A problem the reader found itself. */
  void add(ScriptProblem problem) {
    problems.add(problem);
  }

  /** How many problems were found so far. */
  int count() {
    return problems.size();
  }

  /** Every problem found so far, in the order found. */
  List<ScriptProblem> problems() {
    return List.copyOf(problems);
  }

  Duration duration(Object node, String path) {
    String text = scalar(node, path);
    if (text == null) {
      return null;
    }
    Matcher m = DURATION.matcher(text.strip());
    if (!m.matches()) {
      problems.add(
          ScriptProblem.of(
              path,
              "duration",
              "'" + text + "' is not a duration: a number with ms, s, m, h or d, e.g. 6s",
              text));
      return null;
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  Boolean bool(Object node, String path) {
    String text = scalar(node, path);
    if ("true".equals(text) || "false".equals(text)) {
      return Boolean.valueOf(text);
    }
    if (text != null) {
      problems.add(ScriptProblem.of(path, "boolean", "'" + text + "' is not true or false", text));
    }
    return null;
  }

  <T> T parse(
      Map<String, Object> m, String key, String path, Function<String, T> parser, String expected) {
    String text = string(m, key, path);
    if (text == null) {
      return null;
    }
    try {
      return parser.apply(text.strip());
    } catch (NumberFormatException e) {
      problems.add(
          "a number".equals(expected)
              ? ScriptProblem.of(path, "number", "'" + text + "' is not " + expected, text)
              : ScriptProblem.of(path, "whole-number", "'" + text + "' is not " + expected, text));
    } catch (IllegalArgumentException e) {
      problems.add(invalid(path, e.getMessage()));
    }
    return null;
  }

  String string(Map<String, Object> m, String key, String path) {
    if (m == null) {
      return null;
    }
    if (!m.containsKey(key)) {
      problems.add(ScriptProblem.of(path, "required", "required"));
      return null;
    }
    return scalar(m.get(key), path);
  }

  Optional<String> optionalString(Map<String, Object> m, String key, String path) {
    return m.containsKey(key) ? Optional.ofNullable(scalar(m.get(key), path)) : Optional.empty();
  }

  String scalar(Object node, String path) {
    if (node instanceof String s && !s.isBlank()) {
      return s;
    }
    problems.add(
        node instanceof String || node == null
            ? ScriptProblem.of(path, "value-required", "a value is required")
            : ScriptProblem.of(path, "single-value", "expected a single value"));
    return null;
  }

  List<String> stringList(Object node, String path, boolean required) {
    if (node == null && !required) {
      return List.of();
    }
    if (!(node instanceof List<?> list)) {
      problems.add(ScriptProblem.of(path, "list", "expected a list, e.g. [a, b]"));
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String value = scalar(list.get(i), path + "[" + i + "]");
      if (value != null) {
        out.add(value);
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> map(Object node, String path) {
    if (node instanceof Map<?, ?> m) {
      if (m.keySet().stream().allMatch(String.class::isInstance)) {
        return (Map<String, Object>) m;
      }
      problems.add(ScriptProblem.of(path, "plain-keys", "keys must be plain names"));
      return null;
    }
    problems.add(
        node == null
            ? ScriptProblem.of(path, "required", "required")
            : ScriptProblem.of(path, "map", "expected a map of names to values"));
    return null;
  }

  void keys(Map<String, Object> m, String prefix, Set<String> allowed) {
    for (String key : m.keySet()) {
      if (!allowed.contains(key)) {
        problems.add(
            ScriptProblem.of(
                prefix + key,
                "field-unknown",
                "unknown field; expected one of " + new TreeSet<>(allowed),
                new TreeSet<>(allowed)));
      }
    }
  }

  <T> Optional<T> convert(String path, Supplier<T> build) {
    try {
      return Optional.of(build.get());
    } catch (IllegalArgumentException | NullPointerException e) {
      problems.add(invalid(path, Objects.requireNonNullElse(e.getMessage(), e.toString())));
      return Optional.empty();
    }
  }

  /** A value its type refused, in the type's own (English) words. */
  private static ScriptProblem invalid(String path, String english) {
    return ScriptProblem.of(path, "invalid", english, english);
  }
}
