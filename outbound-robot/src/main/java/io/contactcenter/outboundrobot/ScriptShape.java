package io.contactcenter.outboundrobot;

import io.contactcenter.asrtts.IntentLabel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules of a {@link DialogueScript}'s shape that its records check on construction (names,
 * ranges, which fields go together), and its content hash. What the whole script must satisfy
 * (references resolve, steps reachable) is checked by {@link DialogueScripts}.
 */
final class ScriptShape {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
  private static final Pattern DTMF_KEY = Pattern.compile("[0-9*#]");
  private static final Pattern QUEUE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  private ScriptShape() {}

  static void checkId(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "id must be lower case letters, digits and dashes, was '" + id + "'");
    }
  }

  /** The script's languages, checked, with the default {@code language} among them. */
  static List<String> languages(List<String> languages, String language) {
    if (languages == null || languages.isEmpty()) {
      throw new IllegalArgumentException("languages must name at least one language");
    }
    for (String code : languages) {
      if (code == null || !LANGUAGE.matcher(code).matches()) {
        throw new IllegalArgumentException(
            "language '" + code + "' is not a two-letter ISO 639-1 code");
      }
    }
    List<String> copy = List.copyOf(languages);
    if (!copy.contains(language)) {
      throw new IllegalArgumentException(
          "language '" + language + "' is not one of the languages " + copy);
    }
    return copy;
  }

  static void checkName(String what, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what
              + " name must be lower case letters, digits and underscores, starting with a letter,"
              + " was '"
              + name
              + "'");
    }
  }

  static Map<IntentLabel, DialogueScript.Branch> labelMap(
      Map<IntentLabel, DialogueScript.Branch> on) {
    Objects.requireNonNull(on, "on is required (may be empty)");
    EnumMap<IntentLabel, DialogueScript.Branch> copy = new EnumMap<>(IntentLabel.class);
    copy.putAll(on);
    copy.values().forEach(Objects::requireNonNull);
    return Collections.unmodifiableMap(copy);
  }

  static void checkConfidence(double confidence) {
    if (!(confidence >= 0.0 && confidence <= 1.0)) {
      throw new IllegalArgumentException(
          "min_confidence must be between 0 and 1, was " + confidence);
    }
  }

  /**
   * The constant of {@code values} with this code.
   *
   * @throws IllegalArgumentException naming the valid codes when there is none
   */
  static <E extends Enum<E>> E fromCode(
      String what, E[] values, Function<E, String> codeOf, String code) {
    for (E value : values) {
      if (codeOf.apply(value).equals(code)) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "unknown "
            + what
            + " '"
            + code
            + "': expected one of "
            + Arrays.stream(values).map(codeOf).collect(Collectors.joining(", ")));
  }

  static Map<String, List<String>> phrases(Map<String, List<String>> phrases) {
    Map<String, List<String>> copy = new TreeMap<>();
    Objects.requireNonNull(phrases, "phrases are required (may be empty)")
        .forEach((language, list) -> copy.put(language, List.copyOf(list)));
    return Collections.unmodifiableMap(copy);
  }

  static void checkTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout is required");
    if (timeout.compareTo(Duration.ofSeconds(1)) < 0
        || timeout.compareTo(Duration.ofSeconds(60)) > 0) {
      throw new IllegalArgumentException(
          "timeout must be between 1 and 60 seconds, was " + timeout);
    }
  }

  static Map<Character, IntentLabel> dtmf(Map<Character, IntentLabel> dtmf) {
    if (dtmf == null || dtmf.isEmpty()) {
      throw new IllegalArgumentException(
          "dtmf must map at least one key to a label, to offer keys as an alternative to speech");
    }
    for (Map.Entry<Character, IntentLabel> key : dtmf.entrySet()) {
      if (!DTMF_KEY.matcher(String.valueOf(key.getKey())).matches()) {
        throw new IllegalArgumentException(
            "dtmf key '" + key.getKey() + "' is not one of 0-9, * and #");
      }
      if (key.getValue() == IntentLabel.UNKNOWN) {
        throw new IllegalArgumentException(
            "dtmf key '" + key.getKey() + "' cannot stand for 'unknown'");
      }
    }
    return Collections.unmodifiableMap(new TreeMap<>(dtmf));
  }

  static Set<DialogueScript.StepAction> actions(Set<DialogueScript.StepAction> actions) {
    return Objects.requireNonNull(actions, "actions are required (may be empty)").isEmpty()
        ? Set.of()
        : Collections.unmodifiableSet(EnumSet.copyOf(actions));
  }

  /** Which of a step's fields go together: a step listens, goes on, or ends, and only one. */
  static void checkStep(
      Optional<DialogueScript.Prompt> say,
      Optional<DialogueScript.Listen> listen,
      Map<IntentLabel, DialogueScript.Branch> on,
      Optional<String> next,
      Optional<DialogueOutcome> end,
      Optional<String> transfer,
      Set<DialogueScript.StepAction> actions) {
    int kinds =
        (listen.isPresent() ? 1 : 0) + (next.isPresent() ? 1 : 0) + (end.isPresent() ? 1 : 0);
    if (kinds != 1) {
      throw new IllegalArgumentException(
          "a step must have exactly one of listen, next and end, this one has " + kinds);
    }
    next.ifPresent(step -> checkName("next step", step));
    if (listen.isEmpty() && !on.isEmpty()) {
      throw new IllegalArgumentException("only a listen step can branch with on");
    }
    if (listen.isPresent() && on.isEmpty()) {
      throw new IllegalArgumentException("a listen step needs on: where each reply leads");
    }
    if (end.isEmpty() && (transfer.isPresent() || !actions.isEmpty())) {
      throw new IllegalArgumentException("transfer and actions belong on an end step");
    }
    if (listen.isEmpty() && say.isEmpty()) {
      throw new IllegalArgumentException("a step that does not listen must say something");
    }
    transfer.ifPresent(
        queue -> {
          if (!QUEUE.matcher(queue).matches()) {
            throw new IllegalArgumentException(
                "transfer queue must be lower case letters, digits, '-' and '_', was '"
                    + queue
                    + "'");
          }
        });
  }

  /**
   * A SHA-256 hex digest of the script's meaning: the same for two sources that differ only in
   * layout, comments or the order of keys, different after any change that could alter a call.
   */
  static String contentHash(DialogueScript script) {
    String canonical =
        String.join(
            "\n",
            script.id(),
            Integer.toString(script.version()),
            script.campaign().code(),
            script.language(),
            script.languages().toString(),
            script.variables().toString(),
            script.settings().toString(),
            script.start(),
            script.noResponse(),
            script.apology().toString(),
            script.on().toString(),
            new TreeMap<>(script.steps()).toString());
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
