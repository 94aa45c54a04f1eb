package io.contactcenter.tickets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Each group's SLA clocks count in its own calendar, bound from configuration as operators write
 * it.
 */
class BusinessCalendarsTest {

  // Thursday 3 December 2026, 09:00 to 18:00 in Shanghai (UTC+8); 02:00 to 11:00 in Berlin (UTC+1).
  static final Instant FROM = Instant.parse("2026-12-03T01:00:00Z");
  static final Instant TO = Instant.parse("2026-12-03T10:00:00Z");

  private static TicketProperties bind(Map<String, String> properties) {
    Map<String, String> all = new HashMap<>(properties);
    return new Binder(new MapConfigurationPropertySource(all))
        .bindOrCreate("cc.tickets", TicketProperties.class);
  }

  @Test
  void aGroupWithoutACalendarCountsInTheDesksAndOneWithItsOwnInItsOwn() {
    BusinessCalendars calendars =
        BusinessCalendars.of(
            bind(
                Map.of(
                    "cc.tickets.groups.support.lead", "lead-wang",
                    "cc.tickets.groups.eu.calendar.zone", "Europe/Berlin",
                    "cc.tickets.groups.eu.calendar.hours", "MON-FRI 09:00-17:00",
                    "cc.tickets.groups.eu.calendar.holidays", "2026-12-25")));

    assertThat(calendars.of("support").between(FROM, TO)).isEqualTo(Duration.ofHours(9));
    assertThat(calendars.of("unconfigured").between(FROM, TO)).isEqualTo(Duration.ofHours(9));
    assertThat(calendars.of("eu").between(FROM, TO)).isEqualTo(Duration.ofHours(2));
    // Christmas is the EU group's holiday, not the desk's.
    Instant christmas = Instant.parse("2026-12-25T00:00:00Z");
    assertThat(calendars.of("eu").between(christmas, christmas.plus(Duration.ofDays(1)))).isZero();
    assertThat(calendars.of("support").between(christmas, christmas.plus(Duration.ofDays(1))))
        .isEqualTo(Duration.ofHours(9));
  }

  @Test
  void aWarehouseWorkingAMakeUpSundayCountsThatDay() {
    BusinessCalendars calendars =
        BusinessCalendars.of(
            bind(
                Map.of(
                    "cc.tickets.groups.warehouse.calendar.hours", "MON-SAT 08:00-20:00",
                    "cc.tickets.groups.warehouse.calendar.make-up-workdays", "2026-12-06")));
    Instant sunday = Instant.parse("2026-12-05T16:00:00Z"); // Sunday 6 December, 00:00 Shanghai

    assertThat(calendars.of("warehouse").between(sunday, sunday.plus(Duration.ofDays(1))))
        .isEqualTo(Duration.ofHours(12));
    assertThat(calendars.of("support").between(sunday, sunday.plus(Duration.ofDays(1)))).isZero();
  }

  @Test
  void aGroupCalendarThatCannotBeReadFailsTheStartNamingItsKey() {
    TicketProperties config =
        bind(Map.of("cc.tickets.groups.overseas.calendar.zone", "Mars/Olympus_Mons"));

    assertThatThrownBy(() -> BusinessCalendars.of(config))
        .hasMessageContaining("cc.tickets.groups.overseas.calendar")
        .hasMessageContaining("Mars/Olympus_Mons");
  }
}
