package io.contactcenter.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * The id of an outbound campaign ({@code cmp-} and a random suffix when the service makes one).
 * Letters, digits, {@code -} and {@code _}, at most 100 characters. On the wire (JSON) it is the
 * plain string.
 *
 * @param value the id as stored
 */
public record CampaignId(@JsonValue String value) {

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");

  public CampaignId {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "a campaign id is 1 to 100 letters, digits, '-' or '_', was "
              + (value == null ? "nothing" : "'" + value + "'"));
    }
  }

  /**
   * The id as given.
   *
   * @throws IllegalArgumentException naming what is wrong with it
   */
  @JsonCreator
  public static CampaignId of(String value) {
    return new CampaignId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
