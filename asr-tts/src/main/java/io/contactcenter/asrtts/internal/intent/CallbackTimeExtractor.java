package io.contactcenter.asrtts.internal.intent;

import io.contactcenter.asrtts.ReplyLanguage;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Finds the time a callee names for a callback ("call me tomorrow after six", "明天下午再打", "in two
 * hours", "下周一上午") in normalized text, relative to a given moment and in that moment's zone.
 *
 * <p>The rules, so the robot's scheduling is predictable:
 *
 * <ul>
 *   <li>A duration ("in two hours", "半小时后", "一个小时以后") counts from {@code now}, to the minute.
 *   <li>A day without a time of day means 10:00 that day. Days: today, tomorrow, the day after
 *       tomorrow, a weekday (the next one after today; "next Monday"/下周一 is the one in next week,
 *       weeks starting on Monday), "next week"/下周 (its Monday), "the weekend"/周末 (Saturday).
 *   <li>A part of the day without a clock time means: 早上/早晨/明早 09:00, morning/上午 10:00, noon/中午
 *       12:00, afternoon/下午 14:00, 傍晚 18:00, evening/tonight/晚上 19:00, night/夜里 21:00.
 *   <li>A clock time with a part of the day or am/pm is taken as said. A bare hour from 1 to 7
 *       means the afternoon or evening ("after six" is 18:00): nobody asks a shop to call at 6am. A
 *       bare 8 to 11 means the morning, or the evening if that morning hour has already passed
 *       today.
 *   <li>A time that has already passed today moves to tomorrow; except that a part of the day with
 *       no clock time that is still under way ("call me tonight" said at 20:00) means in 30
 *       minutes.
 *   <li>"later", 晚点, 过几天 and the like name no time: the result is empty.
 * </ul>
 *
 * <p>{@link EnglishTimes} and {@link ChineseTimes} read what a reply names; {@link NamedTime}
 * applies these rules. Stateless and thread-safe.
 */
final class CallbackTimeExtractor {

  /**
   * The callback time named in {@code normalized}, if any.
   *
   * @param normalized text from {@link TextNormalizer} ({@link TextNormalizer#normalizeChinese} for
   *     Chinese)
   * @param now the moment it was said, in the callee's zone
   */
  Optional<ZonedDateTime> extract(ReplyLanguage language, String normalized, ZonedDateTime now) {
    NamedTime named =
        language == ReplyLanguage.ZH
            ? ChineseTimes.read(normalized)
            : EnglishTimes.read(normalized);
    return named.resolve(now.truncatedTo(ChronoUnit.MINUTES));
  }

  /** 0-99 written in digits or Chinese numerals (两, 十, 十二, 二十五); null if not a number. */
  static Integer cnNumber(String s) {
    return ChineseTimes.number(s);
  }
}
