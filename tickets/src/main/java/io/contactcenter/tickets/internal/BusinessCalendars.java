package io.contactcenter.tickets.internal;

import io.contactcenter.tickets.internal.domain.BusinessCalendar;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * The business calendar each support group's SLA clocks count in: the group's own when it has one
 * (a team in another time zone, a warehouse working Saturdays), else the desk's. Read once at
 * start-up; a calendar that cannot be read fails the start, naming its key.
 */
final class BusinessCalendars {

  private final BusinessCalendar desk;
  private final Map<String, BusinessCalendar> groups;

  private BusinessCalendars(BusinessCalendar desk, Map<String, BusinessCalendar> groups) {
    this.desk = desk;
    this.groups = Map.copyOf(groups);
  }

  static BusinessCalendars of(TicketProperties config) {
    BusinessCalendar desk = parse("cc.tickets.calendar", config.calendar());
    Map<String, BusinessCalendar> groups = new HashMap<>();
    config
        .groups()
        .forEach(
            (name, group) -> {
              if (group.calendar() != null) {
                groups.put(
                    name, parse("cc.tickets.groups." + name + ".calendar", group.calendar()));
              }
            });
    return new BusinessCalendars(desk, groups);
  }

  /** The calendar of the group; the desk's when the group has none of its own. */
  BusinessCalendar of(String group) {
    return groups.getOrDefault(group, desk);
  }

  private static BusinessCalendar parse(String key, TicketProperties.Calendar c) {
    try {
      return BusinessCalendar.parse(
          ZoneId.of(c.zone()), c.hours(), c.holidays(), c.makeUpWorkdays());
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new IllegalStateException(key + ": " + e.getMessage(), e);
    }
  }
}
