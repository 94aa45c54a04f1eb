package io.contactcenter.routing;

import java.util.List;
import java.util.Map;

/**
 * A queue as an admin edits it. Checked as a whole by {@link QueueAdmin#save}, which names every
 * problem ({@link QueueRejectedException}) rather than the first.
 *
 * @param id letters a-z, digits and '-', 1 to 40 characters
 * @param skill the skill its agents need
 * @param weight added to the priority of its contacts, 0 to 1000
 * @param strategy {@code LONGEST_IDLE}, {@code FEWEST_CONTACTS_TODAY} or {@code SKILL_LEVEL_FIRST}
 * @param serviceLevelSeconds the service-level target N: answered within N seconds, 1 to 3600
 * @param steps routing steps that widen as a contact waits; the first starts at 0 s
 * @param hours when calls are taken; {@code null} means always
 */
public record QueueSettings(
    String id,
    String skill,
    int weight,
    String strategy,
    int serviceLevelSeconds,
    List<Step> steps,
    Hours hours) {

  public QueueSettings {
    steps = steps == null ? List.of() : List.copyOf(steps);
  }

  /**
   * @param afterSeconds from how long a contact has waited the step applies
   * @param minimumLevel the lowest skill level (1 to 5) an agent needs from then on
   * @param overflowQueue another queue whose agents may take the contact from then on, or null
   */
  public record Step(int afterSeconds, int minimumLevel, String overflowQueue) {}

  /**
   * Opening hours as data, like a hotline flow's.
   *
   * @param zone a time zone such as {@code Asia/Shanghai}
   * @param weekly open periods ({@code 09:00-18:00}) per weekday ({@code mon} ... {@code sun}); a
   *     day that is missing or empty is closed
   * @param holidays dates ({@code 2026-10-01}) closed all day
   * @param workdays make-up working days (调休), open with {@code workdayHours}
   * @param workdayHours the periods of a make-up working day
   */
  public record Hours(
      String zone,
      Map<String, List<String>> weekly,
      List<String> holidays,
      List<String> workdays,
      List<String> workdayHours) {

    public Hours {
      weekly = weekly == null ? Map.of() : Map.copyOf(weekly);
      holidays = holidays == null ? List.of() : List.copyOf(holidays);
      workdays = workdays == null ? List.of() : List.copyOf(workdays);
      workdayHours = workdayHours == null ? List.of() : List.copyOf(workdayHours);
    }
  }
}
