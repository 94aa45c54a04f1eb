package io.contactcenter.campaigns.internal.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.common.PhoneNumber;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactCsvReaderTest {

  private static final ImportOptions CHINA = ImportOptions.of("CN", ZoneId.of("Asia/Shanghai"));
  private static final String CHINESE_FILE =
      "手机号,姓名,订单号,尾款金额,截止日期\r\n"
          + "13800138000,张三,DD20240001,128.50,2024-12-31\r\n"
          + "+86 139-0013-9000,李四,DD20240002,\"1,280.00\",2025-01-15\r\n";

  private final ContactCsvReader reader = new ContactCsvReader();

  @Test
  void readsUtf8WithBomAndChineseHeaders() {
    Import result = readResource("utf8-bom-chinese.csv", CHINA);

    assertThat(result.summary())
        .isEqualTo(new ImportSummary(2, 2, 0, fileSize("utf8-bom-chinese.csv"), "UTF-8"));
    assertThat(result.rows())
        .allSatisfy(row -> assertThat(row).isInstanceOf(ContactRow.Valid.class));
    ContactRow.Valid first = result.valid(0);
    assertThat(first.rowNumber()).isEqualTo(2);
    assertThat(first.phone()).isEqualTo(PhoneNumber.parse("+8613800138000"));
    assertThat(first.region()).isEqualTo("CN");
    assertThat(first.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(first.name()).isEqualTo("张三");
    assertThat(first.variables())
        .containsExactly(
            Map.entry("订单号", "DD20240001"),
            Map.entry("尾款金额", "128.50"),
            Map.entry("截止日期", "2024-12-31"));
    ContactRow.Valid second = result.valid(1);
    assertThat(second.rowNumber()).isEqualTo(3);
    assertThat(second.phone().e164()).isEqualTo("+8613900139000");
    assertThat(second.variables()).containsEntry("尾款金额", "1,280.00");
  }

  @Test
  void readsGbkAsGb18030() {
    Import result = read(CHINESE_FILE.getBytes(Charset.forName("GBK")), CHINA);

    assertThat(result.summary().charset()).isEqualTo("GB18030");
    assertThat(result.summary().valid()).isEqualTo(2);
    assertThat(result.valid(0).name()).isEqualTo("张三");
    assertThat(result.valid(0).variables()).containsKeys("订单号", "尾款金额", "截止日期");
  }

  @Test
  void readsUtf16WithByteOrderMark() {
    Import little = read(withBom(CHINESE_FILE, StandardCharsets.UTF_16LE, 0xFF, 0xFE), CHINA);
    Import big = read(withBom(CHINESE_FILE, StandardCharsets.UTF_16BE, 0xFE, 0xFF), CHINA);

    assertThat(little.summary().charset()).isEqualTo("UTF-16LE");
    assertThat(big.summary().charset()).isEqualTo("UTF-16BE");
    for (Import result : List.of(little, big)) {
      assertThat(result.summary().valid()).isEqualTo(2);
      // The byte order mark must not stick to the first header, or the phone column is lost.
      assertThat(result.valid(0).name()).isEqualTo("张三");
      assertThat(result.valid(1).variables()).containsEntry("尾款金额", "1,280.00");
    }
  }

  @Test
  void readsUtf16WithoutByteOrderMark() {
    Import little = read(CHINESE_FILE.getBytes(StandardCharsets.UTF_16LE), CHINA);
    Import big = read(CHINESE_FILE.getBytes(StandardCharsets.UTF_16BE), CHINA);

    assertThat(little.summary().charset()).isEqualTo("UTF-16LE");
    assertThat(big.summary().charset()).isEqualTo("UTF-16BE");
    assertThat(little.valid(0).name()).isEqualTo("张三");
    assertThat(big.valid(0).name()).isEqualTo("张三");
  }

  @Test
  void readsUtf8WithoutBom() {
    Import result = read(CHINESE_FILE.getBytes(StandardCharsets.UTF_8), CHINA);

    assertThat(result.summary().charset()).isEqualTo("UTF-8");
    assertThat(result.valid(0).name()).isEqualTo("张三");
  }

  @Test
  void rejectsEachBadRowWithItsReasonAndKeepsEveryGoodRow() {
    Import result = readResource("bad-rows.csv", CHINA);

    assertThat(result.summary().rows()).isEqualTo(16);
    assertThat(result.summary().valid()).isEqualTo(6);
    assertThat(result.summary().rejected()).isEqualTo(10);
    assertThat(result.rows()).extracting(ContactRow::rowNumber).containsExactly(rowsFrom(2, 17));
    assertThat(result.reasons())
        .containsExactly(
            "row 2: phone 'abc123' contains characters other than digits and a leading '+'",
            "row 3: phone '110' is an emergency number",
            "row 4: phone '10086' is a short service number, not a subscriber's phone",
            "row 5: phone '+1 900 234 5678' is a premium-rate number",
            "row 11: column 'name' has a quote that is not closed (a quote inside a value must be"
                + " doubled: \"\")",
            "row 12: has 5 columns but the header has 4 (a value containing the separator must be"
                + " in double quotes)",
            "row 13: timezone 'Mars/Olympus' is not a known time zone (write an IANA name such as"
                + " Asia/Shanghai)",
            "row 15: phone '1380013800' is not a valid number in CN",
            "row 16: phone is empty",
            "row 17: phone '4001234567' is a shared-cost number");
    assertThat(result.validRows())
        .extracting(row -> row.rowNumber() + " " + row.phone().e164() + " " + row.name())
        .containsExactly(
            "6 +8613800138000 Full Width",
            "7 +8613800138001 Apostrophe",
            "8 +8613800138002 Formula",
            "9 +8613800138000 Scientific",
            "10 +8613800138003 Number Cell",
            "14 +8613800138007 Own Zone");
    assertThat(result.validRows().get(5).zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(result.validRows().get(5).variables())
        .containsExactly(Map.entry("order_number", "A13"));
  }

  @Test
  void refusesEmergencyNumbersOfTheDefaultRegion() {
    ImportOptions us = ImportOptions.of("US", ZoneId.of("America/New_York"));
    Import result = read(utf8("phone,name\n911,Police\n110,Not Here\n(212) 736-5000,Hotel\n"), us);

    assertThat(result.reasons())
        .containsExactly(
            "row 2: phone '911' is an emergency number",
            "row 3: phone '110' is a short service number, not a subscriber's phone");
    assertThat(result.valid(2).phone().e164()).isEqualTo("+12127365000");
    assertThat(result.valid(2).zone()).isEqualTo(ZoneId.of("America/New_York"));
  }

  @Test
  void takesTheZoneFromTheNumbersRegionThenFromTheOptions() {
    ImportOptions options = ImportOptions.of("CN", ZoneId.of("UTC"));
    Import result =
        read(
            utf8(
                "phone,tz\n"
                    + "+81 3-3224-9999,\n"
                    + "+44 20 7946 0958,\n"
                    + "+49 30 901820,\n"
                    + "+852 2123 4567,\n"
                    + "+354 551 1234,\n"
                    + "+1 212 736 5000,America/Chicago\n"),
            options);

    assertThat(result.summary().rejected()).isZero();
    assertThat(result.validRows())
        .extracting(row -> row.region() + " " + row.zone())
        .containsExactly(
            "JP Asia/Tokyo",
            "GB Europe/London",
            "DE Europe/Berlin",
            "HK Asia/Hong_Kong",
            "IS UTC",
            "US America/Chicago");
  }

  @Test
  void keepsNamesAndVariablesVerbatimAsData() {
    Import result = readResource("names-verbatim.csv", CHINA);

    assertThat(result.summary().rejected()).isZero();
    assertThat(result.valid(0).name()).isEqualTo("Zhang \"Tiger\" San");
    assertThat(result.valid(0).variables()).containsEntry("note", "a, b & c | d");
    assertThat(result.valid(1).rowNumber()).isEqualTo(3);
    assertThat(result.valid(1).name()).isEqualTo("Line one\nLine two");
    assertThat(result.valid(1).variables()).containsEntry("note", "${order_number} ${1+1}");
    assertThat(result.valid(2).rowNumber()).isEqualTo(4);
    assertThat(result.valid(2).name()).isEqualTo("O'Brien & Sons | Ltd");
    assertThat(result.valid(2).variables()).containsEntry("note", "=HYPERLINK(\"http://x\")");
  }

  @Test
  void stripsControlCharactersAndTrimsButKeepsLineBreaks() {
    Import result =
        read(
            utf8("phone,name,note\n13800138000,\"  Zhang\u0007\u0000 San \",\"a\r\nb\tc\u001b\"\n"),
            CHINA);

    assertThat(result.valid(0).name()).isEqualTo("Zhang San");
    assertThat(result.valid(0).variables()).containsEntry("note", "a\nbc");
  }

  @Test
  void rejectsCellsLongerThan500Characters() {
    String name = "x".repeat(501);
    String note = "汉".repeat(500);
    Import result =
        read(
            utf8("phone,name,note\n13800138000," + name + ",ok\n13800138001,ok," + note + "\n"),
            CHINA);

    assertThat(result.reasons())
        .containsExactly("row 2: column 'name' is longer than 500 characters (501)");
    assertThat(result.valid(1).variables().get("note")).hasSize(500);
  }

  @Test
  void readsTabAndSemicolonSeparatedFiles() {
    Import tabs = readResource("tab-separated.tsv", CHINA);
    Import semicolons = readResource("semicolon.csv", CHINA);

    assertThat(tabs.valid(0).name()).isEqualTo("Zhang, San");
    assertThat(tabs.valid(0).variables()).containsExactly(Map.entry("deadline", "2025-01-01"));
    assertThat(semicolons.valid(0).name()).isEqualTo("Zhang San");
    assertThat(semicolons.valid(0).variables()).containsExactly(Map.entry("amount_due", "1,50"));
  }

  @Test
  void skipsBlankRowsButKeepsSpreadsheetRowNumbers() {
    Import result = read(utf8("\nphone,name\n\n13800138000,A\n,\n13800138001,B\n\n\n"), CHINA);

    assertThat(result.summary().rows()).isEqualTo(2);
    assertThat(result.rows()).extracting(ContactRow::rowNumber).containsExactly(4, 6);
  }

  @Test
  void toleratesEmptyTrailingColumnsButNotMissingOnes() {
    Import result = read(utf8("phone,name\n13800138000,A,,\n13800138001\n"), CHINA);

    assertThat(result.valid(0).name()).isEqualTo("A");
    assertThat(result.reasons())
        .containsExactly(
            "row 3: has 1 columns but the header has 2 (a value containing the separator must be in"
                + " double quotes)");
  }

  @Test
  void rejectsAFileWithoutPhoneColumnNamingTheHeadersFound() {
    assertThatThrownBy(() -> readResource("no-phone-column.csv", CHINA))
        .isInstanceOf(ContactFileRejectedException.class)
        .hasMessage(
            "no phone column: expected one of phone, mobile, phone_number, tel, telephone, 手机, 手机号,"
                + " 手机号码, 电话, 电话号码, 联系电话; found name, order");
  }

  @Test
  void rejectsAFileWithARepeatedHeader() {
    assertThatThrownBy(() -> read(utf8("phone,amount,amount\n13800138000,1,2\n"), CHINA))
        .isInstanceOf(ContactFileRejectedException.class)
        .hasMessage(
            "column 'amount' appears twice, as columns 2 and 3; each column needs its own header");
  }

  @Test
  void findsThePhoneColumnWhateverItsCaseSpacingOrWidth() {
    for (String header :
        List.of(" PHONE ", "Phone Number", "phone-number", "ＴＥＬ", "联系电话", "手机号码")) {
      Import result = read(utf8(header + ",x\n13800138000,1\n"), CHINA);
      assertThat(result.valid(0).variables()).as(header).containsExactly(Map.entry("x", "1"));
    }
  }

  @Test
  void rejectsAFileWhoseHeaderCannotBeRead() {
    assertThatThrownBy(() -> read(utf8("phone,\"name\n13800138000,x\n"), CHINA))
        .isInstanceOf(ContactFileRejectedException.class)
        .hasMessage(
            "the header row (row 1) cannot be read: column 2 has a quote that is not closed (a"
                + " quote inside a value must be doubled: \"\")");
  }

  @Test
  void rejectsAnEmptyFile() {
    assertThatThrownBy(() -> readResource("empty.csv", CHINA))
        .isInstanceOf(ContactFileRejectedException.class)
        .hasMessage("the file is empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\uFEFF", "  \r\n\r\n", "\uFEFF\n\t\n", ",,\n"})
  void rejectsAFileWithOnlyABomOrWhitespace(String content) {
    assertThatThrownBy(() -> read(utf8(content), CHINA))
        .isInstanceOf(ContactFileRejectedException.class)
        .hasMessage("the file is empty");
  }

  @Test
  void aHeaderOnlyFileHasNoRows() {
    Import result = readResource("header-only.csv", CHINA);

    assertThat(result.summary()).isEqualTo(new ImportSummary(0, 0, 0, 25, "UTF-8"));
    assertThat(result.rows()).isEmpty();
  }

  @Test
  void theDedupeKeyIgnoresColumnOrderRowOrderAndName() {
    Import phoneFirst = readResource("orders-phone-first.csv", CHINA);
    Import amountFirst = readResource("orders-amount-first.csv", CHINA);

    List<String> keys = phoneFirst.validRows().stream().map(ContactRow.Valid::dedupeKey).toList();
    assertThat(keys).doesNotHaveDuplicates().allMatch(key -> key.matches("[0-9a-f]{64}"));
    assertThat(amountFirst.validRows())
        .extracting(ContactRow.Valid::dedupeKey)
        .containsExactlyInAnyOrderElementsOf(keys);
    assertThat(amountFirst.valid(0).name()).isEqualTo("张三");
  }

  @Test
  void theDedupeKeyHasAStableDocumentedForm() throws Exception {
    Import result = read(utf8("phone,b,a\n13800138000,x=\\,1\n13800138000,\"2\nc=3\",y\n"), CHINA);

    // e164, then per sorted variable "\n" name "=" value, with \ = and line breaks escaped.
    assertThat(result.valid(0).dedupeKey()).isEqualTo(sha256("+8613800138000\na=1\nb=x\\=\\\\"));
    // Escaping keeps a value with a line break from posing as two variables.
    assertThat(result.valid(1).dedupeKey()).isEqualTo(sha256("+8613800138000\na=y\nb=2\\nc\\=3"));
  }

  @Test
  void reportsProgressEvery10000RowsAndAtTheEnd() {
    StringBuilder csv = new StringBuilder("phone\n");
    for (int i = 0; i < 25_000; i++) {
      csv.append(13800000000L + i).append('\n');
    }
    byte[] bytes = utf8(csv.toString());
    List<Long> progress = new ArrayList<>();

    ImportSummary summary =
        reader.read(new ByteArrayInputStream(bytes), CHINA.withProgress(progress::add), row -> {});

    assertThat(summary.valid()).isEqualTo(25_000);
    assertThat(progress).hasSize(3).isSorted().last().isEqualTo((long) bytes.length);
    assertThat(progress.get(0)).isPositive().isLessThan(bytes.length);
  }

  @Test
  void aFailingStreamIsAnUncheckedIoException() {
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("connection reset");
          }
        };

    assertThatThrownBy(() -> reader.read(failing, CHINA, row -> {}))
        .isInstanceOf(UncheckedIOException.class)
        .hasRootCauseMessage("connection reset");
  }

  @Test
  void refusesAnUnknownDefaultRegion() {
    assertThatThrownBy(() -> ImportOptions.of("XX", ZoneId.of("UTC")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'XX'");
  }

  private Import readResource(String name, ImportOptions options) {
    try (InputStream in = resource(name)) {
      return read(in, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Import read(byte[] bytes, ImportOptions options) {
    return read(new ByteArrayInputStream(bytes), options);
  }

  private Import read(InputStream in, ImportOptions options) {
    List<ContactRow> rows = new ArrayList<>();
    ImportSummary summary = reader.read(in, options, rows::add);
    assertThat(summary.rows()).isEqualTo(rows.size());
    return new Import(summary, rows);
  }

  private static InputStream resource(String name) {
    InputStream in = ContactCsvReaderTest.class.getResourceAsStream("/contacts/" + name);
    assertThat(in).as(name).isNotNull();
    return in;
  }

  private static long fileSize(String name) {
    try (InputStream in = resource(name)) {
      return in.readAllBytes().length;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] withBom(String text, Charset charset, int... bom) {
    byte[] body = text.getBytes(charset);
    byte[] bytes = new byte[bom.length + body.length];
    for (int i = 0; i < bom.length; i++) {
      bytes[i] = (byte) bom[i];
    }
    System.arraycopy(body, 0, bytes, bom.length, body.length);
    return bytes;
  }

  private static Integer[] rowsFrom(int first, int last) {
    Integer[] rows = new Integer[last - first + 1];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = first + i;
    }
    return rows;
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** What one read handed out. */
  private record Import(ImportSummary summary, List<ContactRow> rows) {

    ContactRow.Valid valid(int index) {
      assertThat(rows.get(index)).isInstanceOf(ContactRow.Valid.class);
      return (ContactRow.Valid) rows.get(index);
    }

    List<ContactRow.Valid> validRows() {
      return rows.stream()
          .filter(ContactRow.Valid.class::isInstance)
          .map(ContactRow.Valid.class::cast)
          .toList();
    }

    List<String> reasons() {
      return rows.stream()
          .filter(ContactRow.Rejected.class::isInstance)
          .map(row -> ((ContactRow.Rejected) row).reason())
          .toList();
    }
  }
}
