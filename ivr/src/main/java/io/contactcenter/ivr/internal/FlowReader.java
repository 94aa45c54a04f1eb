package io.contactcenter.ivr.internal;

import io.contactcenter.common.OpeningHours;
import io.contactcenter.ivr.FlowProblem;
import io.contactcenter.ivr.FlowRejectedException;
import io.contactcenter.ivr.internal.domain.Flow;
import io.contactcenter.ivr.internal.domain.FlowValidator;
import io.contactcenter.ivr.internal.domain.Node;
import io.contactcenter.ivr.internal.domain.Prompt;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a flow written in YAML or JSON (JSON is YAML) and checks it, naming the place of every
 * problem. Stateless.
 */
final class FlowReader {

  /** Sources larger than this are refused before parsing. */
  static final int MAX_SOURCE_CHARS = 200_000;

  /** Reads and checks a flow; throws listing every problem. */
  Flow read(String source) {
    List<FlowProblem> problems = new ArrayList<>();
    Flow flow = parse(source, problems);
    if (flow != null) {
      problems.addAll(FlowValidator.check(flow));
    }
    if (!problems.isEmpty()) {
      throw new FlowRejectedException(problems);
    }
    return flow;
  }

  /** Every problem of a flow; empty when it is valid. */
  List<FlowProblem> problems(String source) {
    try {
      read(source);
      return List.of();
    } catch (FlowRejectedException e) {
      return e.problems();
    }
  }

