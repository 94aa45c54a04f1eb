package io.contactcenter.tickets.internal.domain;

import static io.contactcenter.tickets.EntryKind.BOT_REPLY;
import static io.contactcenter.tickets.EntryKind.CUSTOMER_MESSAGE;
import static io.contactcenter.tickets.EntryKind.NOTE;
import static io.contactcenter.tickets.EntryKind.OPENED;
import static io.contactcenter.tickets.EntryKind.REPLY;
import static io.contactcenter.tickets.internal.domain.BusinessCalendarTest.OFFICE;
import static io.contactcenter.tickets.internal.domain.BusinessCalendarTest.sh;
import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.tickets.EntryKind;
import io.contactcenter.tickets.SlaClock;
import io.contactcenter.tickets.SlaClock.State;
import io.contactcenter.tickets.SlaMetric;
import io.contactcenter.tickets.TicketStatus;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SLA clocks from a ticket's history, on the Shanghai office calendar (weekdays 9-12 and 13-18,
 * National Day off, make-up working days) with a fake "now": first response 1 h, next response 2 h,
 * resolution 8 h, warning 15 min before.
 */
class SlaClocksTest {

  static final SlaPolicy POLICY =
      new SlaPolicy(
          "normal",
          Duration.ofHours(1),
          Duration.ofHours(2),
          Duration.ofHours(8),
          Duration.ofMinutes(15));

  /** A history being written: {@code at("2026-12-03T10:00").opened().reply("…")}. */
  static final class History {
    final List<SlaFact> facts = new ArrayList<>();

    History add(EntryKind kind, String at) {
      facts.add(SlaFact.of(kind, sh(at)));
      return this;
    }

    History status(TicketStatus to, String at) {
      facts.add(SlaFact.status(to, sh(at)));
      return this;
    }

    SlaClock clock(SlaMetric metric, String now) {
      return clock(metric, now, POLICY);
    }

    SlaClock clock(SlaMetric metric, String now, SlaPolicy policy) {
      return SlaClocks.compute(facts, policy, OFFICE, sh(now)).get(metric.ordinal()).clock();
    }
  }

  static History opened(String at) {
    return new History().add(OPENED, at);
  }

  static void assertClock(SlaClock clock, State state, String elapsed) {
    assertThat(clock.state()).as(clock.toString()).isEqualTo(state);
    assertThat(clock.elapsed()).as(clock.toString()).isEqualTo(Duration.parse(elapsed));
  }

  // First response

  @Test
  void firstResponseRunsFromOpening() {
    SlaClock c = opened("2026-12-03T10:00").clock(SlaMetric.FIRST_RESPONSE, "2026-12-03T10:30");
    assertClock(c, State.RUNNING, "PT30M");
    assertThat(c.dueAt()).isEqualTo(sh("2026-12-03T11:00"));
  }

  @Test
  void aReplyInTimeMeetsTheFirstResponse() {
    SlaClock c =
        opened("2026-12-03T10:00")
            .add(REPLY, "2026-12-03T10:20")
            .clock(SlaMetric.FIRST_RESPONSE, "2026-12-03T16:00");
    assertClock(c, State.MET, "PT20M");
    assertThat(c.dueAt()).isNull();
  }

  @Test
  void aLateReplyLeavesItBreachedAtTheExactMoment() {
    SlaClock c =
        opened("2026-12-03T10:00")
            .add(REPLY, "2026-12-03T11:30")
            .clock(SlaMetric.FIRST_RESPONSE, "2026-12-03T16:00");
    assertClock(c, State.BREACHED, "PT1H30M");
    assertThat(c.breachedAt()).isEqualTo(sh("2026-12-03T11:00"));
  }

  @Test
  void runningPastItsTargetIsBreached() {
    SlaClock c = opened("2026-12-03T10:00").clock(SlaMetric.FIRST_RESPONSE, "2026-12-03T11:01");
    assertThat(c.state()).isEqualTo(State.BREACHED);
    assertThat(c.breachedAt()).isEqualTo(sh("2026-12-03T11:00"));
  }

  @Test
  void anInternalNoteIsNoResponse() {
    SlaClock c =
        opened("2026-12-03T10:00")
            .add(NOTE, "2026-12-03T10:05")
            .clock(SlaMetric.FIRST_RESPONSE, "2026-12-03T10:30");
    assertClock(c, State.RUNNING, "PT30M");
  }

