package io.contactcenter.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvCellsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "Li Lei | Li Lei",
        "=HYPERLINK(\"http://x\") | `\"'=HYPERLINK(\"\"http://x\"\")\"`",
        "+8613800138000 | '+8613800138000",
        "-1 | '-1",
        "@SUM(A1) | '@SUM(A1)",
        "Li, Lei | `\"Li, Lei\"`",
        "say \"hi\" | `\"say \"\"hi\"\"\"`",
      })
  void neutralizesFormulasAndQuotesSeparators(String value, String expected) {
    assertThat(CsvCells.cell(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '#',
      quoteCharacter = '`',
      value = {
        // Opened where ';' separates cells (much of Europe), x;=1+1 would be two cells.
        "x;=1+1 # `\"x;'=1+1\"`",
        "x, =cmd|' /C calc'!A0 # `\"x, '=cmd|' /C calc'!A0\"`",
        "Li Lei|@SUM(A1) # `Li Lei|'@SUM(A1)`",
        "a;b # `\"a;b\"`",
        "1-2 # 1-2",
      })
  void neutralizesFormulasAfterASeparatorInsideTheCell(String value, String expected) {
    assertThat(CsvCells.cell(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      value = {
        // A tab separates cells in some locales: the cell is quoted as well as neutralized.
        "'\tcmd', '\"''\tcmd\"'",
        "'line\nbreak', '\"line\nbreak\"'",
        "'line\n=1+1', '\"line\n''=1+1\"'"
      })
  void controlCharactersCannotStartAFormulaOrBreakTheRow(String value, String expected) {
    assertThat(CsvCells.cell(value)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void nullIsAnEmptyCell() {
    assertThat(CsvCells.cell(null)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void aRowJoinsSafeCellsAndEndsWithCrLf() {
    assertThat(CsvCells.row("王小明", "=1+1", "a,b")).isEqualTo("王小明,'=1+1,\"a,b\"\r\n");
    assertThat(CsvCells.BOM).isEqualTo('\uFEFF');
  }
}
