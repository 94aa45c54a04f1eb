package io.contactcenter.outboundrobot;

/**
 * One thing wrong with a dialogue script.
 *
 * @param path where in the script, e.g. {@code steps.ask_payment.on.agree.goto}, or {@code line 3,
 *     column 5} for a syntax error
 * @param message what is wrong there
 */
public record ScriptProblem(String path, String message) {

  public ScriptProblem {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("path is required");
    }
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("message is required");
    }
  }

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
