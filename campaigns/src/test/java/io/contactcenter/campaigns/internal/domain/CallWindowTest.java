package io.contactcenter.campaigns.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallWindowTest {

  private static CallWindow.TimeRange range(String text) {
    return CallWindow.TimeRange.parse(text);
  }

  @Test
  void defaultsAreEveryDayNineToNine() {
    CallWindow window = CallWindow.defaults();

    for (DayOfWeek day : DayOfWeek.values()) {
      assertThat(window.rangesOn(day)).containsExactly(range("09:00-21:00"));
    }
    assertThat(window.holidays()).isEmpty();
    assertThat(window.toText()).isEqualTo("MON-SUN 09:00-21:00");
  }

  @Test
  void parsesTheUiForm() {
    CallWindow window = CallWindow.parse("MON-FRI 09:00-12:00,14:00-21:00; SAT 10:00-18:00");

    assertThat(window.rangesOn(DayOfWeek.MONDAY))
        .containsExactly(range("09:00-12:00"), range("14:00-21:00"));
    assertThat(window.rangesOn(DayOfWeek.FRIDAY))
        .containsExactly(range("09:00-12:00"), range("14:00-21:00"));
    assertThat(window.rangesOn(DayOfWeek.SATURDAY)).containsExactly(range("10:00-18:00"));
    assertThat(window.rangesOn(DayOfWeek.SUNDAY)).isEmpty();
    assertThat(window.toText()).isEqualTo("MON-FRI 09:00-12:00,14:00-21:00; SAT 10:00-18:00");
  }

  @Test
  void readsCaseAndSpacesLooselyAndWritesCanonically() {
    CallWindow window =
        CallWindow.parse(
            " tue 9:00 - 12:00 ; mon, wed 14:00-21:00 , 09:00-12:00; THU 09:00-12:00 ");

    assertThat(window.toText()).isEqualTo("MON,WED 09:00-12:00,14:00-21:00; TUE,THU 09:00-12:00");
  }

  @Test
  void groupsDaysWithTheSameHours() {
    CallWindow window =
        CallWindow.parse("MON 09:00-12:00; TUE 09:00-12:00; THU 09:00-12:00; SUN 09:00-12:00");

    assertThat(window.toText()).isEqualTo("MON-TUE,THU,SUN 09:00-12:00");
  }

  @Test
  void readsAndWritesHolidaysInDateOrder() {
    CallWindow window =
        CallWindow.parse("MON-FRI 09:00-21:00; HOLIDAYS 2026-12-25, 2026-01-01,2026-12-25");

    assertThat(window.holidays())
        .containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 25));
    assertThat(window.isHoliday(LocalDate.of(2026, 12, 25))).isTrue();
    assertThat(window.isHoliday(LocalDate.of(2026, 12, 24))).isFalse();
    assertThat(window.toText()).isEqualTo("MON-FRI 09:00-21:00; HOLIDAYS 2026-01-01,2026-12-25");
    assertThat(CallWindow.parse(window.toText())).isEqualTo(window);
  }

  @Test
  void sortsRangesAndDropsClosedDaysWhenBuilt() {
    CallWindow window =
        new CallWindow(
            Map.of(
                DayOfWeek.MONDAY,
                List.of(range("14:00-21:00"), range("09:00-12:00")),
                DayOfWeek.TUESDAY,
                List.of()),
            Set.of());

    assertThat(window.rangesOn(DayOfWeek.MONDAY))
        .containsExactly(range("09:00-12:00"), range("14:00-21:00"));
    assertThat(window.hours()).containsOnlyKeys(DayOfWeek.MONDAY);
    assertThat(window).isEqualTo(CallWindow.parse("MON 09:00-12:00,14:00-21:00"));
  }

  @Test
  void rangesAreHalfOpen() {
    CallWindow.TimeRange range = range("09:00-21:00");

    assertThat(range.contains(LocalTime.of(9, 0))).isTrue();
    assertThat(range.contains(LocalTime.of(20, 59, 59))).isTrue();
    assertThat(range.contains(LocalTime.of(21, 0))).isFalse();
    assertThat(range.contains(LocalTime.of(8, 59, 59))).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          MON 21:00-09:00                        | start must be before end (a range cannot cross midnight
          MON 09:00-09:00                        | start must be before end
          MON 09:00-12:00,11:00-13:00            | MON: ranges 09:00-12:00 and 11:00-13:00 overlap
          MON 09:00-12:00,12:00-14:00            | touch; write them as one range 09:00-14:00
          MON-FRI 09:00-21:00; FRI 10:00-11:00   | FRI is already given in an earlier clause
          XYZ 09:00-21:00                        | unknown day 'XYZ', expected one of MON TUE WED
          FRI-MON 09:00-21:00                    | day range FRI-MON runs backwards
          MON 09:00-24:00                        | '24:00' is not a time of day HH:MM
          MON 09:00-21:00:30                     | '21:00:30' is not a time of day
          MON 0900-2100                          | '0900' is not a time of day
          MON 09:00                              | range '09:00' is not HH:MM-HH:MM
          MON-FRI                                | ranges are missing
          09:00-21:00                            | days are missing
          MON 09:00-21:00;                       | empty clause
          MON 09:00-21:00; HOLIDAYS 2026-02-30   | '2026-02-30' is not a date YYYY-MM-DD
          MON 09:00-21:00; HOLIDAYS              | dates are missing
          HOLIDAYS 2026-12-25                    | a call window needs at least one open range
          """)
  void rejectsBadTextSayingWhatIsWrong(String text, String message) {
    assertThatThrownBy(() -> CallWindow.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void rejectsEmptyText() {
    assertThatThrownBy(() -> CallWindow.parse("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("call window is empty");
  }

  @Test
  void rejectsTimesWithSeconds() {
    assertThatThrownBy(() -> new CallWindow.TimeRange(LocalTime.of(9, 0, 30), LocalTime.of(10, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole minutes");
  }

  @Test
  void rejectsAWindowThatIsNeverOpen() {
    assertThatThrownBy(() -> new CallWindow(Map.of(DayOfWeek.MONDAY, List.of()), Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one open range");
  }
}
