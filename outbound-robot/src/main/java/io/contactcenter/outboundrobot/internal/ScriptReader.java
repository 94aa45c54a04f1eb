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
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
 * every problem of form with its path instead of stopping at the first (the typed access to single
 * values is {@link ScriptFields}). Not thread-safe: one per read.
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
      Set.of(
          "min_confidence",
          "callback_delay",
          "max_steps",
          "min_speech_confidence",
          "min_vote_share");
  private static final Set<String> STEP_KEYS =
      Set.of("say", "barge_in", "listen", "on", "next", "end", "transfer", "actions");
  private static final Set<String> LISTEN_KEYS =
      Set.of("phrases", "timeout", "min_confidence", "dtmf", "reprompt", "no_response");
  private static final Set<String> BRANCH_KEYS = Set.of("goto", "without_time");
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(6);

  private final ScriptFields fields = new ScriptFields();

  /** A source the parser refused without naming a place (too many aliases, too long). */
  private static ScriptProblem notYaml(String parserText) {
    return ScriptProblem.of(
        "(syntax)", "not-yaml", "not valid YAML or JSON (" + parserText + ")", parserText);
  }

  /** The script, or empty with {@link #problems()} saying why. */
  Optional<DialogueScript> read(String source) {
    Object root;
    try {
      root = yaml().load(source);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark();
      fields.add(
          mark == null
              ? notYaml(e.getProblem())
              : ScriptProblem.syntax(mark.getLine() + 1, mark.getColumn() + 1, e.getProblem()));
      return Optional.empty();
    } catch (YAMLException e) {
      fields.add(notYaml(e.getMessage()));
      return Optional.empty();
    }
    Map<String, Object> script = fields.map(root, "(root)");
    if (script == null) {
      return Optional.empty();
    }
    fields.keys(script, "", SCRIPT_KEYS);
    String id = fields.string(script, "id", "id");
    Integer version =
        fields.parse(script, "version", "version", Integer::valueOf, "a whole number");
    CampaignType campaign =
        fields.parse(script, "campaign", "campaign", CampaignType::fromCode, null);
    String language = fields.string(script, "language", "language");
    List<String> languages = fields.stringList(script.get("languages"), "languages", true);
    Map<String, VariableKind> variables = new TreeMap<>();
    Map<String, Object> declared = fields.map(script.get("variables"), "variables");
    if (declared != null) {
      declared.forEach(
          (name, kind) ->
              fields
                  .convert(
                      "variables." + name,
                      () -> VariableKind.fromCode(fields.scalar(kind, "variables." + name)))
                  .ifPresent(k -> variables.put(name, k)));
    }
    Settings settings = settings(script.get("settings"));
    String start = fields.string(script, "start", "start");
    String noResponse = fields.string(script, "no_response", "no_response");
    Prompt apology = prompt(script.get("apology"), "apology");
    Map<IntentLabel, Branch> on = branches(script.get("on"), "on");
    Map<String, Step> steps = new LinkedHashMap<>();
    Map<String, Object> stepNodes = fields.map(script.get("steps"), "steps");
    if (stepNodes != null) {
      stepNodes.forEach(
          (name, node) ->
              step(node, "steps." + name, settings).ifPresent(step -> steps.put(name, step)));
    }
    if (fields.count() > 0) {
      return Optional.empty();
    }
    return fields.convert(
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
    return fields.problems();
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
    Map<String, Object> m = fields.map(node, "settings");
    if (m == null) {
      return Settings.DEFAULT;
    }
    fields.keys(m, "settings.", SETTINGS_KEYS);
    Double minConfidence =
        m.containsKey("min_confidence")
            ? fields.parse(
                m, "min_confidence", "settings.min_confidence", Double::valueOf, "a number")
            : Settings.DEFAULT.minConfidence();
    Duration callbackDelay =
        m.containsKey("callback_delay")
            ? fields.duration(m.get("callback_delay"), "settings.callback_delay")
            : Settings.DEFAULT.callbackDelay();
    Integer maxSteps =
        m.containsKey("max_steps")
            ? fields.parse(m, "max_steps", "settings.max_steps", Integer::valueOf, "a whole number")
            : Settings.DEFAULT.maxSteps();
    Double minSpeechConfidence =
        m.containsKey("min_speech_confidence")
            ? fields.parse(
                m,
                "min_speech_confidence",
                "settings.min_speech_confidence",
                Double::valueOf,
                "a number")
            : Settings.DEFAULT.minSpeechConfidence();
    Double minVoteShare =
        m.containsKey("min_vote_share")
            ? fields.parse(
                m, "min_vote_share", "settings.min_vote_share", Double::valueOf, "a number")
            : Settings.DEFAULT.minVoteShare();
    if (minConfidence == null
        || callbackDelay == null
        || maxSteps == null
        || minSpeechConfidence == null
        || minVoteShare == null) {
      return Settings.DEFAULT;
    }
    return fields
        .convert(
            "settings",
            () ->
                new Settings(
                    minConfidence, callbackDelay, maxSteps, minSpeechConfidence, minVoteShare))
        .orElse(Settings.DEFAULT);
  }

  private Optional<Step> step(Object node, String path, Settings settings) {
    Map<String, Object> m = fields.map(node, path);
    if (m == null) {
      return Optional.empty();
    }
    int before = fields.count();
    fields.keys(m, path + ".", STEP_KEYS);
    Optional<Prompt> say =
        m.containsKey("say")
            ? Optional.ofNullable(prompt(m.get("say"), path + ".say"))
            : Optional.empty();
    Boolean bargeIn =
        m.containsKey("barge_in")
            ? fields.bool(m.get("barge_in"), path + ".barge_in")
            : Boolean.TRUE;
    Optional<Listen> listen =
        m.containsKey("listen")
            ? listen(m.get("listen"), path + ".listen", settings)
            : Optional.empty();
    Map<IntentLabel, Branch> on =
        m.containsKey("on") ? branches(m.get("on"), path + ".on") : Map.of();
    Optional<String> next = fields.optionalString(m, "next", path + ".next");
    Optional<DialogueOutcome> end =
        m.containsKey("end")
            ? fields.convert(
                path + ".end",
                () -> DialogueOutcome.fromCode(fields.scalar(m.get("end"), path + ".end")))
            : Optional.empty();
    Optional<String> transfer = fields.optionalString(m, "transfer", path + ".transfer");
    Set<StepAction> actions = EnumSet.noneOf(StepAction.class);
    List<String> actionCodes = fields.stringList(m.get("actions"), path + ".actions", false);
    for (int i = 0; i < actionCodes.size(); i++) {
      String code = actionCodes.get(i);
      fields
          .convert(path + ".actions[" + i + "]", () -> StepAction.fromCode(code))
          .ifPresent(actions::add);
    }
    if (fields.count() > before) {
      return Optional.empty();
    }
    return fields.convert(
        path, () -> new Step(say, bargeIn, listen, on, next, end, transfer, actions));
  }

  private Optional<Listen> listen(Object node, String path, Settings settings) {
    Map<String, Object> m = fields.map(node, path);
    if (m == null) {
      return Optional.empty();
    }
    int before = fields.count();
    fields.keys(m, path + ".", LISTEN_KEYS);
    Map<String, List<String>> phrases = new TreeMap<>();
    if (m.containsKey("phrases")) {
      Map<String, Object> byLanguage = fields.map(m.get("phrases"), path + ".phrases");
      if (byLanguage != null) {
        byLanguage.forEach(
            (language, list) ->
                phrases.put(
                    language, fields.stringList(list, path + ".phrases." + language, true)));
      }
    }
    Duration timeout =
        m.containsKey("timeout")
            ? fields.duration(m.get("timeout"), path + ".timeout")
            : DEFAULT_TIMEOUT;
    Double minConfidence =
        m.containsKey("min_confidence")
            ? fields.parse(
                m, "min_confidence", path + ".min_confidence", Double::valueOf, "a number")
            : settings.minConfidence();
    Map<Character, IntentLabel> dtmf = new TreeMap<>();
    Map<String, Object> keys = fields.map(m.get("dtmf"), path + ".dtmf");
    if (keys != null) {
      keys.forEach(
          (key, label) -> {
            String at = path + ".dtmf." + key;
            if (key.length() != 1) {
              fields.add(ScriptProblem.of(at, "dtmf-key", "a key is one of 0-9, * and #"));
              return;
            }
            fields
                .convert(at, () -> IntentLabel.fromCode(fields.scalar(label, at)))
                .ifPresent(l -> dtmf.put(key.charAt(0), l));
          });
    }
    Prompt reprompt = prompt(m.get("reprompt"), path + ".reprompt");
    Optional<String> noResponse = fields.optionalString(m, "no_response", path + ".no_response");
    if (fields.count() > before) {
      return Optional.empty();
    }
    return fields.convert(
        path, () -> new Listen(phrases, timeout, minConfidence, dtmf, reprompt, noResponse));
  }

  private Map<IntentLabel, Branch> branches(Object node, String path) {
    Map<IntentLabel, Branch> branches = new EnumMap<>(IntentLabel.class);
    if (node == null) {
      return branches;
    }
    Map<String, Object> m = fields.map(node, path);
    if (m == null) {
      return branches;
    }
    m.forEach(
        (code, target) -> {
          String at = path + "." + code;
          Optional<IntentLabel> label = fields.convert(at, () -> IntentLabel.fromCode(code));
          Optional<Branch> branch;
          if (target instanceof Map<?, ?>) {
            Map<String, Object> long_ = fields.map(target, at);
            fields.keys(long_, at + ".", BRANCH_KEYS);
            String goTo = fields.string(long_, "goto", at + ".goto");
            Optional<String> withoutTime =
                fields.optionalString(long_, "without_time", at + ".without_time");
            branch =
                goTo == null
                    ? Optional.empty()
                    : fields.convert(at, () -> new Branch(goTo, withoutTime));
          } else {
            String goTo = fields.scalar(target, at);
            branch = goTo == null ? Optional.empty() : fields.convert(at, () -> Branch.to(goTo));
          }
          if (label.isPresent() && branch.isPresent()) {
            branches.put(label.get(), branch.get());
          }
        });
    return branches;
  }

  private Prompt prompt(Object node, String path) {
    if (node == null) {
      fields.add(
          ScriptProblem.of(
              path, "prompt-required", "required: the text in each language, e.g. en: ..."));
      return null;
    }
    Map<String, Object> m = fields.map(node, path);
    if (m == null) {
      return null;
    }
    Map<String, String> texts = new TreeMap<>();
    m.forEach(
        (language, text) -> {
          String value = fields.scalar(text, path + "." + language);
          if (value != null) {
            texts.put(language, value);
          }
        });
    return fields.convert(path, () -> new Prompt(texts)).orElse(null);
  }
}