  private Flow parse(String source, List<FlowProblem> problems) {
    if (source == null || source.isBlank()) {
      problems.add(FlowProblem.of("(source)", "empty", "the flow is empty"));
      return null;
    }
    if (source.length() > MAX_SOURCE_CHARS) {
      problems.add(
          FlowProblem.of(
              "(source)",
              "too-long",
              "the flow is longer than " + MAX_SOURCE_CHARS + " chars",
              MAX_SOURCE_CHARS));
      return null;
    }
    Object root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(10);
      options.setAllowDuplicateKeys(false);
      root = new Yaml(new SafeConstructor(options)).load(source);
    } catch (MarkedYAMLException e) {
      if (e.getProblemMark() == null) {
        problems.add(
            FlowProblem.of(
                "(source)", "not-yaml", "not YAML or JSON: " + e.getProblem(), e.getProblem()));
      } else {
        problems.add(
            FlowProblem.syntax(
                e.getProblemMark().getLine() + 1,
                e.getProblemMark().getColumn() + 1,
                e.getProblem()));
      }
      return null;
    } catch (YAMLException e) {
      problems.add(
          FlowProblem.of(
              "(source)", "not-yaml", "not YAML or JSON: " + e.getMessage(), e.getMessage()));
      return null;
    }
    if (!(root instanceof Map<?, ?> top)) {
      problems.add(
          FlowProblem.of(
              "(source)", "not-a-flow", "the flow must be a mapping with id, start, nodes"));
      return null;
    }
    FlowFields f = new FlowFields(top, "", problems);
    String id = f.text("id", true);
    if (id != null && !id.matches("[a-z0-9][a-z0-9-]{0,39}")) {
      problems.add(
          FlowProblem.of("id", "id-format", "must be lower-case letters, digits and -, up to 40"));
    }
    String language = f.text("language", false);
    String start = f.text("start", true);
    Set<String> variables = new LinkedHashSet<>(f.texts("variables"));
    Map<String, List<String>> agentPhrases = phrases(f, "agent-phrases");
    Map<String, Node> nodes = new LinkedHashMap<>();
    Map<?, ?> nodeMap = f.map("nodes", true);
    if (nodeMap != null) {
      if (nodeMap.isEmpty()) {
        problems.add(FlowProblem.of("nodes", "no-nodes", "a flow needs at least one node"));
      }
      for (Map.Entry<?, ?> e : nodeMap.entrySet()) {
        String nodeId = String.valueOf(e.getKey());
        String at = "nodes." + nodeId;
        if (!nodeId.matches("[A-Za-z][A-Za-z0-9_-]{0,39}")) {
          problems.add(
              FlowProblem.of(
                  at, "node-id-format", "a node id is a letter then letters, digits, _ or -"));
        }
        if (!(e.getValue() instanceof Map<?, ?> body)) {
          problems.add(FlowProblem.of(at, "node-not-mapping", "must be a mapping with a type"));
          continue;
        }
        Node node = node(nodeId, new FlowFields(body, at + ".", problems), problems);
        if (node != null) {
          nodes.put(nodeId, node);
        }
      }
    }
    OpeningHours hours = hours(f, problems);
    String repeatCaller = f.text("repeat-caller", false);
    if (id == null || start == null || nodeMap == null) {
      return null;
    }
    return new Flow(
        id,
        1,
        language == null ? "zh" : language,
        start,
        variables,
        agentPhrases,
        nodes,
        hours,
        repeatCaller);
  }

  private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  private static OpeningHours hours(FlowFields f, List<FlowProblem> problems) {
    Map<?, ?> map = f.map("hours", false);
    if (map == null) {
      return null;
    }
    FlowFields h = new FlowFields(map, "hours.", problems);
    ZoneId zone = ZoneId.of("Asia/Shanghai");
    String zoneText = h.text("zone", false);
    if (zoneText != null) {
      try {
        zone = ZoneId.of(zoneText);
      } catch (DateTimeException e) {
        problems.add(
            FlowProblem.of(
                "hours.zone", "zone-unknown", "unknown time zone '" + zoneText + "'", zoneText));
      }
    }
    Map<DayOfWeek, List<OpeningHours.Period>> weekly = new EnumMap<>(DayOfWeek.class);
    Map<?, ?> week = h.map("weekly", true);
    if (week != null) {
      FlowFields w = new FlowFields(week, "hours.weekly.", problems);
      for (Object key : week.keySet()) {
        String day = String.valueOf(key);
        int index = DAYS.indexOf(day);
        if (index < 0) {
          problems.add(
              FlowProblem.of("hours.weekly." + day, "day-unknown", "not a day; use mon .. sun"));
          continue;
        }
        weekly.put(DayOfWeek.of(index + 1), periods(w, day));
      }
    }
    return new OpeningHours(
        zone,
        weekly,
        new LinkedHashSet<>(dates(h, "holidays")),
        new LinkedHashSet<>(dates(h, "workdays")),
        h.has("workday-hours")
            ? periods(h, "workday-hours")
            : weekly.getOrDefault(DayOfWeek.MONDAY, List.of()));
  }

  private static List<OpeningHours.Period> periods(FlowFields f, String name) {
    List<OpeningHours.Period> periods = new ArrayList<>();
    Object value = f.map().get(name);
    List<String> texts =
        value instanceof List<?>
            ? f.texts(name)
            : value == null ? List.of() : List.of(String.valueOf(value));
    for (String text : texts) {
      if (text.equals("closed")) {
        continue;
      }
      try {
        periods.add(OpeningHours.Period.parse(text));
      } catch (DateTimeException | IllegalArgumentException e) {
        f.problems()
            .add(
                FlowProblem.of(
                    f.at() + name,
                    "period",
                    "'" + text + "' is not a period like 09:00-18:00",
                    text));
      }
    }
    return periods;
  }

  private static List<LocalDate> dates(FlowFields f, String name) {
    List<LocalDate> dates = new ArrayList<>();
    Object value = f.map().get(name);
    if (value == null) {
      return dates;
    }
    if (!(value instanceof List<?> list)) {
      f.problems()
          .add(FlowProblem.of(f.at() + name, "dates", "must be a list of dates (yyyy-MM-dd)"));
      return dates;
    }
    for (Object o : list) {
      // YAML reads an unquoted 2026-10-01 as a timestamp at midnight UTC.
      if (o instanceof Date d) {
        dates.add(d.toInstant().atZone(ZoneOffset.UTC).toLocalDate());
        continue;
      }
      try {
        dates.add(LocalDate.parse(String.valueOf(o)));
      } catch (DateTimeException e) {
        f.problems()
            .add(
                FlowProblem.of(f.at() + name, "date", "'" + o + "' is not a date (yyyy-MM-dd)", o));
      }
    }
    return dates;
  }

  private static Node node(String id, FlowFields f, List<FlowProblem> problems) {
    String type = f.text("type", true);
    if (type == null) {
      return null;
    }
    return switch (type) {
      case "menu" -> {
        List<Node.Choice> choices = new ArrayList<>();
        List<?> list = f.list("choices");
        for (int i = 0; i < list.size(); i++) {
          if (!(list.get(i) instanceof Map<?, ?> c)) {
            problems.add(
                FlowProblem.of(f.at() + "choices[" + i + "]", "mapping", "must be a mapping"));
            continue;
          }
          FlowFields cf = new FlowFields(c, f.at() + "choices[" + i + "].", problems);
          String key = cf.text("key", true);
          String next = cf.text("next", true);
          String intent = cf.text("intent", false);
          if (key == null || next == null) {
            continue;
          }
          if (key.length() != 1) {
            problems.add(FlowProblem.of(cf.at() + "key", "key", "must be one key, 1-9, * or #"));
            continue;
          }
          choices.add(
              new Node.Choice(
                  key.charAt(0), phrases(cf, "say"), next, intent == null ? next : intent));
        }
        yield new Node.Menu(
            id,
            prompt(f, "prompt"),
            choices,
            f.text("no-input", true),
            f.text("no-match", true),
            f.text("to-agent", true));
      }
      case "say" -> new Node.Say(id, prompt(f, "prompt"), f.text("next", true));
      case "order-status" ->
          new Node.OrderStatus(
              id,
              f.integer("min-digits", 6),
              f.integer("max-digits", 12),
              prompt(f, "ask"),
              prompt(f, "confirm"),
              // Flows saved before the keys-only read-back existed keep working with the default.
              f.map().containsKey("confirm-keys")
                  ? prompt(f, "confirm-keys")
                  : Node.OrderStatus.DEFAULT_CONFIRM_KEYS,
              prompt(f, "found"),
              prompt(f, "not-found"),
              prompt(f, "unavailable"),
              f.text("next", true),
              f.text("no-input", true),
              f.text("to-agent", true));
      case "agent" ->
          new Node.Agent(
              id,
              f.has("prompt") ? prompt(f, "prompt") : null,
              f.text("queue", true),
              f.text("priority", false));
      case "hangup" -> new Node.Hangup(id, prompt(f, "prompt"));
      case "hours" -> new Node.Hours(id, f.text("open", true), f.text("closed", true));
      case "leave-number" ->
          new Node.LeaveNumber(id, prompt(f, "ask"), prompt(f, "thanks"), f.text("next", true));
      default -> {
        problems.add(
            FlowProblem.of(
                f.at() + "type",
                "type-unknown",
                "unknown type '"
                    + type
                    + "'; use menu, say, order-status, hours, leave-number, agent or hangup",
                type));
        yield null;
      }
    };
  }

  private static Prompt prompt(FlowFields f, String name) {
    Map<?, ?> map = f.map(name, true);
    if (map == null) {
      return null;
    }
    FlowFields pf = new FlowFields(map, f.at() + name + ".", f.problems());
    Map<String, String> texts = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (key.equals("sounds")) {
        continue;
      }
      if (!FlowValidator.LANGUAGES.contains(key)) {
        f.problems()
            .add(
                FlowProblem.of(
                    pf.at() + key,
                    "prompt-key",
                    "unknown language; a prompt has en, zh and sounds"));
        continue;
      }
      texts.put(key, e.getValue() == null ? "" : String.valueOf(e.getValue()));
    }
    return new Prompt(texts, pf.texts("sounds"));
  }

  private static Map<String, List<String>> phrases(FlowFields f, String name) {
    Map<?, ?> map = f.map(name, false);
    Map<String, List<String>> phrases = new LinkedHashMap<>();
    if (map == null) {
      return phrases;
    }
    FlowFields pf = new FlowFields(map, f.at() + name + ".", f.problems());
    for (Object key : map.keySet()) {
      String language = String.valueOf(key);
      if (!FlowValidator.LANGUAGES.contains(language)) {
        f.problems()
            .add(
                FlowProblem.of(
                    pf.at() + language, "language-unknown", "unknown language; use en or zh"));
        continue;
      }
      phrases.put(language, pf.texts(language));
    }
    return phrases;
  }
}