  @Test
  void aBotReplyIsNoResponse() {
    SlaClock c =
        opened("2026-12-03T10:00")
            .add(BOT_REPLY, "2026-12-03T10:00")
            .clock(SlaMetric.FIRST_RESPONSE, "2026-12-03T11:30");
    assertThat(c.state()).isEqualTo(State.BREACHED);
  }

  @Test
  void overnight() {
    SlaClock c = opened("2026-12-03T17:30").clock(SlaMetric.FIRST_RESPONSE, "2026-12-04T09:10");
    assertClock(c, State.RUNNING, "PT40M");
    assertThat(c.dueAt()).isEqualTo(sh("2026-12-04T09:30"));
  }

  @Test
  void overnightThenBreachedNextMorning() {
    SlaClock c = opened("2026-12-03T17:30").clock(SlaMetric.FIRST_RESPONSE, "2026-12-04T09:45");
    assertThat(c.state()).isEqualTo(State.BREACHED);
    assertThat(c.breachedAt()).isEqualTo(sh("2026-12-04T09:30"));
  }

  @Test
  void overTheWeekend() {
    SlaClock c = opened("2026-12-04T17:30").clock(SlaMetric.FIRST_RESPONSE, "2026-12-06T12:00");
    assertClock(c, State.RUNNING, "PT30M");
    assertThat(c.dueAt()).isEqualTo(sh("2026-12-07T09:30"));
  }

  @Test
  void openedOnASaturdayStartsCountingMonday() {
    SlaClock c = opened("2026-12-05T10:00").clock(SlaMetric.FIRST_RESPONSE, "2026-12-05T20:00");
    assertClock(c, State.RUNNING, "PT0S");
    assertThat(c.dueAt()).isEqualTo(sh("2026-12-07T10:00"));
  }

  @Test
  void overTheNationalDayHolidays() {
    SlaClock c = opened("2026-09-30T17:30").clock(SlaMetric.FIRST_RESPONSE, "2026-10-04T12:00");
    assertClock(c, State.RUNNING, "PT30M");
    assertThat(c.dueAt()).isEqualTo(sh("2026-10-08T09:30"));
  }

  @Test
  void onAMakeUpSaturdayTheClockRuns() {
    SlaClock c = opened("2026-10-09T17:30").clock(SlaMetric.FIRST_RESPONSE, "2026-10-10T09:20");
    assertClock(c, State.RUNNING, "PT50M");
    assertThat(c.dueAt()).isEqualTo(sh("2026-10-10T09:30"));
  }

  @Test
  void overLunch() {
    SlaClock c = opened("2026-12-03T11:30").clock(SlaMetric.FIRST_RESPONSE, "2026-12-03T12:45");
    assertClock(c, State.RUNNING, "PT30M");
    assertThat(c.dueAt()).isEqualTo(sh("2026-12-03T13:30"));
  }

  @Test
  void aTicketFromAnotherTimeZoneCountsInTheCalendarsZone() {
    // 01:30 UTC is 09:30 in Shanghai.
    History h = new History();
    h.facts.add(SlaFact.of(OPENED, java.time.Instant.parse("2026-12-03T01:30:00Z")));
    SlaClock c = h.clock(SlaMetric.FIRST_RESPONSE, "2026-12-03T10:00");
    assertClock(c, State.RUNNING, "PT30M");
  }

  @Test
  void roundTheClockOverSpringForwardCountsRealTime() {
    ZoneId newYork = ZoneId.of("America/New_York");
    BusinessCalendar always = BusinessCalendar.allDay(newYork);
    List<SlaFact> facts =
        List.of(
            SlaFact.of(
                OPENED, LocalDateTime.parse("2026-03-08T01:30").atZone(newYork).toInstant()));
    SlaClock c =
        SlaClocks.compute(
                facts,
                POLICY,
                always,
                LocalDateTime.parse("2026-03-08T03:10").atZone(newYork).toInstant())
            .get(SlaMetric.FIRST_RESPONSE.ordinal())
            .clock();
    // 01:30 to 03:10 on the clock face is 40 minutes of real time (02:00 became 03:00).
    assertClock(c, State.RUNNING, "PT40M");
    assertThat(c.dueAt())
        .isEqualTo(LocalDateTime.parse("2026-03-08T03:30").atZone(newYork).toInstant());
  }

