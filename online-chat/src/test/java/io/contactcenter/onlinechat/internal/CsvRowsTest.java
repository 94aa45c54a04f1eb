package io.contactcenter.onlinechat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

  @Test
  void quotedCellsKeepCommasQuotesAndLineBreaks() {
    assertThat(CsvRows.parse("\uFEFFa,b\r\n\"x, y\",\"say \"\"hi\"\"\nthere\"\n\n1,\n"))
        .containsExactly(List.of("a", "b"), List.of("x, y", "say \"hi\"\nthere"), List.of("1", ""));
  }

  @Test
  void exportedCellsRoundTripAndNeverStartAFormula() {
    assertThat(KnowledgeBaseController.csvCell("=HYPERLINK(\"x\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(KnowledgeBaseController.csvCell("plain")).isEqualTo("plain");
    String cell = KnowledgeBaseController.csvCell("a, \"b\"");
    assertThat(CsvRows.parse(cell + "\n")).containsExactly(List.of("a, \"b\""));
  }
}
