package io.contactcenter.tickets;

import io.contactcenter.common.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks of free text in requests: lengths in code points, no control characters. */
final class Texts {

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t\\r]]");
  private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_-]{0,39}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");

  private Texts() {}

  /** The text stripped; rejects it, naming {@code field}, when blank, too long or not text. */
  static String required(String field, String text, int max) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("problem.text.required", field + " is required", field);
    }
    return optional(field, text, max);
  }

  /** Like {@link #required} but null and blank give null. */
  static String optional(String field, String text, int max) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String stripped = text.strip();
    int length = stripped.codePointCount(0, stripped.length());
    if (length > max) {
      throw new InvalidInputException(
          "problem.text.too-long",
          field + " is " + length + " characters long; at most " + max + " are allowed",
          field,
          String.valueOf(length),
          String.valueOf(max));
    }
    if (CONTROL.matcher(stripped).find()) {
      throw new InvalidInputException(
          "problem.text.control", field + " contains control characters", field);
    }
    return stripped;
  }

  /** Tags lower-cased, without duplicates; at most 20 of letters, digits, _ and -. */
  static List<String> tags(List<String> tags) {
    if (tags == null) {
      return List.of();
    }
    if (tags.size() > 20) {
      throw new InvalidInputException(
          "problem.tags.too-many",
          "at most 20 tags are allowed, got " + tags.size(),
          String.valueOf(tags.size()));
    }
    List<String> out = new ArrayList<>();
    for (String tag : tags) {
      if (tag == null || !TAG.matcher(tag).matches()) {
        String shown = tag == null ? "null" : tag.replaceAll("\\p{Cntrl}", "?");
        throw new InvalidInputException(
            "problem.tags.form", "tag '" + shown + "' must be 1-40 letters, digits, _ or -", shown);
      }
      String lower = tag.toLowerCase(Locale.ROOT);
      if (!out.contains(lower)) {
        out.add(lower);
      }
    }
    return List.copyOf(out);
  }

  /** A user or group name: 1-100 of letters, digits and . _ @ -. */
  static String name(String field, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidInputException(
          "problem.name.form",
          field + " must be 1-100 letters, digits or . _ @ - (starting with a letter or digit)",
          field);
    }
    return name;
  }
}
