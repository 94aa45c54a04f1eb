package io.contactcenter.campaigns.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.campaigns.internal.domain.DialDecision.Rejected;
import io.contactcenter.campaigns.internal.domain.PolicyArbitraries.Callee;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FrequencyCapPropertyTest {

  private static final int TRIES = 200;
  private static final Duration WEEK = Duration.ofDays(7);

  @Provide
  Arbitrary<FrequencyCap> caps() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 4),
            Arbitraries.oneOf(
                Arbitraries.integers().between(1, 12), Arbitraries.just(Integer.MAX_VALUE)))
        .as(FrequencyCap::new);
  }

  @Provide
  Arbitrary<Callee> callees() {
    return PolicyArbitraries.callees();
  }

  /** Dial wishes, minutes after a start, about a dozen per day over five days. */
  @Provide
  Arbitrary<List<Long>> wishes() {
    return Arbitraries.longs().between(0, 5 * 24 * 60).list().ofMaxSize(60);
  }

  /** Earlier calls, minutes from now: up to eight days back, a few slightly in the future. */
  @Provide
  Arbitrary<List<Long>> history() {
    return Arbitraries.longs().between(-8 * 24 * 60, 30).list().ofMaxSize(12);
  }

  @Property(tries = TRIES)
  void theDialerThatAsksFirstNeverExceedsEitherCap(
      @ForAll("caps") FrequencyCap cap,
      @ForAll("callees") Callee callee,
      @ForAll("wishes") List<Long> wishes) {
    ZoneId zone = callee.zone();
    Instant start = callee.at();
    List<Instant> calls = new ArrayList<>();
    wishes.stream()
        .sorted()
        .map(minutes -> start.plus(Duration.ofMinutes(minutes)))
        .forEach(
            wish -> {
              if (cap.check(calls, zone, wish).allowed()) {
                calls.add(wish);
              }
            });

    Map<LocalDate, Long> perDay =
        calls.stream()
            .collect(
                Collectors.groupingBy(
                    call -> LocalDate.ofInstant(call, zone), Collectors.counting()));
    assertThat(perDay.values())
        .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(cap.perLocalDay()));
    for (Instant call : calls) {
      long inWeek =
          calls.stream().filter(c -> c.isAfter(call.minus(WEEK)) && !c.isAfter(call)).count();
      assertThat(inWeek).isLessThanOrEqualTo(cap.perRolling7Days());
    }
  }

  @Property(tries = TRIES)
  void allowedExactlyWhenBothCapsHaveRoom(
      @ForAll("caps") FrequencyCap cap,
      @ForAll("callees") Callee callee,
      @ForAll("history") List<Long> history) {
    ZoneId zone = callee.zone();
    Instant now = callee.at();
    List<Instant> calls = toInstants(now, history);

    assertThat(cap.check(calls, zone, now).allowed()).isEqualTo(hasRoom(cap, calls, zone, now));
  }

  @Property(tries = TRIES)
  void nextAllowedIsTheFirstInstantWithRoom(
      @ForAll("caps") FrequencyCap cap,
      @ForAll("callees") Callee callee,
      @ForAll("history") List<Long> history) {
    ZoneId zone = callee.zone();
    Instant now = callee.at();
    List<Instant> calls = toInstants(now, history);

    if (cap.check(calls, zone, now) instanceof Rejected rejected) {
      Instant next = rejected.nextAllowed().orElseThrow();
      assertThat(next).isAfter(now);
      assertThat(cap.check(calls, zone, next).allowed()).isTrue();
      for (Instant t : PolicyArbitraries.samples(now, next, 300)) {
        assertThat(cap.check(calls, zone, t).allowed()).as("allowed at %s", t).isFalse();
      }
    }
  }

  private static List<Instant> toInstants(Instant now, List<Long> minutes) {
    return minutes.stream()
        .map(m -> now.plus(Duration.ofMinutes(m)))
        .collect(Collectors.toCollection(ArrayList::new));
  }

  /** The rule written out directly, as the oracle. */
  private static boolean hasRoom(FrequencyCap cap, List<Instant> calls, ZoneId zone, Instant t) {
    LocalDate day = LocalDate.ofInstant(t, zone);
    Function<Instant, LocalDate> localDay = call -> LocalDate.ofInstant(call, zone);
    long today = calls.stream().map(localDay).filter(day::equals).count();
    long week = calls.stream().filter(call -> call.isAfter(t.minus(WEEK))).count();
    return today < cap.perLocalDay() && week < cap.perRolling7Days();
  }
}
