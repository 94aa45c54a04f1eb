package io.contactcenter.campaigns.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.campaigns.internal.domain.PolicyArbitraries.Callee;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of {@link CallWindowPolicy} in Asia/Shanghai, America/New_York and Europe/Berlin,
 * biased towards the 2026 daylight-saving changes.
 */
class CallWindowPolicyPropertyTest {

  private static final int TRIES = 200;

  /** Sampled instants per try when scanning a span for open or closed instants. */
  private static final int SAMPLES = 400;

  private final CallWindowPolicy policy = new CallWindowPolicy();

  @Provide
  Arbitrary<CallWindow> windows() {
    return PolicyArbitraries.windows();
  }

  @Provide
  Arbitrary<Callee> callees() {
    return PolicyArbitraries.callees();
  }

  @Provide
  Arbitrary<Duration> minRemaining() {
    return Arbitraries.of(0, 0, 1, 5, 30, 90).map(Duration::ofMinutes);
  }

  @Property(tries = TRIES)
  void nextOpeningIsNeverBeforeFrom(
      @ForAll("windows") CallWindow window,
      @ForAll("callees") Callee callee,
      @ForAll("minRemaining") Duration minRemaining) {
    ZoneId zone = callee.zone();
    Instant from = callee.at();
    policy
        .nextOpening(window, zone, from, minRemaining)
        .ifPresent(opening -> assertThat(opening).isAfterOrEqualTo(from));
  }

  @Property(tries = TRIES)
  void theWindowIsOpenAtItsNextOpening(
      @ForAll("windows") CallWindow window,
      @ForAll("callees") Callee callee,
      @ForAll("minRemaining") Duration minRemaining) {
    ZoneId zone = callee.zone();
    Instant from = callee.at();
    Optional<Instant> opening = policy.nextOpening(window, zone, from, minRemaining);

    // Holidays cover at most four dates, so an ordinary day with a long enough range comes
    // within the horizon.
    boolean longEnough =
        window.hours().values().stream()
            .flatMap(List::stream)
            .anyMatch(r -> Duration.between(r.start(), r.end()).compareTo(minRemaining) >= 0);
    assertThat(opening.isPresent()).isEqualTo(longEnough);
    opening.ifPresent(
        t -> {
          assertThat(policy.isOpen(window, zone, t)).isTrue();
          assertThat(policy.isOpen(window, zone, t, minRemaining)).isTrue();
        });
  }

  @Property(tries = TRIES)
  void nothingBetweenFromAndTheNextOpeningIsOpen(
      @ForAll("windows") CallWindow window,
      @ForAll("callees") Callee callee,
      @ForAll("minRemaining") Duration minRemaining) {
    ZoneId zone = callee.zone();
    Instant from = callee.at();
    // With no opening, scan three days.
    Instant opening =
        policy.nextOpening(window, zone, from, minRemaining).orElse(from.plus(Duration.ofDays(3)));

    for (Instant t : PolicyArbitraries.samples(from, opening, SAMPLES)) {
      assertThat(policy.isOpen(window, zone, t, minRemaining))
          .as("open at %s (%s), before the next opening %s", t, t.atZone(zone), opening)
          .isFalse();
    }
  }

  @Property(tries = TRIES)
  void theWindowStaysOpenUntilItCloses(
      @ForAll("windows") CallWindow window, @ForAll("callees") Callee callee) {
    ZoneId zone = callee.zone();
    Instant from = callee.at();
    Instant opening = policy.nextOpening(window, zone, from).orElseThrow();
    Instant closes = policy.closesAt(window, zone, opening).orElseThrow();

    assertThat(closes).isAfter(opening);
    assertThat(policy.isOpen(window, zone, closes)).isFalse();
    for (Instant t : PolicyArbitraries.samples(opening, closes, SAMPLES)) {
      assertThat(policy.isOpen(window, zone, t)).as("closed at %s", t.atZone(zone)).isTrue();
      assertThat(policy.closesAt(window, zone, t)).contains(closes);
    }
  }

