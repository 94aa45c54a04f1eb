package io.contactcenter.app.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Query parameters of list endpoints, parsed with a message that names the parameter. */
final class QueryParameters {

  /** The response header that says how many items match on every page of a list. */
  static final String TOTAL_COUNT = "X-Total-Count";

  private QueryParameters() {}

  /**
   * The constant named {@code value} in any case; {@code null} for a missing or blank value.
   *
   * @throws BadParameterException naming the parameter and the constants it takes
   */
  static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadParameterException(
          "problem.parameter.enum",
          name,
          Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }
  }

  /**
   * An ISO-8601 instant such as {@code 2026-11-01T00:00:00Z}; {@code null} for a missing or blank
   * value.
   *
   * @throws BadParameterException naming the parameter
   */
  static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new BadParameterException("problem.parameter.instant", name);
    }
  }
}
