package io.contactcenter.campaigns.internal.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators for the policy properties: the three zones the product ships with, instants and
 * windows biased towards their 2026 daylight-saving changes.
 */
final class PolicyArbitraries {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** Spring forward and fall back in New York, then in Berlin. */
  static final List<LocalDate> DST_DATES =
      List.of(
          LocalDate.of(2026, 3, 8),
          LocalDate.of(2026, 11, 1),
          LocalDate.of(2026, 3, 29),
          LocalDate.of(2026, 10, 25));

  /** Local times where the changes happen, and the usual window edges. */
  private static final List<Integer> EDGE_MINUTES =
      List.of(0, 30, 60, 90, 120, 150, 180, 210, 240, 540, 720, 1260, 1439);

  private PolicyArbitraries() {}

  static Arbitrary<ZoneId> zones() {
    return Arbitraries.of(SHANGHAI, NEW_YORK, BERLIN);
  }

  /** A callee's zone and an instant; reported with the local time when a property fails. */
  record Callee(ZoneId zone, Instant at) {
    @Override
    public String toString() {
      return at + " (" + at.atZone(zone) + ")";
    }
  }

  /**
   * Callees in the three zones: half at any instant of 2026 (biased towards the zone's changes),
   * half in the first five local hours of a day New York or Berlin changes its clocks.
   */
  static Arbitrary<Callee> callees() {
    Arbitrary<Callee> anywhere =
        zones().flatMap(zone -> instantsIn(zone).map(at -> new Callee(zone, at)));
    Arbitrary<Callee> changeNight =
        Arbitraries.of(NEW_YORK, BERLIN)
            .flatMap(
                zone ->
                    Combinators.combine(
                            Arbitraries.of(changesIn(zone)),
                            Arbitraries.longs().between(0, 5 * 60),
                            nanos())
                        .as(
                            (date, minute, nano) ->
                                new Callee(
                                    zone,
                                    date.atStartOfDay(zone)
                                        .toInstant()
                                        .plus(Duration.ofMinutes(minute))
                                        .plusNanos(nano))));
    return Arbitraries.frequencyOf(Tuple.of(1, anywhere), Tuple.of(1, changeNight));
  }

  /** The dates this zone changes its clocks in 2026 (none for Shanghai: any of them). */
  static List<LocalDate> changesIn(ZoneId zone) {
    if (zone.equals(NEW_YORK)) {
      return DST_DATES.subList(0, 2);
    }
    if (zone.equals(BERLIN)) {
      return DST_DATES.subList(2, 4);
    }
    return DST_DATES;
  }

