package io.contactcenter.ivr;

import io.contactcenter.common.Worded;
import java.util.Arrays;
import java.util.List;

/**
 * One thing wrong with an IVR flow.
 *
 * @param path where in the flow, e.g. {@code nodes.main.no-match}, or {@code line 3, column 5} for
 *     a syntax error
 * @param message what is wrong there, in English
 * @param code what is wrong, a stable word ({@code node-unknown}, ...): the message key {@code
 *     problem.flow.<code>} words it in the reader's language
 * @param arguments the values the message names, in the key's order
 */
public record FlowProblem(String path, String message, String code, List<String> arguments)
    implements Worded {

  public FlowProblem {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("path is required");
    }
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("message is required");
    }
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("code is required");
    }
    arguments = List.copyOf(arguments);
  }

  /** A problem at {@code path}: its code, its English wording and the values that wording names. */
  public static FlowProblem of(String path, String code, String english, Object... arguments) {
    return new FlowProblem(
        path, english, code, Arrays.stream(arguments).map(String::valueOf).toList());
  }

  /**
   * The parser's complaint at a line and column (both from 1): its path is the place ({@code line
   * 3, column 5}), its words say "YAML syntax error" in the reader's language at that place, and
   * the parser's own English text ({@code parserText}) follows only as a hint in brackets.
   */
  public static FlowProblem syntax(int line, int column, String parserText) {
    return of(
        "line " + line + ", column " + column,
        "syntax",
        "YAML syntax error (" + parserText + ")",
        line,
        column,
        parserText);
  }

  @Override
  public String messageKey() {
    return "problem.flow." + code;
  }

  @Override
  public Object[] messageArguments() {
    return arguments.toArray();
  }

  @Override
  public String english() {
    return message;
  }

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
