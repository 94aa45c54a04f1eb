package io.contactcenter.tickets.internal.domain;

import io.contactcenter.tickets.FieldProblem;
import io.contactcenter.tickets.TicketField;
import io.contactcenter.tickets.TicketFieldType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of custom fields: what a definition must say, and which values a field takes. Every
 * problem is reported (not only the first), each naming the field, so a form can mark them all.
 */
public final class FieldRules {

  /** A field key: what values are stored under. */
  public static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");

  /** How many fields one category may have. */
  public static final int MAX_FIELDS = 50;

  private static final int MAX_TEXT = 1000;
  private static final int MAX_LABEL = 100;
  private static final int MAX_CHOICES = 100;
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t\\r]]");

  private FieldRules() {}

  /** The problems of a category's field definitions; empty when they may be saved. */
  public static List<FieldProblem> checkDefinitions(List<TicketField> fields) {
    List<FieldProblem> problems = new ArrayList<>();
    if (fields.size() > MAX_FIELDS) {
      problems.add(
          new FieldProblem("fields", null, null, "too-many", String.valueOf(fields.size())));
      return problems;
    }
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < fields.size(); i++) {
      TicketField f = fields.get(i);
      String at = "fields[" + i + "]";
      if (f == null) {
        problems.add(new FieldProblem(at, null, null, "key-format", ""));
        continue;
      }
      if (f.key() == null || !KEY.matcher(f.key()).matches()) {
        problems.add(new FieldProblem(at + ".key", null, null, "key-format", f.key()));
      } else if (!keys.add(f.key())) {
        problems.add(new FieldProblem(at + ".key", null, null, "key-duplicate", f.key()));
      }
      label(problems, at + ".labelEn", f.labelEn());
      label(problems, at + ".labelZh", f.labelZh());
      if (f.type() == null) {
        problems.add(new FieldProblem(at + ".type", null, null, "type-required", ""));
      } else if (f.type() == TicketFieldType.CHOICE) {
        if (f.choices().isEmpty()) {
          problems.add(new FieldProblem(at + ".choices", null, null, "choices-required", ""));
        }
        if (f.choices().size() > MAX_CHOICES) {
          problems.add(
              new FieldProblem(
                  at + ".choices", null, null, "too-many", String.valueOf(f.choices().size())));
        }
        Set<String> seen = new HashSet<>();
        for (String c : f.choices()) {
          if (c == null
              || c.isBlank()
              || !c.equals(c.strip())
              || c.codePointCount(0, c.length()) > MAX_LABEL
              || CONTROL.matcher(c).find()
              || !seen.add(c)) {
            problems.add(new FieldProblem(at + ".choices", null, null, "choice-format", c));
          }
        }
      } else if (!f.choices().isEmpty()) {
        problems.add(new FieldProblem(at + ".choices", null, null, "choices-unexpected", ""));
      }
    }
    return problems;
  }

  private static void label(List<FieldProblem> problems, String at, String label) {
    if (label == null || label.isBlank()) {
      problems.add(new FieldProblem(at, null, null, "label-required", ""));
    } else if (label.codePointCount(0, label.length()) > MAX_LABEL
        || CONTROL.matcher(label).find()) {
      problems.add(new FieldProblem(at, null, null, "label-too-long", label));
    }
  }

  /** The values after saving {@code changes} over {@code current}, or why they cannot be saved. */
  public sealed interface Outcome {

    /**
     * The values to store (keys of fields no longer defined are kept as they were) and the keys
     * that changed, in the fields' order.
     */
    record Saved(Map<String, Object> values, List<String> changed) implements Outcome {}

    /** Nothing may be saved. */
    record Rejected(List<FieldProblem> problems) implements Outcome {}
  }

  /**
   * Applies changes to a ticket's values: each key must be a field of the ticket's category; null
   * or blank clears; each value must fit its type; then each required field must have a value.
   *
   * @param current the stored values (strings and {@link BigDecimal}s)
   * @param requireAll whether required fields must all have values afterwards
   */
  public static Outcome apply(
      List<TicketField> fields,
      Map<String, Object> current,
      Map<String, String> changes,
      boolean requireAll) {
    Map<String, Object> values = new LinkedHashMap<>(current);
    List<FieldProblem> problems = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (Map.Entry<String, String> change : changes.entrySet()) {
      if (field(fields, change.getKey()).isEmpty()) {
        problems.add(
            new FieldProblem(
                String.valueOf(change.getKey()), null, null, "unknown-field", change.getValue()));
      }
    }
    for (TicketField f : fields) {
      if (!changes.containsKey(f.key())) {
        continue;
      }
      String raw = changes.get(f.key());
      Object before = values.get(f.key());
      if (raw == null || raw.isBlank()) {
        values.remove(f.key());
      } else {
        Object value = parse(f, raw.strip(), problems);
        // A number equal to the stored one keeps the stored form: a page showing 12.50 as 12.5
        // and saving it back changes nothing.
        if (value instanceof BigDecimal n
            && before instanceof BigDecimal b
            && n.compareTo(b) == 0) {
          value = b;
        }
        if (value != null) {
          values.put(f.key(), value);
        }
      }
      if (!same(before, values.get(f.key()))) {
        changed.add(f.key());
      }
    }
    if (requireAll) {
      problems.addAll(missingRequired(fields, values));
    }
    return problems.isEmpty()
        ? new Outcome.Saved(values, changed)
        : new Outcome.Rejected(List.copyOf(problems));
  }

  /** The required fields that have no value. */
  public static List<FieldProblem> missingRequired(
      List<TicketField> fields, Map<String, Object> values) {
    List<FieldProblem> problems = new ArrayList<>();
    for (TicketField f : fields) {
      if (f.required() && !values.containsKey(f.key())) {
        problems.add(problem(f, "required", ""));
      }
    }
    return problems;
  }

  /**
   * The stored form of a value searched for: a number when some field with this key is a number and
   * the value reads as one (so {@code 12.5} finds {@code 12.50}), else the text.
   */
  public static Object searchValue(List<TicketField> fieldsWithKey, String value) {
    boolean number = fieldsWithKey.stream().anyMatch(f -> f.type() == TicketFieldType.NUMBER);
    if (number) {
      Optional<BigDecimal> parsed = number(value);
      if (parsed.isPresent()) {
        return parsed.get();
      }
    }
    return value;
  }

  private static Object parse(TicketField f, String raw, List<FieldProblem> problems) {
    switch (f.type()) {
      case TEXT -> {
        if (raw.codePointCount(0, raw.length()) > MAX_TEXT) {
          problems.add(problem(f, "too-long", String.valueOf(MAX_TEXT)));
          return null;
        }
        if (CONTROL.matcher(raw).find()) {
          problems.add(problem(f, "control-characters", ""));
          return null;
        }
        return raw;
      }
      case NUMBER -> {
        Optional<BigDecimal> n = number(raw);
        if (n.isEmpty()) {
          problems.add(problem(f, "not-a-number", shorten(raw)));
          return null;
        }
        return n.get();
      }
      case DATE -> {
        try {
          return LocalDate.parse(raw).toString();
        } catch (DateTimeParseException e) {
          problems.add(problem(f, "not-a-date", shorten(raw)));
          return null;
        }
      }
      case CHOICE -> {
        if (!f.choices().contains(raw)) {
          problems.add(problem(f, "not-a-choice", shorten(raw)));
          return null;
        }
        return raw;
      }
    }
    throw new IllegalStateException("unknown field type " + f.type());
  }

  /**
   * A decimal number as written: plain or with an exponent, at most 30 significant digits and 10
   * decimals (PostgreSQL stores it exactly; nothing is rounded).
   */
  private static Optional<BigDecimal> number(String raw) {
    try {
      BigDecimal n = new BigDecimal(raw.strip());
      if (n.precision() > 30 || n.scale() > 10 || n.scale() < -30) {
        return Optional.empty();
      }
      return Optional.of(n);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0 && x.scale() == y.scale();
    }
    return a == null ? b == null : a.equals(b);
  }

  private static Optional<TicketField> field(List<TicketField> fields, String key) {
    return fields.stream().filter(f -> f.key().equals(key)).findFirst();
  }

  private static FieldProblem problem(TicketField f, String code, String value) {
    return new FieldProblem(f.key(), f.labelEn(), f.labelZh(), code, value);
  }

  private static String shorten(String raw) {
    return raw.codePointCount(0, raw.length()) <= 40
        ? raw
        : raw.substring(0, raw.offsetByCodePoints(0, 40)) + "…";
  }
}
