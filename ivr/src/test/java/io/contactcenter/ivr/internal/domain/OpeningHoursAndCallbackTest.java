package io.contactcenter.ivr.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.common.OpeningHours;
import io.contactcenter.ivr.internal.domain.CallerInput.Keys;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpeningHoursAndCallbackTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final OpeningHours.Period DAY = OpeningHours.Period.parse("09:00-21:00");

  /** Mon-Fri 09:00-21:00; 2026-10-01 (Thu) a holiday; 2026-10-11 (Sun) a make-up working day. */
  static OpeningHours hours() {
    Map<DayOfWeek, List<OpeningHours.Period>> weekly = new HashMap<>();
    for (DayOfWeek d :
        List.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY)) {
      weekly.put(d, List.of(DAY));
    }
    return new OpeningHours(
        SHANGHAI,
        weekly,
        Set.of(LocalDate.parse("2026-10-01")),
        Set.of(LocalDate.parse("2026-10-11")),
        List.of(DAY));
  }

  private static Instant at(String localDateTime) {
    return java.time.LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
  }

  @Test
  void openOnWeekdaysDuringTheHoursInTheHotlinesZone() {
    assertThat(hours().isOpen(at("2026-09-29T09:00"))).isTrue();
    assertThat(hours().isOpen(at("2026-09-29T08:59"))).isFalse();
    assertThat(hours().isOpen(at("2026-09-29T21:00"))).isFalse();
    assertThat(hours().isOpen(at("2026-10-03T10:00"))).as("a Saturday").isFalse();
  }

  @Test
  void aHolidayIsClosedAndAMakeUpWorkingDayIsOpen() {
    assertThat(hours().isOpen(at("2026-10-01T10:00"))).as("National Day, a Thursday").isFalse();
    assertThat(hours().isOpen(at("2026-10-11T10:00"))).as("调休: the Sunday worked").isTrue();
  }

  @Test
  void twentyFourHundredIsTheEndOfTheDay() {
    OpeningHours.Period all = OpeningHours.Period.parse("00:00-24:00");
    OpeningHours always =
        new OpeningHours(
            SHANGHAI, Map.of(DayOfWeek.TUESDAY, List.of(all)), Set.of(), Set.of(), List.of());
    assertThat(always.isOpen(at("2026-09-29T23:59:59"))).isTrue();
  }

  private static final Prompt P = new Prompt(Map.of("en", "x", "zh", "x"), List.of());

  private static Flow closedFlow(OpeningHours hours) {
    return new Flow(
        "t",
        1,
        "zh",
        "hours",
        Set.of(),
        Map.of(),
        Map.of(
            "hours", new Node.Hours("hours", "agent", "closed"),
            "closed", new Node.LeaveNumber("closed", P, P, "bye"),
            "bye", new Node.Hangup("bye", P),
            "agent", new Node.Agent("agent", null, "support", null)),
        hours,
        null);
  }

  @Test
  void aClosedHotlineTakesACallbackNumberThenSaysGoodbye() {
    FlowEngine engine =
        new FlowEngine(
            closedFlow(hours()),
            null,
            Clock.fixed(at("2026-10-01T10:00"), ZoneOffset.UTC),
            FlowEngineTest.MIN_YES_SHARE);

    assertThat(engine.start()).isInstanceOf(IvrStep.Ask.class);
    assertThat(engine.onInput(new Keys("123")))
        .as("too short: asked again")
        .isInstanceOf(IvrStep.Ask.class);
    assertThat(engine.onInput(new Keys("13800138000")))
        .isEqualTo(new IvrStep.LeaveMessage("closed", "13800138000"));
    assertThat(engine.next())
        .isInstanceOfSatisfying(
            IvrStep.Say.class,
            s -> assertThat(s.values()).containsEntry("callback_number", "13800138000"));
    assertThat(engine.next()).isInstanceOf(IvrStep.Hangup.class);
    assertThat(engine.trace().path()).containsExactly("hours", "closed", "bye");
    assertThat(engine.trace().visits().get(0).inputs()).containsExactly("closed");
  }

  @Test
  void anOpenHotlineGoesOn() {
    FlowEngine engine =
        new FlowEngine(
            closedFlow(hours()),
            null,
            Clock.fixed(at("2026-10-11T10:00"), ZoneOffset.UTC),
            FlowEngineTest.MIN_YES_SHARE);

    assertThat(engine.start()).isInstanceOf(IvrStep.ToAgent.class);
  }

  @Test
  void aRepeatCallerSkipsTheMenuToAnAgent() {
    FlowEngine engine =
        new FlowEngine(
            FlowEngineTest.flow(), null, Clock.systemUTC(), FlowEngineTest.MIN_YES_SHARE);

    assertThat(engine.start(true)).isInstanceOf(IvrStep.ToAgent.class);
    assertThat(engine.trace().path()).containsExactly("main", "agent");
    assertThat(engine.trace().visits().get(0).inputs()).containsExactly("repeat-caller");
  }
}
