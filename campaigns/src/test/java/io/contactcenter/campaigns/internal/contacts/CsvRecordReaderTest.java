package io.contactcenter.campaigns.internal.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.campaigns.internal.contacts.CsvRecordReader.CsvRecord;
import io.contactcenter.campaigns.internal.contacts.CsvRecordReader.Fields;
import io.contactcenter.campaigns.internal.contacts.CsvRecordReader.Malformed;
import io.contactcenter.campaigns.internal.contacts.CsvRecordReader.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

  @Test
  void readsQuotedFieldsWithEscapedQuotesSeparatorsAndLineBreaks() throws IOException {
    List<CsvRecord> records =
        readAll("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"one\r\ntwo\"\r\nplain,,\"\"\r\n");

    assertThat(records)
        .containsExactly(
            new Fields(1, List.of("a", "b", "c")),
            new Fields(2, List.of("x, y", "say \"hi\"", "one\r\ntwo")),
            new Fields(3, List.of("plain", "", "")));
  }

  @Test
  void acceptsLfCrLfAndLoneCrAndAMissingFinalLineBreak() throws IOException {
    assertThat(readAll("a\nb\r\nc\rd"))
        .extracting(record -> ((Fields) record).cells().get(0))
        .containsExactly("a", "b", "c", "d");
  }

  @Test
  void keepsAQuoteInsideAnUnquotedFieldAsText() throws IOException {
    assertThat(readAll("phone,name\n1,Zhang \"Tiger\" San\n"))
        .last()
        .isEqualTo(new Fields(2, List.of("1", "Zhang \"Tiger\" San")));
  }

  @Test
  void countsBlankLinesAsRows() throws IOException {
    assertThat(readAll("a\n\nb\n"))
        .containsExactly(
            new Fields(1, List.of("a")), new Fields(2, List.of("")), new Fields(3, List.of("b")));
  }

  @Test
  void choosesTheSeparatorFromTheFirstNonBlankLine() throws IOException {
    assertThat(open("\n\nphone\tname\n").separator()).isEqualTo('\t');
    assertThat(open("phone;name\n").separator()).isEqualTo(';');
    assertThat(open("phone;name,x\n").separator()).isEqualTo(',');
    assertThat(open("phone\n").separator()).isEqualTo(',');
    assertThat(open("").separator()).isEqualTo(',');
  }

  @Test
  void aQuoteLeftOpenToTheEndOfTheFileCostsOnlyItsOwnRow() throws IOException {
    List<CsvRecord> records = readAll("a,b\n1,\"open\n2,x\n3,y\n");

    assertThat(records)
        .containsExactly(
            new Fields(1, List.of("a", "b")),
            new Malformed(2, Problem.UNTERMINATED_QUOTE, 1),
            new Fields(3, List.of("2", "x")),
            new Fields(4, List.of("3", "y")));
  }

  @Test
  void aQuoteClosedOnALaterLineIsCaughtByTheColumnCount() throws IOException {
    // The quote opened on row 2 "closes" at the inch mark on row 3, swallowing a line break.
    List<CsvRecord> records = readAll("a,b,c\n1,\"open,x\n2,TV 55\",y,z\n3,y,z\n", 3);

    assertThat(records)
        .containsExactly(
            new Fields(1, List.of("a", "b", "c")),
            new Malformed(2, Problem.UNTERMINATED_QUOTE, 1),
            new Fields(3, List.of("2", "TV 55\"", "y", "z")),
            new Fields(4, List.of("3", "y", "z")));
  }

  @Test
  void aQuoteFollowedByTextIsMalformedAndReadingGoesOnAtTheNextLine() throws IOException {
    List<CsvRecord> records = readAll("a,b\n\"1\"2,x\n3,\"y\"\n", 2);

    assertThat(records)
        .containsExactly(
            new Fields(1, List.of("a", "b")),
            new Malformed(2, Problem.TEXT_AFTER_CLOSING_QUOTE, 0),
            new Fields(3, List.of("3", "y")));
  }

  @Test
  void spacesBetweenAClosingQuoteAndTheSeparatorAreDropped() throws IOException {
    assertThat(readAll("a,b\n\"1\" ,x\n", 2)).last().isEqualTo(new Fields(2, List.of("1", "x")));
  }

  @Test
  void aQuotedFieldSpanningLinesWithTheRightColumnCountIsKept() throws IOException {
    assertThat(readAll("a,b\n1,\"two\nlines\"\n", 2))
        .last()
        .isEqualTo(new Fields(2, List.of("1", "two\nlines")));
  }

  @Test
  void anOverlongQuotedFieldIsTakenForAnUnterminatedQuote() throws IOException {
    String line = "2,x\n";
    String text =
        "a,b\n1,\"open\n" + line.repeat(CsvRecordReader.MAX_QUOTED_CHARS / line.length() + 10);

    List<CsvRecord> records = readAll(text, 2);

    assertThat(records.get(1)).isEqualTo(new Malformed(2, Problem.UNTERMINATED_QUOTE, 1));
    assertThat(records.subList(2, records.size()))
        .hasSize(CsvRecordReader.MAX_QUOTED_CHARS / line.length() + 10)
        .allMatch(record -> record.equals(new Fields(record.rowNumber(), List.of("2", "x"))));
  }

  @Test
  void anOverlongRowIsSkippedToTheEndOfItsLine() throws IOException {
    String text = "a\n" + "x".repeat(CsvRecordReader.MAX_RECORD_CHARS + 5) + "\nb\n";

    assertThat(readAll(text))
        .containsExactly(
            new Fields(1, List.of("a")),
            new Malformed(2, Problem.TOO_LONG, -1),
            new Fields(3, List.of("b")));
  }

  @Test
  void readsBackWhatAnRfc4180WriterWrote() throws IOException {
    Random random = new Random(4180);
    String alphabet = "ab,\"\r\n \t;张=";
    List<List<String>> rows = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int r = 0; r < 2_000; r++) {
      List<String> row = new ArrayList<>();
      for (int c = 0; c < 3; c++) {
        StringBuilder cell = new StringBuilder();
        int length = random.nextInt(8);
        for (int i = 0; i < length; i++) {
          cell.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        row.add(cell.toString());
        text.append(c == 0 ? "" : ",")
            .append('"')
            .append(cell.toString().replace("\"", "\"\""))
            .append('"');
      }
      text.append(random.nextBoolean() ? "\r\n" : "\n");
      rows.add(row);
    }

    List<CsvRecord> records = readAll(text.toString(), 3);

    assertThat(records).extracting(record -> ((Fields) record).cells()).isEqualTo(rows);
  }

  private static CsvRecordReader open(String text) throws IOException {
    return CsvRecordReader.open(new StringReader(text));
  }

  private static List<CsvRecord> readAll(String text) throws IOException {
    return readAll(text, 0);
  }

  private static List<CsvRecord> readAll(String text, int columns) throws IOException {
    CsvRecordReader reader = open(text);
    reader.expectColumns(columns);
    List<CsvRecord> records = new ArrayList<>();
    for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
      records.add(record);
    }
    return records;
  }
}
