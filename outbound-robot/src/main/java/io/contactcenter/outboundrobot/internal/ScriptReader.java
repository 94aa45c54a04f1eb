package io.contactcenter.outboundrobot.internal;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.common.CampaignType;
import io.contactcenter.outboundrobot.DialogueOutcome;
import io.contactcenter.outboundrobot.DialogueScript;
import io.contactcenter.outboundrobot.DialogueScript.Branch;
import io.contactcenter.outboundrobot.DialogueScript.Listen;
import io.contactcenter.outboundrobot.DialogueScript.Prompt;
import io.contactcenter.outboundrobot.DialogueScript.Settings;
import io.contactcenter.outboundrobot.DialogueScript.Step;
import io.contactcenter.outboundrobot.DialogueScript.StepAction;
import io.contactcenter.outboundrobot.DialogueScript.VariableKind;
import io.contactcenter.outboundrobot.ScriptProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the YAML (or JSON) form of a dialogue script into a {@link DialogueScript}, collecting
 * every problem of form with its path instead of stopping at the first. Not thread-safe: one per
 * read.
 */
final class ScriptReader {

  private static final Set<String> SCRIPT_KEYS =
      Set.of(
          "id",
          "version",
          "campaign",
          "language",
          "languages",
          "variables",
          "settings",
          "start",
          "no_response",
          "apology",
          "on",
          "steps");
  private static final Set<String> SETTINGS_KEYS =
      Set.of("min_confidence", "callback_delay", "max_steps");
  private static final Set<String> STEP_KEYS =
      Set.of("say", "barge_in", "listen", "on", "next", "end", "transfer", "actions");
  private static final Set<String> LISTEN_KEYS =
      Set.of("phrases", "timeout", "min_confidence", "dtmf", "reprompt", "no_response");
  private static final Set<String> BRANCH_KEYS = Set.of("goto", "without_time");
  private static final Pattern DURATION = Pattern.compile("(\\d{1,6})(ms|s|m|h|d)");
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(6);

  private final List<ScriptProblem> problems = new ArrayList<>();

  /** The script, or empty with {@link #problems()} saying why. */
  Optional<DialogueScript> read(String source) {
    Object root;
    try {
      root = yaml().load(source);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark();
      String where =
          mark == null
              ? "(syntax)"
              : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
      problems.add(new ScriptProblem(where, "not valid YAML or JSON: " + e.getProblem()));
      return Optional.empty();
    } catch (YAMLException e) {
      problems.add(new ScriptProblem("(syntax)", "not valid YAML or JSON: " + e.getMessage()));
      return Optional.empty();
    }
    Map<String, Object> script = map(root, "(root)");
    if (script == null) {
      return Optional.empty();
    }
    keys(script, "", SCRIPT_KEYS);
    String id = string(script, "id", "id");
    Integer version = parse(script, "version", "version", Integer::valueOf, "a whole number");
    CampaignType campaign = parse(script, "campaign", "campaign", CampaignType::fromCode, null);
    String language = string(script, "language", "language");
    List<String> languages = stringList(script.get("languages"), "languages", true);
    Map<String, VariableKind> variables = new TreeMap<>();
    Map<String, Object> declared = map(script.get("variables"), "variables");
    if (declared != null) {
      declared.forEach(
          (name, kind) ->
              convert(
                      "variables." + name,
                      () -> VariableKind.fromCode(scalar(kind, "variables." + name)))
                  .ifPresent(k -> variables.put(name, k)));
    }
    Settings settings = settings(script.get("settings"));
    String start = string(script, "start", "start");
    String noResponse = string(script, "no_response", "no_response");
    Prompt apology = prompt(script.get("apology"), "apology");
    Map<IntentLabel, Branch> on = branches(script.get("on"), "on");
    Map<String, Step> steps = new LinkedHashMap<>();
    Map<String, Object> stepNodes = map(script.get("steps"), "steps");
    if (stepNodes != null) {
      stepNodes.forEach(
          (name, node) ->
              step(node, "steps." + name, settings).ifPresent(step -> steps.put(name, step)));
    }
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    return convert(
        "(root)",
        () ->
            new DialogueScript(
                id,
                version,
                campaign,
                language,
                languages,
                variables,
                settings,
                start,
                noResponse,
                apology,
                on,
                steps));
  }

  List<ScriptProblem> problems() {
    return List.copyOf(problems);
  }