  @Property(tries = TRIES)
  void noInstantOnAHolidayIsOpen(
      @ForAll("windows") CallWindow window, @ForAll("callees") Callee callee) {
    ZoneId zone = callee.zone();
    LocalDate holiday = LocalDate.ofInstant(callee.at(), zone);
    Set<LocalDate> holidays = new HashSet<>(window.holidays());
    holidays.add(holiday);
    CallWindow closed = window.withHolidays(holidays);
    Instant start = holiday.atStartOfDay(zone).toInstant();
    Instant end = holiday.plusDays(1).atStartOfDay(zone).toInstant();

    for (Instant t : PolicyArbitraries.samples(start, end, SAMPLES)) {
      assertThat(policy.isOpen(closed, zone, t)).as("open at %s", t.atZone(zone)).isFalse();
    }
    assertThat(policy.nextOpening(closed, zone, start).orElseThrow()).isAfterOrEqualTo(end);
  }

  /**
   * Away from the changes, the window is simply the local time read against the ranges: checked at
   * every minute of the callee's day, and at the callee's instant.
   */
  @Property(tries = TRIES)
  void onOrdinaryDaysOpenMeansTheLocalTimeIsInARange(
      @ForAll("windows") CallWindow window, @ForAll("callees") Callee callee) {
    ZoneId zone = callee.zone();
    LocalDate date = LocalDate.ofInstant(callee.at(), zone);
    Instant dayStart = date.atStartOfDay(zone).toInstant();
    Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
    Assume.that(Duration.between(dayStart, dayEnd).equals(Duration.ofDays(1)));

    for (Instant at : dayAndCallee(dayStart, dayEnd, callee.at())) {
      boolean expected =
          !window.isHoliday(date)
              && window.rangesOn(date.getDayOfWeek()).stream()
                  .anyMatch(range -> range.contains(at.atZone(zone).toLocalTime()));

      assertThat(policy.isOpen(window, zone, at))
          .as("open at %s", at.atZone(zone))
          .isEqualTo(expected);
    }
  }

  /**
   * On every day, changes included, open means inside {@code [ZonedDateTime.of(d, start),
   * ZonedDateTime.of(d, end))} of some range, as the Javadoc says: checked at every minute of the
   * callee's day, and at the callee's instant. (No mapped instant leaves its local date in these
   * zones, so the clipping the policy also does never matters here.)
   */
  @Property(tries = TRIES)
  void openMeansWhatTheJavadocSaysOnEveryDay(
      @ForAll("windows") CallWindow window, @ForAll("callees") Callee callee) {
    ZoneId zone = callee.zone();
    LocalDate date = LocalDate.ofInstant(callee.at(), zone);
    Instant dayStart = date.atStartOfDay(zone).toInstant();
    Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();

    for (Instant at : dayAndCallee(dayStart, dayEnd, callee.at())) {
      boolean expected =
          !window.isHoliday(date)
              && window.rangesOn(date.getDayOfWeek()).stream()
                  .anyMatch(
                      range -> {
                        Instant start = ZonedDateTime.of(date, range.start(), zone).toInstant();
                        Instant end = ZonedDateTime.of(date, range.end(), zone).toInstant();
                        return !at.isBefore(start) && at.isBefore(end);
                      });

      assertThat(policy.isOpen(window, zone, at))
          .as("open at %s", at.atZone(zone))
          .isEqualTo(expected);
    }
  }

  private static List<Instant> dayAndCallee(Instant dayStart, Instant dayEnd, Instant callee) {
    List<Instant> instants = new ArrayList<>(PolicyArbitraries.samples(dayStart, dayEnd, 1500));
    instants.add(callee);
    return instants;
  }

  @Property(tries = TRIES)
  void theTextFormRoundTrips(@ForAll("windows") CallWindow window) {
    assertThat(CallWindow.parse(window.toText())).isEqualTo(window);
  }
}
