package io.contactcenter.outboundrobot;

import io.contactcenter.common.Worded;
import java.util.Arrays;
import java.util.List;

/**
 * One thing wrong with a dialogue script.
 *
 * @param path where in the script, e.g. {@code steps.ask_payment.on.agree.goto}, or {@code line 3,
 *     column 5} for a syntax error
 * @param message what is wrong there, in English
 * @param code what is wrong, a stable word ({@code step-unknown}, ...): the message key {@code
 *     problem.script.<code>} words it in the reader's language
 * @param arguments the values the message names, in the key's order
 */
public record ScriptProblem(String path, String message, String code, List<String> arguments)
    implements Worded {

  public ScriptProblem {
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
  public static ScriptProblem of(String path, String code, String english, Object... arguments) {
    return new ScriptProblem(
        path, english, code, Arrays.stream(arguments).map(String::valueOf).toList());
  }

  /**
   * The parser's complaint at a line and column (both from 1): its path is the place ({@code line
   * 3, column 5}), its words say "YAML syntax error" in the reader's language at that place, and
   * the parser's own English text ({@code parserText}) follows only as a hint in brackets.
   */
  public static ScriptProblem syntax(int line, int column, String parserText) {
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
    return "problem.script." + code;
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
