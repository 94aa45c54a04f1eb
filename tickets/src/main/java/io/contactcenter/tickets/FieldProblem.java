package io.contactcenter.tickets;

/**
 * One thing wrong with a custom field's value or definition.
 *
 * @param field the field's key, or for a definition its place ({@code fields[2].choices})
 * @param labelEn the field's English label, to name it to the user; the key when it has none
 * @param labelZh the field's Chinese label; the key when it has none
 * @param code what is wrong, a stable word clients and the message bundles translate: {@code
 *     required}, {@code not-a-number}, {@code not-a-date}, {@code not-a-choice}, {@code too-long},
 *     {@code control-characters}, {@code unknown-field}, {@code key-format}, {@code key-duplicate},
 *     {@code label-required}, {@code label-too-long}, {@code type-required}, {@code
 *     choices-required}, {@code choices-unexpected}, {@code choice-format}, {@code too-many}
 * @param value the offending value as text, or empty
 */
public record FieldProblem(
    String field, String labelEn, String labelZh, String code, String value) {

  public FieldProblem {
    value = value == null ? "" : value;
    labelEn = labelEn == null ? field : labelEn;
    labelZh = labelZh == null ? field : labelZh;
  }
}