  @Test
  void roundTheClockOverFallBackCountsRealTime() {
    ZoneId newYork = ZoneId.of("America/New_York");
    BusinessCalendar always = BusinessCalendar.allDay(newYork);
    java.time.Instant opened = LocalDateTime.parse("2026-11-01T00:30").atZone(newYork).toInstant();
    SlaClock c =
        SlaClocks.compute(
                List.of(SlaFact.of(OPENED, opened)), POLICY, always, opened.plusSeconds(60))
            .get(SlaMetric.RESOLUTION.ordinal())
            .clock();
    // 8 real hours after 00:30 EDT is 07:30 EST, the wall clock having gone back once.
    assertThat(c.dueAt())
        .isEqualTo(LocalDateTime.parse("2026-11-01T07:30").atZone(newYork).toInstant());
  }

  // Pauses

  @Test
  void pendingTheCustomerPausesEveryClock() {
    History h =
        opened("2026-12-03T10:00").status(TicketStatus.PENDING_CUSTOMER, "2026-12-03T10:20");
    assertClock(h.clock(SlaMetric.FIRST_RESPONSE, "2026-12-03T17:00"), State.PAUSED, "PT20M");
    assertClock(h.clock(SlaMetric.RESOLUTION, "2026-12-03T17:00"), State.PAUSED, "PT20M");
    assertThat(h.clock(SlaMetric.RESOLUTION, "2026-12-03T17:00").dueAt()).isNull();
  }

  @Test
  void thePauseEndsWhenTheTicketIsWorkedAgain() {
    SlaClock c =
        opened("2026-12-03T10:00")
            .status(TicketStatus.PENDING_CUSTOMER, "2026-12-03T10:20")
            .status(TicketStatus.OPEN, "2026-12-03T14:00")
            .clock(SlaMetric.FIRST_RESPONSE, "2026-12-03T14:30");
    assertClock(c, State.RUNNING, "PT50M");
    assertThat(c.dueAt()).isEqualTo(sh("2026-12-03T14:40"));
  }

  @Test
  void pendingAThirdPartyDoesNotPause() {
    SlaClock c =
        opened("2026-12-03T10:00")
            .add(REPLY, "2026-12-03T10:05")
            .status(TicketStatus.PENDING_THIRD_PARTY, "2026-12-03T10:10")
            .clock(SlaMetric.RESOLUTION, "2026-12-03T15:00");
    assertClock(c, State.RUNNING, "PT4H");
  }

  @Test
  void aPauseOverTheWeekendStillCountsOnlyWorkedTime() {
    SlaClock c =
        opened("2026-12-04T16:00")
            .status(TicketStatus.PENDING_CUSTOMER, "2026-12-04T17:00")
            .status(TicketStatus.OPEN, "2026-12-07T11:00")
            .clock(SlaMetric.RESOLUTION, "2026-12-07T12:00");
    assertClock(c, State.RUNNING, "PT2H");
  }

  @Test
  void aBreachBeforeThePauseStays() {
    SlaClock c =
        opened("2026-12-03T10:00")
            .status(TicketStatus.PENDING_CUSTOMER, "2026-12-03T11:30")
            .clock(SlaMetric.FIRST_RESPONSE, "2026-12-03T15:00");
    assertThat(c.state()).isEqualTo(State.BREACHED);
    assertThat(c.breachedAt()).isEqualTo(sh("2026-12-03T11:00"));
    assertThat(c.dueAt()).isNull();
  }

  // Next response

  @Test
  void nextResponseWaitsForACustomerMessage() {
    SlaClock c =
        opened("2026-12-03T10:00")
            .add(REPLY, "2026-12-03T10:10")
            .clock(SlaMetric.NEXT_RESPONSE, "2026-12-03T17:00");
    assertThat(c.state()).isEqualTo(State.INACTIVE);
  }

  @Test
  void aCustomerMessageBeforeTheFirstReplyIsPartOfTheFirstResponse() {
    SlaClock c =
        opened("2026-12-03T10:00")
            .add(CUSTOMER_MESSAGE, "2026-12-03T10:05")
            .clock(SlaMetric.NEXT_RESPONSE, "2026-12-03T17:00");
    assertThat(c.state()).isEqualTo(State.INACTIVE);
  }

  @Test
  void nextResponseRunsFromTheCustomersMessage() {
    SlaClock c =
        opened("2026-12-03T10:00")
            .add(REPLY, "2026-12-03T10:10")
            .add(CUSTOMER_MESSAGE, "2026-12-03T11:00")
            .clock(SlaMetric.NEXT_RESPONSE, "2026-12-03T12:30");
    assertClock(c, State.RUNNING, "PT1H");
    assertThat(c.dueAt()).isEqualTo(sh("2026-12-03T14:00"));
  }

