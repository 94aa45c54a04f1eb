package io.contactcenter.outboundrobot.internal;

import io.contactcenter.outboundrobot.ScriptProblem;
import io.contactcenter.outboundrobot.ScriptRejectedException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Replaces prompt texts in a script's YAML (or JSON) source in place: each text's scalar is
 * rewritten as a double-quoted string, valid in both, and every other character of the source is
 * kept, so a version differs from the one it was edited from only where a text changed, and its
 * comments stay. Checking the result is the reader's job. Stateless.
 */
final class YamlPromptEditor {

  private static final Pattern PROMPT_PATH =
      Pattern.compile("apology|steps\\.[a-z][a-z0-9_]{0,63}\\.(say|listen\\.reprompt)");

  private YamlPromptEditor() {}

  /**
   * The source with the texts replaced.
   *
   * @param texts by prompt path ({@code steps.ask_payment.say}), then language
   * @throws ScriptRejectedException naming each path that is not a prompt of the source, each
   *     language the prompt has no text in, and each text written in a way that cannot be replaced
   *     alone (a YAML anchor, alias or tag)
   */
  static String withTexts(String name, String source, Map<String, Map<String, String>> texts) {
    Node root;
    try {
      root = ScriptReader.yaml().compose(new StringReader(source));
    } catch (YAMLException e) {
      throw new ScriptRejectedException(
          name,
          List.of(
              ScriptProblem.of(
                  "(syntax)",
                  "source-unreadable",
                  "the saved source cannot be read: " + e.getMessage(),
                  e.getMessage())));
    }
    List<ScriptProblem> problems = new ArrayList<>();
    List<Splice> splices = new ArrayList<>();
    texts.forEach(
        (path, byLanguage) -> {
          Optional<MappingNode> prompt =
              PROMPT_PATH.matcher(path).matches()
                  ? at(root, path.split("\\."))
                      .filter(MappingNode.class::isInstance)
                      .map(MappingNode.class::cast)
                  : Optional.empty();
          if (prompt.isEmpty()) {
            problems.add(ScriptProblem.of(path, "no-prompt", "the script has no prompt here"));
            return;
          }
          (byLanguage == null ? Map.<String, String>of() : byLanguage)
              .forEach(
                  (language, text) -> {
                    String at = path + "." + language;
                    Optional<Node> old = value(prompt.get(), language);
                    if (old.isEmpty() || !(old.get() instanceof ScalarNode scalar)) {
                      problems.add(
                          ScriptProblem.of(
                              at,
                              "no-text",
                              "the prompt has no text in '" + language + "'",
                              language));
                      return;
                    }
                    int start = offset(source, scalar.getStartMark());
                    int end = offset(source, scalar.getEndMark());
                    // A block scalar's end lies past its line breaks; they belong to the layout.
                    while (end > start && Character.isWhitespace(source.charAt(end - 1))) {
                      end--;
                    }
                    // An anchored or aliased text is shared, a tagged one typed: not ours alone.
                    if ("&*!".indexOf(source.charAt(start)) >= 0) {
                      problems.add(
                          ScriptProblem.of(
                              at,
                              "anchored",
                              "written with a YAML anchor, alias or tag: change it in the script's"
                                  + " source"));
                      return;
                    }
                    String replacement = text == null ? "" : text.strip();
                    splices.add(new Splice(start, end, quoted(replacement)));
                  });
        });
    if (!problems.isEmpty()) {
      throw new ScriptRejectedException(name, problems);
    }
    StringBuilder edited = new StringBuilder(source);
    splices.stream()
        .sorted(Comparator.comparingInt(Splice::start).reversed())
        .forEach(s -> edited.replace(s.start(), s.end(), s.text()));
    return edited.toString();
  }

  private record Splice(int start, int end, String text) {}

  private static Optional<Node> at(Node root, String[] keys) {
    Optional<Node> node = Optional.ofNullable(root);
    for (String key : keys) {
      node = node.filter(MappingNode.class::isInstance).flatMap(n -> value((MappingNode) n, key));
    }
    return node;
  }

  private static Optional<Node> value(MappingNode map, String key) {
    for (NodeTuple tuple : map.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return Optional.of(tuple.getValueNode());
      }
    }
    return Optional.empty();
  }

  /** SnakeYAML counts code points; Java strings, UTF-16 units (emoji take two). */
  private static int offset(String source, Mark mark) {
    return source.offsetByCodePoints(0, mark.getIndex());
  }

  /** A double-quoted scalar: the escapes used are JSON's, which YAML shares. */
  static String quoted(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                  if (c < 0x20
                      || (c >= 0x7f && c <= 0x9f)
                      || c == 0x2028
                      || c == 0x2029
                      || c == 0xfeff) {
                    out.append(String.format("\\u%04x", c));
                  } else {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.append('"').toString();
  }
}