  /**
   * Instants in 2026: two thirds on or next to a date the zone changes its clocks, mostly in the
   * first five hours of the local day (where the changes are); to the minute mostly, to the
   * nanosecond sometimes. Minutes count from the local day's start, so both passes of a repeated
   * hour are reached.
   */
  static Arbitrary<Instant> instantsIn(ZoneId zone) {
    Arbitrary<LocalDate> change =
        Combinators.combine(
                Arbitraries.of(changesIn(zone)),
                Arbitraries.frequencyOf(
                    Tuple.of(4, Arbitraries.just(0)), Tuple.of(1, Arbitraries.of(-1, 1))))
            .as(LocalDate::plusDays);
    Arbitrary<LocalDate> anyDay =
        Arbitraries.integers().between(0, 364).map(d -> LocalDate.of(2026, 1, 1).plusDays(d));
    Arbitrary<LocalDate> dates = Arbitraries.frequencyOf(Tuple.of(2, change), Tuple.of(1, anyDay));
    Arbitrary<Long> minutes =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.longs().between(0, 5 * 60)),
            Tuple.of(1, Arbitraries.longs().between(-60, 25 * 60)));
    return Combinators.combine(dates, minutes, nanos())
        .as(
            (date, minute, nano) ->
                date.atStartOfDay(zone)
                    .toInstant()
                    .plus(Duration.ofMinutes(minute))
                    .plusNanos(nano));
  }

  /**
   * Instants in 2026, half within two days of a change: UTC midnight of the date plus -14 h to +38
   * h, so every local day of the three zones is reached.
   */
  static Arbitrary<Instant> instants() {
    Arbitrary<LocalDate> nearChange =
        Combinators.combine(Arbitraries.of(DST_DATES), Arbitraries.integers().between(-2, 2))
            .as(LocalDate::plusDays);
    Arbitrary<LocalDate> anyDay =
        Arbitraries.integers().between(0, 364).map(d -> LocalDate.of(2026, 1, 1).plusDays(d));
    Arbitrary<LocalDate> dates =
        Arbitraries.frequencyOf(Tuple.of(1, nearChange), Tuple.of(1, anyDay));
    Arbitrary<Long> minutes = Arbitraries.longs().between(-14 * 60, 38 * 60);
    return Combinators.combine(dates, minutes, nanos())
        .as(
            (date, minute, nano) ->
                date.atStartOfDay(ZoneOffset.UTC)
                    .toInstant()
                    .plus(Duration.ofMinutes(minute))
                    .plusNanos(nano));
  }

  private static Arbitrary<Long> nanos() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(0L)),
        Tuple.of(1, Arbitraries.longs().between(0, 59_999_999_999L)));
  }

  /** A day's ranges: none to three, from minutes that favour the daylight-saving hours. */
  static Arbitrary<List<CallWindow.TimeRange>> dayRanges() {
    Arbitrary<Integer> minute =
        Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.of(EDGE_MINUTES)),
            Tuple.of(1, Arbitraries.integers().between(0, 240)),
            Tuple.of(1, Arbitraries.integers().between(0, 1439)));
    return ranges(minute, 0);
  }

  /**
   * One to three ranges with every boundary between 00:00 and 04:00, where all three zones' changes
   * happen (all on Sundays).
   */
  static Arbitrary<List<CallWindow.TimeRange>> smallHoursRanges() {
    Arbitrary<Integer> minute =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.of(0, 30, 60, 90, 120, 150, 180, 210, 240)),
            Tuple.of(1, Arbitraries.integers().between(0, 240)));
    return ranges(minute, 1);
  }

  private static Arbitrary<List<CallWindow.TimeRange>> ranges(
      Arbitrary<Integer> minute, int minCount) {
    return Arbitraries.integers()
        .between(minCount, 3)
        .flatMap(
            count ->
                minute
                    .set()
                    .ofSize(count * 2)
                    .map(
                        points -> {
                          List<Integer> sorted = new ArrayList<>(new TreeSet<>(points));
                          List<CallWindow.TimeRange> ranges = new ArrayList<>();
                          for (int i = 0; i < sorted.size(); i += 2) {
                            ranges.add(
                                new CallWindow.TimeRange(
                                    LocalTime.MIN.plusMinutes(sorted.get(i)),
                                    LocalTime.MIN.plusMinutes(sorted.get(i + 1))));
                          }
                          return ranges;
                        }));
  }

  /** Holidays: up to four dates near the changes. */
  static Arbitrary<Set<LocalDate>> holidays() {
    return Combinators.combine(Arbitraries.of(DST_DATES), Arbitraries.integers().between(-1, 1))
        .as(LocalDate::plusDays)
        .set()
        .ofMaxSize(4);
  }

  /**
   * Windows with one to seven open days, a tenth of them the default; half the others have Sunday
   * ranges in the small hours.
   */
  static Arbitrary<CallWindow> windows() {
    Arbitrary<List<CallWindow.TimeRange>> sunday =
        Arbitraries.frequencyOf(Tuple.of(1, dayRanges()), Tuple.of(1, smallHoursRanges()));
    Arbitrary<CallWindow> random =
        Combinators.combine(dayRanges().list().ofSize(6), sunday, holidays())
            .as(
                (weekdays, sundayRanges, holidays) -> {
                  Map<DayOfWeek, List<CallWindow.TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
                  for (int i = 0; i < 6; i++) {
                    hours.put(DayOfWeek.of(i + 1), weekdays.get(i));
                  }
                  hours.put(DayOfWeek.SUNDAY, sundayRanges);
                  return hours.values().stream().allMatch(List::isEmpty)
                      ? CallWindow.defaults().withHolidays(holidays)
                      : new CallWindow(hours, holidays);
                });
    Arbitrary<CallWindow> standard =
        holidays().map(holidays -> CallWindow.defaults().withHolidays(holidays));
    return Arbitraries.frequencyOf(Tuple.of(9, random), Tuple.of(1, standard));
  }

  /** Instants in [from, to) at about one-minute steps, at most {@code limit} of them. */
  static List<Instant> samples(Instant from, Instant to, int limit) {
    List<Instant> samples = new ArrayList<>();
    if (!from.isBefore(to)) {
      return samples;
    }
    Duration span = Duration.between(from, to);
    Duration step = Duration.ofMinutes(1);
    if (span.dividedBy(step) > limit) {
      step = span.dividedBy(limit);
    }
    for (Instant t = from; t.isBefore(to) && samples.size() < limit; t = t.plus(step)) {
      samples.add(t);
    }
    samples.add(to.minusNanos(1));
    return samples;
  }
}