  @Test
  void nextResponseMet() {
    SlaClock c =
        opened("2026-12-03T10:00")
            .add(REPLY, "2026-12-03T10:10")
            .add(CUSTOMER_MESSAGE, "2026-12-03T11:00")
            .add(REPLY, "2026-12-03T13:30")
            .clock(SlaMetric.NEXT_RESPONSE, "2026-12-03T17:00");
    assertClock(c, State.MET, "PT1H30M");
  }

  @Test
  void aSecondCustomerMessageDoesNotRestartTheWait() {
    SlaClock c =
        opened("2026-12-03T10:00")
            .add(REPLY, "2026-12-03T10:10")
            .add(CUSTOMER_MESSAGE, "2026-12-03T11:00")
            .add(CUSTOMER_MESSAGE, "2026-12-03T13:30")
            .clock(SlaMetric.NEXT_RESPONSE, "2026-12-03T14:00");
    assertThat(c.state()).isEqualTo(State.BREACHED);
    assertThat(c.breachedAt()).isEqualTo(sh("2026-12-03T14:00"));
  }

  @Test
  void eachWaitIsACycleOfItsOwn() {
    History h =
        opened("2026-12-03T10:00")
            .add(REPLY, "2026-12-03T10:10")
            .add(CUSTOMER_MESSAGE, "2026-12-03T11:00")
            .add(REPLY, "2026-12-03T17:00")
            .add(CUSTOMER_MESSAGE, "2026-12-04T09:00");
    SlaClocks.Computed c =
        SlaClocks.compute(h.facts, POLICY, OFFICE, sh("2026-12-04T09:30"))
            .get(SlaMetric.NEXT_RESPONSE.ordinal());
    // The first wait breached; the second is judged on its own.
    assertClock(c.clock(), State.RUNNING, "PT30M");
    assertThat(c.cycleStart()).isEqualTo(sh("2026-12-04T09:00"));
  }

  @Test
  void aNoteDoesNotAnswerTheCustomer() {
    SlaClock c =
        opened("2026-12-03T10:00")
            .add(REPLY, "2026-12-03T10:10")
            .add(CUSTOMER_MESSAGE, "2026-12-03T11:00")
            .add(NOTE, "2026-12-03T11:10")
            .add(BOT_REPLY, "2026-12-03T11:11")
            .clock(SlaMetric.NEXT_RESPONSE, "2026-12-03T11:30");
    assertClock(c, State.RUNNING, "PT30M");
  }

  // Resolution, solve and reopen

  @Test
  void resolutionRunsUntilSolved() {
    SlaClock c =
        opened("2026-12-03T10:00")
            .add(REPLY, "2026-12-03T10:10")
            .status(TicketStatus.SOLVED, "2026-12-03T15:00")
            .clock(SlaMetric.RESOLUTION, "2026-12-04T15:00");
    assertClock(c, State.MET, "PT4H");
  }

  @Test
  void resolutionBreachesAfterEightBusinessHours() {
    SlaClock c =
        opened("2026-12-03T10:00")
            .add(REPLY, "2026-12-03T10:10")
            .clock(SlaMetric.RESOLUTION, "2026-12-04T12:00");
    assertThat(c.state()).isEqualTo(State.BREACHED);
    assertThat(c.breachedAt()).isEqualTo(sh("2026-12-04T10:00"));
  }

  @Test
  void aReopenResumesWithTheTimeAlreadyCounted() {
    SlaClock c =
        opened("2026-12-03T10:00")
            .add(REPLY, "2026-12-03T10:10")
            .status(TicketStatus.SOLVED, "2026-12-03T12:00")
            .status(TicketStatus.OPEN, "2026-12-04T10:00")
            .clock(SlaMetric.RESOLUTION, "2026-12-04T11:00");
    assertClock(c, State.RUNNING, "PT3H");
    assertThat(c.dueAt()).isEqualTo(sh("2026-12-04T17:00"));
  }

  @Test
  void theTimeWhileSolvedDoesNotCount() {
    SlaClock c =
        opened("2026-12-03T10:00")
            .status(TicketStatus.SOLVED, "2026-12-03T11:00")
            .status(TicketStatus.OPEN, "2026-12-07T09:00")
            .clock(SlaMetric.RESOLUTION, "2026-12-07T09:30");
    assertClock(c, State.RUNNING, "PT1H30M");
  }

