package io.contactcenter.pbx;

import io.contactcenter.common.PhoneNumber;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to dial and what to run when the callee answers.
 *
 * <p>Validates itself: every field that reaches Asterisk is restricted to characters that cannot
 * change the meaning of a dial string or a dialplan application argument.
 *
 * @param attemptId our id for this attempt, unique per contact and reminder; passed to Asterisk as
 *     the channel variable {@code CC_ATTEMPT_ID} and returned on every call event
 * @param destination who to call
 * @param trunk the name of a configured trunk (PJSIP endpoint)
 * @param callerId the caller id presented to the callee, digits only with optional leading '+'
 * @param timeout how long to let it ring
 * @param context the dialplan context to run once answered
 * @param extension the extension in that context
 * @param variables further channel variables (names: upper-case letters, digits, underscore)
 */
public record OriginateRequest(
    String attemptId,
    PhoneNumber destination,
    String trunk,
    String callerId,
    Duration timeout,
    String context,
    String extension,
    Map<String, String> variables) {

  private static final Pattern ATTEMPT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
  private static final Pattern CALLER_ID = Pattern.compile("\\+?[0-9]{1,20}");
  private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9+_*#-]{1,40}");
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
  // Values travel inside an AMI "Variable: NAME=value" header: no line breaks, and none of the
  // characters Asterisk treats as argument separators or expression starters.
  private static final Pattern VARIABLE_VALUE =
      Pattern.compile("[^\\r\\n,|;$\\[\\]{}()\"'\\\\]{0,200}");
  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(3);

  public OriginateRequest {
    Objects.requireNonNull(destination, "destination is required");
    require(attemptId, ATTEMPT_ID, "attemptId", "1-64 of A-Z a-z 0-9 . _ -");
    require(trunk, NAME, "trunk", "a trunk name: lower-case letters, digits, _ and -");
    if (callerId != null) {
      require(callerId, CALLER_ID, "callerId", "digits with an optional leading +");
    }
    Objects.requireNonNull(timeout, "timeout is required");
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException("timeout must be between 1s and 3m, was " + timeout);
    }
    require(context, NAME, "context", "a dialplan context: lower-case letters, digits, _ and -");
    require(extension, EXTENSION, "extension", "1-40 of A-Z a-z 0-9 + _ * # -");
    if (variables == null) {
      variables = Map.of();
    }
    variables.forEach(
        (name, value) -> {
          if (name == null || value == null) {
            throw new IllegalArgumentException(
                "variable "
                    + (name == null ? "name" : "value of variable " + name)
                    + " is invalid: null");
          }
        });
    variables = Map.copyOf(variables);
    variables.forEach(
        (name, value) -> {
          require(name, VARIABLE_NAME, "variable name", "upper-case letters, digits and _");
          if (name.equals(ATTEMPT_ID_VARIABLE)) {
            throw new IllegalArgumentException(
                ATTEMPT_ID_VARIABLE + " is set from attemptId; do not pass it as a variable");
          }
          require(
              value,
              VARIABLE_VALUE,
              "value of variable " + name,
              "no line breaks or , | ; $ [ ] { } ( ) quotes");
        });
  }

  /** The channel variable that carries the attempt id through Asterisk and back in AMI events. */
  public static final String ATTEMPT_ID_VARIABLE = "CC_ATTEMPT_ID";

  private static void require(String value, Pattern pattern, String field, String expected) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(field + " is invalid: expected " + expected);
    }
  }
}
