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