  @Test
  void aReopenAfterABreachStaysBreached() {
    SlaClock c =
        opened("2026-12-03T09:00")
            .add(REPLY, "2026-12-03T09:10")
            .status(TicketStatus.SOLVED, "2026-12-04T10:00")
            .status(TicketStatus.OPEN, "2026-12-04T11:00")
            .clock(SlaMetric.RESOLUTION, "2026-12-04T11:30");
    assertThat(c.state()).isEqualTo(State.BREACHED);
    // 8 business hours from Thursday 09:00 end at Thursday's closing.
    assertThat(c.breachedAt()).isEqualTo(sh("2026-12-03T18:00"));
  }

  @Test
  void closingStopsEveryClock() {
    History h = opened("2026-12-03T10:00").status(TicketStatus.SOLVED, "2026-12-03T10:30");
    h.status(TicketStatus.CLOSED, "2026-12-03T10:40");
    assertClock(h.clock(SlaMetric.RESOLUTION, "2026-12-10T10:00"), State.MET, "PT30M");
    assertClock(h.clock(SlaMetric.FIRST_RESPONSE, "2026-12-10T10:00"), State.PAUSED, "PT30M");
  }

  @Test
  void aFirstResponseStillOwedCountsAgainAfterAReopen() {
    SlaClock c =
        opened("2026-12-03T10:00")
            .status(TicketStatus.SOLVED, "2026-12-03T10:30")
            .status(TicketStatus.OPEN, "2026-12-03T14:00")
            .clock(SlaMetric.FIRST_RESPONSE, "2026-12-03T14:20");
    assertClock(c, State.RUNNING, "PT50M");
  }

  // Policy changes, warnings, the sweep's view

  @Test
  void aStricterPolicyJudgesTheWholeHistoryAgain() {
    SlaPolicy strict =
        new SlaPolicy(
            "urgent",
            Duration.ofMinutes(15),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofMinutes(5));
    History h = opened("2026-12-03T10:00").add(REPLY, "2026-12-03T10:20");
    assertThat(h.clock(SlaMetric.FIRST_RESPONSE, "2026-12-03T11:00").state()).isEqualTo(State.MET);
    SlaClock c = h.clock(SlaMetric.FIRST_RESPONSE, "2026-12-03T11:00", strict);
    assertThat(c.state()).isEqualTo(State.BREACHED);
    assertThat(c.breachedAt()).isEqualTo(sh("2026-12-03T10:15"));
  }

  @Test
  void aLaxerPolicyTurnsABreachIntoARunningClock() {
    SlaPolicy lax =
        new SlaPolicy(
            "low", Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(40), Duration.ZERO);
    SlaClock c =
        opened("2026-12-03T10:00").clock(SlaMetric.FIRST_RESPONSE, "2026-12-03T11:30", lax);
    assertClock(c, State.RUNNING, "PT1H30M");
  }

  @Test
  void theWarningFallsWarnBeforeTheDeadlineInBusinessTime() {
    SlaClocks.Computed c =
        SlaClocks.compute(opened("2026-12-03T17:30").facts, POLICY, OFFICE, sh("2026-12-03T17:30"))
            .get(SlaMetric.FIRST_RESPONSE.ordinal());
    // 30 min today; of the 30 min left tomorrow, warn with 15 left: 09:15.
    assertThat(c.warnAt()).isEqualTo(sh("2026-12-04T09:15"));
    assertThat(c.clock().dueAt()).isEqualTo(sh("2026-12-04T09:30"));
  }

  @Test
  void insideTheWarningWindowTheWarningIsDueNow() {
    SlaClocks.Computed c =
        SlaClocks.compute(opened("2026-12-03T10:00").facts, POLICY, OFFICE, sh("2026-12-03T10:50"))
            .get(SlaMetric.FIRST_RESPONSE.ordinal());
    assertThat(c.warnAt()).isEqualTo(sh("2026-12-03T10:50"));
  }

  @Test
  void pausedClocksNeitherWarnNorFallDue() {
    List<SlaClocks.Computed> clocks =
        SlaClocks.compute(
            opened("2026-12-03T10:00")
                .status(TicketStatus.PENDING_CUSTOMER, "2026-12-03T10:10")
                .facts,
            POLICY,
            OFFICE,
            sh("2026-12-03T12:00"));
    assertThat(clocks).allSatisfy(c -> assertThat(c.warnAt()).isNull());
    assertThat(SlaClocks.nextDue(clocks)).isEmpty();
  }