  /** A loader that keeps every scalar a string and refuses duplicate keys. */
  static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(20);
    options.setCodePointLimit(1_000_000);
    // YAML 1.1 reads yes, no, on and off as booleans: a branch "on:" or a phrase "no" would be
    // lost. Without implicit resolvers every scalar stays a string and is converted here.
    Resolver stringsOnly =
        new Resolver() {
          @Override
          protected void addImplicitResolvers() {}
        };
    DumperOptions dumper = new DumperOptions();
    return new Yaml(
        new SafeConstructor(options), new Representer(dumper), dumper, options, stringsOnly);
  }

  private Settings settings(Object node) {
    if (node == null) {
      return Settings.DEFAULT;
    }
    Map<String, Object> m = map(node, "settings");
    if (m == null) {
      return Settings.DEFAULT;
    }
    keys(m, "settings.", SETTINGS_KEYS);
    Double minConfidence =
        m.containsKey("min_confidence")
            ? parse(m, "min_confidence", "settings.min_confidence", Double::valueOf, "a number")
            : Settings.DEFAULT.minConfidence();
    Duration callbackDelay =
        m.containsKey("callback_delay")
            ? duration(m.get("callback_delay"), "settings.callback_delay")
            : Settings.DEFAULT.callbackDelay();
    Integer maxSteps =
        m.containsKey("max_steps")
            ? parse(m, "max_steps", "settings.max_steps", Integer::valueOf, "a whole number")
            : Settings.DEFAULT.maxSteps();
    if (minConfidence == null || callbackDelay == null || maxSteps == null) {
      return Settings.DEFAULT;
    }
    return convert("settings", () -> new Settings(minConfidence, callbackDelay, maxSteps))
        .orElse(Settings.DEFAULT);
  }

  private Optional<Step> step(Object node, String path, Settings settings) {
    Map<String, Object> m = map(node, path);
    if (m == null) {
      return Optional.empty();
    }
    int before = problems.size();
    keys(m, path + ".", STEP_KEYS);
    Optional<Prompt> say =
        m.containsKey("say")
            ? Optional.ofNullable(prompt(m.get("say"), path + ".say"))
            : Optional.empty();
    Boolean bargeIn =
        m.containsKey("barge_in") ? bool(m.get("barge_in"), path + ".barge_in") : Boolean.TRUE;
    Optional<Listen> listen =
        m.containsKey("listen")
            ? listen(m.get("listen"), path + ".listen", settings)
            : Optional.empty();
    Map<IntentLabel, Branch> on =
        m.containsKey("on") ? branches(m.get("on"), path + ".on") : Map.of();
    Optional<String> next = optionalString(m, "next", path + ".next");
    Optional<DialogueOutcome> end =
        m.containsKey("end")
            ? convert(
                path + ".end", () -> DialogueOutcome.fromCode(scalar(m.get("end"), path + ".end")))
            : Optional.empty();
    Optional<String> transfer = optionalString(m, "transfer", path + ".transfer");
    Set<StepAction> actions = EnumSet.noneOf(StepAction.class);
    List<String> actionCodes = stringList(m.get("actions"), path + ".actions", false);
    for (int i = 0; i < actionCodes.size(); i++) {
      String code = actionCodes.get(i);
      convert(path + ".actions[" + i + "]", () -> StepAction.fromCode(code))
          .ifPresent(actions::add);
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return convert(path, () -> new Step(say, bargeIn, listen, on, next, end, transfer, actions));
  }

  private Optional<Listen> listen(Object node, String path, Settings settings) {
    Map<String, Object> m = map(node, path);
    if (m == null) {
      return Optional.empty();
    }
    int before = problems.size();
    keys(m, path + ".", LISTEN_KEYS);
    Map<String, List<String>> phrases = new TreeMap<>();
    if (m.containsKey("phrases")) {
      Map<String, Object> byLanguage = map(m.get("phrases"), path + ".phrases");
      if (byLanguage != null) {
        byLanguage.forEach(
            (language, list) ->
                phrases.put(language, stringList(list, path + ".phrases." + language, true)));
      }
    }
    Duration timeout =
        m.containsKey("timeout") ? duration(m.get("timeout"), path + ".timeout") : DEFAULT_TIMEOUT;
    Double minConfidence =
        m.containsKey("min_confidence")
            ? parse(m, "min_confidence", path + ".min_confidence", Double::valueOf, "a number")
            : settings.minConfidence();
    Map<Character, IntentLabel> dtmf = new TreeMap<>();
    Map<String, Object> keys = map(m.get("dtmf"), path + ".dtmf");
    if (keys != null) {
      keys.forEach(
          (key, label) -> {
            String at = path + ".dtmf." + key;
            if (key.length() != 1) {
              problems.add(new ScriptProblem(at, "a key is one of 0-9, * and #"));
              return;
            }
            convert(at, () -> IntentLabel.fromCode(scalar(label, at)))
                .ifPresent(l -> dtmf.put(key.charAt(0), l));
          });
    }
    Prompt reprompt = prompt(m.get("reprompt"), path + ".reprompt");
    Optional<String> noResponse = optionalString(m, "no_response", path + ".no_response");
    if (problems.size() > before) {
      return Optional.empty();
    }
    return convert(
        path, () -> new Listen(phrases, timeout, minConfidence, dtmf, reprompt, noResponse));
  }

  private Map<IntentLabel, Branch> branches(Object node, String path) {
    Map<IntentLabel, Branch> branches = new EnumMap<>(IntentLabel.class);
    if (node == null) {
      return branches;
    }
    Map<String, Object> m = map(node, path);
    if (m == null) {
      return branches;
    }
    m.forEach(
        (code, target) -> {
          String at = path + "." + code;
          Optional<IntentLabel> label = convert(at, () -> IntentLabel.fromCode(code));
          Optional<Branch> branch;
          if (target instanceof Map<?, ?>) {
            Map<String, Object> long_ = map(target, at);
            keys(long_, at + ".", BRANCH_KEYS);
            String goTo = string(long_, "goto", at + ".goto");
            Optional<String> withoutTime =
                optionalString(long_, "without_time", at + ".without_time");
            branch =
                goTo == null ? Optional.empty() : convert(at, () -> new Branch(goTo, withoutTime));
          } else {
            String goTo = scalar(target, at);
            branch = goTo == null ? Optional.empty() : convert(at, () -> Branch.to(goTo));
          }
          if (label.isPresent() && branch.isPresent()) {
            branches.put(label.get(), branch.get());
          }
        });
    return branches;
  }

  private Prompt prompt(Object node, String path) {
    if (node == null) {
      problems.add(new ScriptProblem(path, "required: the text in each language, e.g. en: ..."));
      return null;
    }
    Map<String, Object> m = map(node, path);
    if (m == null) {
      return null;
    }
    Map<String, String> texts = new TreeMap<>();
    m.forEach(
        (language, text) -> {
          String value = scalar(text, path + "." + language);
          if (value != null) {
            texts.put(language, value);
          }
        });
    return convert(path, () -> new Prompt(texts)).orElse(null);
  }

  private Duration duration(Object node, String path) {
    String text = scalar(node, path);
    if (text == null) {
      return null;
    }
    Matcher m = DURATION.matcher(text.strip());
    if (!m.matches()) {
      problems.add(
          new ScriptProblem(
              path, "'" + text + "' is not a duration: a number with ms, s, m, h or d, e.g. 6s"));
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

  private Boolean bool(Object node, String path) {
    String text = scalar(node, path);
    if ("true".equals(text) || "false".equals(text)) {
      return Boolean.valueOf(text);
    }
    if (text != null) {
      problems.add(new ScriptProblem(path, "'" + text + "' is not true or false"));
    }
    return null;
  }

  private <T> T parse(
      Map<String, Object> m, String key, String path, Function<String, T> parser, String expected) {
    String text = string(m, key, path);
    if (text == null) {
      return null;
    }
    try {
      return parser.apply(text.strip());
    } catch (NumberFormatException e) {
      problems.add(new ScriptProblem(path, "'" + text + "' is not " + expected));
    } catch (IllegalArgumentException e) {
      problems.add(new ScriptProblem(path, e.getMessage()));
    }
    return null;
  }

  private String string(Map<String, Object> m, String key, String path) {
    if (m == null) {
      return null;
    }
    if (!m.containsKey(key)) {
      problems.add(new ScriptProblem(path, "required"));
      return null;
    }
    return scalar(m.get(key), path);
  }

  private Optional<String> optionalString(Map<String, Object> m, String key, String path) {
    return m.containsKey(key) ? Optional.ofNullable(scalar(m.get(key), path)) : Optional.empty();
  }

  private String scalar(Object node, String path) {
    if (node instanceof String s && !s.isBlank()) {
      return s;
    }
    problems.add(
        new ScriptProblem(
            path,
            node instanceof String || node == null
                ? "a value is required"
                : "expected a single value"));
    return null;
  }

  private List<String> stringList(Object node, String path, boolean required) {
    if (node == null && !required) {
      return List.of();
    }
    if (!(node instanceof List<?> list)) {
      problems.add(new ScriptProblem(path, "expected a list, e.g. [a, b]"));
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
  private Map<String, Object> map(Object node, String path) {
    if (node instanceof Map<?, ?> m) {
      if (m.keySet().stream().allMatch(String.class::isInstance)) {
        return (Map<String, Object>) m;
      }
      problems.add(new ScriptProblem(path, "keys must be plain names"));
      return null;
    }
    problems.add(
        new ScriptProblem(path, node == null ? "required" : "expected a map of names to values"));
    return null;
  }

  private void keys(Map<String, Object> m, String prefix, Set<String> allowed) {
    for (String key : m.keySet()) {
      if (!allowed.contains(key)) {
        problems.add(
            new ScriptProblem(
                prefix + key, "unknown field; expected one of " + new TreeSet<>(allowed)));
      }
    }
  }

  private <T> Optional<T> convert(String path, Supplier<T> build) {
    try {
      return Optional.of(build.get());
    } catch (IllegalArgumentException | NullPointerException e) {
      problems.add(
          new ScriptProblem(path, Objects.requireNonNullElse(e.getMessage(), e.toString())));
      return Optional.empty();
    }
  }
}
