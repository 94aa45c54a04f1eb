package io.contactcenter.asrtts.internal.intent;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.asrtts.ReplyLanguage;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallbackTimeExtractorTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  // A Monday morning.
  private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, SHANGHAI);

  private final TextNormalizer normalizer = new TextNormalizer();
  private final CallbackTimeExtractor extractor = new CallbackTimeExtractor();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          call me tomorrow after six                | 2026-11-24T18:00
          in two hours                              | 2026-11-23T12:00
          call me back in 45 minutes                | 2026-11-23T10:45
          please call me back in two minutes        | 2026-11-23T10:02
          in half an hour please                    | 2026-11-23T10:30
          try again in an hour and a half           | 2026-11-23T11:30
          after 6pm                                 | 2026-11-23T18:00
          call back at 7:30 pm                      | 2026-11-23T19:30
          Call back at 7:30PM.                      | 2026-11-23T19:30
          at half past seven tonight                | 2026-11-23T19:30
          ring me at quarter to nine tomorrow       | 2026-11-24T08:45
          tomorrow morning                          | 2026-11-24T10:00
          call me tonight                           | 2026-11-23T19:00
          this afternoon                            | 2026-11-23T14:00
          at noon                                   | 2026-11-23T12:00
          call me at 9am                            | 2026-11-24T09:00
          at 11                                     | 2026-11-23T11:00
          at nine                                   | 2026-11-23T21:00
          next week                                 | 2026-11-30T10:00
          next friday afternoon                     | 2026-12-04T14:00
          call me on friday at 4                    | 2026-11-27T16:00
          on monday                                 | 2026-11-30T10:00
          the day after tomorrow at 10am            | 2026-11-25T10:00
          at the weekend                            | 2026-11-28T10:00
          in 3 days                                 | 2026-11-26T10:00
          tomorrow at eight in the evening          | 2026-11-24T20:00
          """)
  void readsEnglishTimes(String text, LocalDateTime expected) {
    assertThat(extract(ReplyLanguage.EN, text)).contains(expected.atZone(SHANGHAI));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          明天下午再打            | 2026-11-24T14:00
          下周一上午              | 2026-11-30T10:00
          晚上八点                | 2026-11-23T20:00
          晚上八点半再打          | 2026-11-23T20:30
          一个小时后再说          | 2026-11-23T11:00
          两个小时以后打过来      | 2026-11-23T12:00
          半小时后                | 2026-11-23T10:30
          过十分钟再打            | 2026-11-23T10:10
          两分钟后再打            | 2026-11-23T10:02
          一个半小时之后          | 2026-11-23T11:30
          明天上午十点            | 2026-11-24T10:00
          明早再打                | 2026-11-24T09:00
          中午十二点              | 2026-11-23T12:00
          中午一点                | 2026-11-23T13:00
          下午3:30                | 2026-11-23T15:30
          三点以后                | 2026-11-23T15:00
          今晚                    | 2026-11-23T19:00
          后天                    | 2026-11-25T10:00
          大后天下午两点          | 2026-11-26T14:00
          周五再联系              | 2026-11-27T10:00
          星期天傍晚              | 2026-11-29T18:00
          下礼拜三                | 2026-12-02T10:00
          下周                    | 2026-11-30T10:00
          周末再打吧              | 2026-11-28T10:00
          过两天再打              | 2026-11-25T10:00
          明天晚上七點            | 2026-11-24T19:00
          """)
  void readsChineseTimes(String text, LocalDateTime expected) {
    assertThat(extract(ReplyLanguage.ZH, text)).contains(expected.atZone(SHANGHAI));
  }

  @Test
  void aTimeAlreadyPastTodayRollsToTomorrow() {
    ZonedDateTime evening = NOW.withHour(21);

    assertThat(extract(ReplyLanguage.ZH, "晚上八点", evening)).contains(NOW.plusDays(1).withHour(20));
    assertThat(extract(ReplyLanguage.EN, "call me at 9am", NOW))
        .contains(NOW.plusDays(1).withHour(9));
    assertThat(extract(ReplyLanguage.EN, "this afternoon", NOW.withHour(19)))
        .contains(NOW.plusDays(1).withHour(14));
  }

  @Test
  void aPartOfTheDayStillUnderWayMeansHalfAnHourFromNow() {
    ZonedDateTime eightPm = NOW.withHour(20);

    assertThat(extract(ReplyLanguage.EN, "call me tonight", eightPm))
        .contains(eightPm.plusMinutes(30));
  }

  @Test
  void theResultIsInTheZoneOfNow() {
    ZonedDateTime london = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneId.of("Europe/London"));

    assertThat(extract(ReplyLanguage.EN, "tomorrow at 3pm", london))
        .contains(ZonedDateTime.of(2026, 11, 24, 15, 0, 0, 0, ZoneId.of("Europe/London")));
  }

  @ParameterizedTest
  @CsvSource({
    "call me later",
    "I'm busy",
    "I want two of them",
    "I waited about two weeks",
    "晚点再打",
    "晚一点再说",
    "过几天再说",
    "我在忙",
    "快点发货",
    "有一点贵"
  })
  void noNamedTimeIsEmpty(String text) {
    assertThat(extract(ReplyLanguage.detect(text), text)).isEmpty();
  }

  @Test
  void chineseNumerals() {
    assertThat(CallbackTimeExtractor.cnNumber("两")).isEqualTo(2);
    assertThat(CallbackTimeExtractor.cnNumber("十")).isEqualTo(10);
    assertThat(CallbackTimeExtractor.cnNumber("十二")).isEqualTo(12);
    assertThat(CallbackTimeExtractor.cnNumber("二十五")).isEqualTo(25);
    assertThat(CallbackTimeExtractor.cnNumber("几")).isNull();
  }

  private Optional<ZonedDateTime> extract(ReplyLanguage language, String text) {
    return extract(language, text, NOW);
  }

  private Optional<ZonedDateTime> extract(ReplyLanguage language, String text, ZonedDateTime now) {
    String normalized =
        language == ReplyLanguage.ZH
            ? normalizer.normalizeChinese(text)
            : normalizer.normalize(text);
    return extractor.extract(language, normalized, now);
  }
}
