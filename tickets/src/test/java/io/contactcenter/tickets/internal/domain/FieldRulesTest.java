package io.contactcenter.tickets.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.tickets.FieldProblem;
import io.contactcenter.tickets.TicketField;
import io.contactcenter.tickets.TicketFieldType;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldRulesTest {

  private static final TicketField ORDER =
      new TicketField("order_no", "Order number", "订单号", TicketFieldType.TEXT, null, true);
  private static final TicketField AMOUNT =
      new TicketField("amount", "Refund amount", "退款金额", TicketFieldType.NUMBER, null, false);
  private static final TicketField PICKUP =
      new TicketField("pickup", "Pick-up date", "取件日期", TicketFieldType.DATE, null, false);
  private static final TicketField REASON =
      new TicketField(
          "reason",
          "Reason",
          "原因",
          TicketFieldType.CHOICE,
          List.of("damaged", "wrong item", "破损"),
          false);
  private static final List<TicketField> RETURN = List.of(ORDER, AMOUNT, PICKUP, REASON);

  @Test
  void goodValuesAreStoredExactlyAndTheChangedKeysNamed() {
    var outcome =
        FieldRules.apply(
            RETURN,
            Map.of(),
            Map.of("order_no", " A100 ", "amount", "12.50", "pickup", "2026-10-08", "reason", "破损"),
            true);
    assertThat(outcome).isInstanceOf(FieldRules.Outcome.Saved.class);
    var saved = (FieldRules.Outcome.Saved) outcome;
    assertThat(saved.values())
        .containsEntry("order_no", "A100")
        .containsEntry("amount", new BigDecimal("12.50"))
        .containsEntry("pickup", "2026-10-08")
        .containsEntry("reason", "破损");
    assertThat(((BigDecimal) saved.values().get("amount")).toPlainString()).isEqualTo("12.50");
    assertThat(saved.changed()).containsExactly("order_no", "amount", "pickup", "reason");
  }

  @ParameterizedTest(name = "{0}={1}: {2}")
  @CsvSource({
    "amount, twelve, not-a-number",
    "amount, 1e999999, not-a-number",
    "amount, 0.12345678901, not-a-number",
    "pickup, 2026-02-30, not-a-date",
    "pickup, 08/10/2026, not-a-date",
    "reason, lost, not-a-choice",
    "reason, DAMAGED, not-a-choice",
    "colour, red, unknown-field"
  })
  void aBadValueIsAProblemNamingTheField(String key, String value, String code) {
    var outcome = FieldRules.apply(RETURN, Map.of("order_no", "A1"), Map.of(key, value), true);
    assertThat(outcome).isInstanceOf(FieldRules.Outcome.Rejected.class);
    FieldProblem problem = ((FieldRules.Outcome.Rejected) outcome).problems().get(0);
    assertThat(problem.field()).isEqualTo(key);
    assertThat(problem.code()).isEqualTo(code);
  }

  @Test
  void everyProblemIsReportedWithTheFieldsLabels() {
    var outcome =
        FieldRules.apply(RETURN, Map.of(), Map.of("amount", "abc", "pickup", "tomorrow"), true);
    List<FieldProblem> problems = ((FieldRules.Outcome.Rejected) outcome).problems();
    assertThat(problems)
        .extracting(FieldProblem::field, FieldProblem::code, FieldProblem::labelZh)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("amount", "not-a-number", "退款金额"),
            org.assertj.core.groups.Tuple.tuple("pickup", "not-a-date", "取件日期"),
            org.assertj.core.groups.Tuple.tuple("order_no", "required", "订单号"));
  }

  @Test
  void blankClearsAndARequiredFieldCannotBeCleared() {
    Map<String, Object> current = Map.of("order_no", "A1", "amount", new BigDecimal("3"));
    Map<String, String> changes = new HashMap<>();
    changes.put("amount", "");
    var cleared = (FieldRules.Outcome.Saved) FieldRules.apply(RETURN, current, changes, true);
    assertThat(cleared.values()).containsOnlyKeys("order_no");
    assertThat(cleared.changed()).containsExactly("amount");

    changes.put("order_no", null);
    var refused = FieldRules.apply(RETURN, current, changes, true);
    assertThat(((FieldRules.Outcome.Rejected) refused).problems())
        .extracting(FieldProblem::code)
        .containsExactly("required");
    // Opening-time saves (requireAll false) may leave required fields for later.
    assertThat(FieldRules.apply(RETURN, current, changes, false))
        .isInstanceOf(FieldRules.Outcome.Saved.class);
  }

  @Test
  void valuesOfFieldsNoLongerDefinedAreKept() {
    Map<String, Object> current = Map.of("order_no", "A1", "old_field", "kept");
    var saved =
        (FieldRules.Outcome.Saved)
            FieldRules.apply(RETURN, current, Map.of("order_no", "A2"), true);
    assertThat(saved.values()).containsEntry("old_field", "kept").containsEntry("order_no", "A2");
  }

  @Test
  void savingTheSameValueChangesNothing() {
    var saved =
        (FieldRules.Outcome.Saved)
            FieldRules.apply(
                RETURN,
                Map.of("order_no", "A1", "amount", new BigDecimal("12.50")),
                Map.of("order_no", "A1", "amount", "12.50"),
                true);
    assertThat(saved.changed()).isEmpty();
    // A page that shows 12.50 as 12.5 and saves it back keeps the stored form.
    var again =
        (FieldRules.Outcome.Saved)
            FieldRules.apply(
                RETURN,
                Map.of("order_no", "A1", "amount", new BigDecimal("12.50")),
                Map.of("amount", "12.5"),
                true);
    assertThat(again.changed()).isEmpty();
    assertThat(((BigDecimal) again.values().get("amount")).toPlainString()).isEqualTo("12.50");
  }

  @Test
  void definitionsAreCheckedWithThePlaceOfEachProblem() {
    List<FieldProblem> problems =
        FieldRules.checkDefinitions(
            List.of(
                ORDER,
                new TicketField("Order No", "x", "x", TicketFieldType.TEXT, null, false),
                new TicketField("order_no", "", "订单", TicketFieldType.TEXT, null, false),
                new TicketField("kind", "Kind", "类型", TicketFieldType.CHOICE, List.of(), false),
                new TicketField("note", "Note", "备注", TicketFieldType.TEXT, List.of("a"), false),
                new TicketField("size", "Size", "尺码", null, null, false),
                new TicketField(
                    "colour",
                    "Colour",
                    "颜色",
                    TicketFieldType.CHOICE,
                    List.of("red", "red"),
                    false)));
    assertThat(problems)
        .extracting(FieldProblem::field, FieldProblem::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("fields[1].key", "key-format"),
            org.assertj.core.groups.Tuple.tuple("fields[2].key", "key-duplicate"),
            org.assertj.core.groups.Tuple.tuple("fields[2].labelEn", "label-required"),
            org.assertj.core.groups.Tuple.tuple("fields[3].choices", "choices-required"),
            org.assertj.core.groups.Tuple.tuple("fields[4].choices", "choices-unexpected"),
            org.assertj.core.groups.Tuple.tuple("fields[5].type", "type-required"),
            org.assertj.core.groups.Tuple.tuple("fields[6].choices", "choice-format"));
    assertThat(FieldRules.checkDefinitions(RETURN)).isEmpty();
  }

  @Test
  void aSearchedNumberIsANumberOnlyWhereTheKeyIsANumberField() {
    assertThat(FieldRules.searchValue(List.of(AMOUNT), "12.5")).isEqualTo(new BigDecimal("12.5"));
    assertThat(FieldRules.searchValue(List.of(ORDER), "12.5")).isEqualTo("12.5");
    assertThat(FieldRules.searchValue(List.of(AMOUNT), "abc")).isEqualTo("abc");
  }
}
