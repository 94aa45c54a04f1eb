package io.contactcenter.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class SingleLineMessageConverterTest {

  private final SingleLineMessageConverter converter = new SingleLineMessageConverter();

  @Test
  void aValueWithALineBreakCannotStartALineOfItsOwn() {
    String forged = "evt-1\n2026-12-02T10:00:00.000Z ERROR 1 --- [main] Admin password is x";

    String line = converter.convert(event("order event {} skipped", forged));

    assertThat(line)
        .doesNotContain("\n")
        .isEqualTo(
            "order event evt-1\\n2026-12-02T10:00:00.000Z ERROR 1 --- [main] Admin password is x"
                + " skipped");
  }

  @Test
  void theCodesOwnMultiLineMessagesStayAsWritten() {
    assertThat(converter.convert(event("First start:\n  user {}\n", "admin")))
        .isEqualTo("First start:\n  user admin\n");
  }

  @Test
  void carriageReturnsTerminalEscapesAndUnicodeLineSeparatorsAreEscapedToo() {
    assertThat(SingleLineMessageConverter.escape("a\r\nb\u001B[31mc\u2028d\u0085e"))
        .isEqualTo("a\\r\\nb\\u001B[31mc\\u2028d\\u0085e");
  }

  @Test
  void plainTextChineseAndTabsStayAsTheyAre() {
    String text = "campaign cmp-1 import imp-2: 5 rows\t李雷 (GB18030)";
    assertThat(SingleLineMessageConverter.escape(text)).isSameAs(text);
  }

  private static LoggingEvent event(String pattern, Object arg) {
    LoggerContext context = new LoggerContext();
    return new LoggingEvent(
        "test", context.getLogger("test"), Level.INFO, pattern, null, new Object[] {arg});
  }
}
