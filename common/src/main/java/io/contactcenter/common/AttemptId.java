package io.contactcenter.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * The id of one dial attempt: the key a campaign records before dialing, the robot stores before
 * originating, and Asterisk carries as the channel's id ({@code cc-<id>}) and {@code
 * CC_ATTEMPT_ID}. Only letters, digits, {@code -} and {@code _}, at most 100 characters, so it is
 * safe in an AMI action and a dialplan variable. On the wire (JSON) it is the plain string.
 *
 * @param value the id as stored
 */
public record AttemptId(@JsonValue String value) {

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");

  public AttemptId {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "an attempt id is 1 to 100 letters, digits, '-' or '_', was "
              + (value == null ? "nothing" : "'" + value + "'"));
    }
  }

  /**
   * The id as given.
   *
   * @throws IllegalArgumentException naming what is wrong with it
   */
  @JsonCreator
  public static AttemptId of(String value) {
    return new AttemptId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