  @Test
  void theNextDueIsTheEarliestRunningDeadline() {
    List<SlaClocks.Computed> clocks =
        SlaClocks.compute(opened("2026-12-03T10:00").facts, POLICY, OFFICE, sh("2026-12-03T10:00"));
    assertThat(SlaClocks.nextDue(clocks)).contains(sh("2026-12-03T11:00"));
  }

  @Test
  void entriesAfterNowAreNotYetHistory() {
    SlaClock c =
        opened("2026-12-03T10:00")
            .add(REPLY, "2026-12-03T10:40")
            .clock(SlaMetric.FIRST_RESPONSE, "2026-12-03T10:30");
    assertClock(c, State.RUNNING, "PT30M");
  }

  @Test
  void theHistorysOrderOnDiskDoesNotMatter() {
    History h = new History();
    h.add(REPLY, "2026-12-03T10:20").add(OPENED, "2026-12-03T10:00");
    assertClock(h.clock(SlaMetric.FIRST_RESPONSE, "2026-12-03T12:00"), State.MET, "PT20M");
  }

  @Test
  void nothingStartsBeforeTheTicketIsOpened() {
    History h = new History();
    assertThat(h.clock(SlaMetric.RESOLUTION, "2026-12-03T12:00").state()).isEqualTo(State.INACTIVE);
  }

  @Test
  void aHolidayInsideAPauseChangesNothing() {
    SlaClock c =
        opened("2026-09-30T10:00")
            .status(TicketStatus.PENDING_CUSTOMER, "2026-09-30T11:00")
            .status(TicketStatus.OPEN, "2026-10-08T09:00")
            .clock(SlaMetric.RESOLUTION, "2026-10-08T10:00");
    assertClock(c, State.RUNNING, "PT2H");
  }

  @Test
  void aResolutionOverAHolidayWeekIsDueAfterIt() {
    SlaClock c =
        opened("2026-09-30T14:00")
            .add(REPLY, "2026-09-30T14:05")
            .clock(SlaMetric.RESOLUTION, "2026-10-03T12:00");
    // 4 h on 30 September, nothing until 8 October, then 09-12 and 13-14.
    assertThat(c.dueAt()).isEqualTo(sh("2026-10-08T14:00"));
    assertThat(LocalDate.parse("2026-10-08").getDayOfWeek())
        .isEqualTo(java.time.DayOfWeek.THURSDAY);
  }

  @Test
  void onAMakeUpSundayBeforeTheHolidaysTheClockRuns() {
    // Sunday 27 September is worked in exchange for the National Day week (调休).
    SlaClock c = opened("2026-09-25T17:30").clock(SlaMetric.FIRST_RESPONSE, "2026-09-27T09:10");
    assertClock(c, State.RUNNING, "PT40M");
    assertThat(c.dueAt()).isEqualTo(sh("2026-09-27T09:30"));
  }

  @Test
  void aReplyDuringTheHolidaysMeetsTheFirstResponseWithOnlyWorkedTimeCounted() {
    SlaClock c =
        opened("2026-09-30T17:30")
            .add(REPLY, "2026-10-03T10:00")
            .clock(SlaMetric.FIRST_RESPONSE, "2026-10-03T12:00");
    assertClock(c, State.MET, "PT30M");
  }

  @Test
  void openedAfterMidnightInShanghaiWhileStillTheDayBeforeInUtc() {
    // 16:30 UTC on Thursday is 00:30 on Friday in Shanghai: counting starts Friday 09:00.
    History h = new History();
    h.facts.add(SlaFact.of(OPENED, java.time.Instant.parse("2026-12-03T16:30:00Z")));
    SlaClock c = h.clock(SlaMetric.FIRST_RESPONSE, "2026-12-04T09:20");
    assertClock(c, State.RUNNING, "PT20M");
    assertThat(c.dueAt()).isEqualTo(sh("2026-12-04T10:00"));
  }

  @Test
  void aReplyAfterANoteAndABotReplyMeetsTheFirstResponseWhenItIsSent() {
    SlaClock c =
        opened("2026-12-03T10:00")
            .add(NOTE, "2026-12-03T10:05")
            .add(BOT_REPLY, "2026-12-03T10:06")
            .add(REPLY, "2026-12-03T10:40")
            .clock(SlaMetric.FIRST_RESPONSE, "2026-12-03T16:00");
    assertClock(c, State.MET, "PT40M");
  }
}
