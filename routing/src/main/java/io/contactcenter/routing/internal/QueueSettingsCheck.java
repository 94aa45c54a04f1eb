package io.contactcenter.routing.internal;

import io.contactcenter.common.OpeningHours;
import io.contactcenter.routing.QueueProblem;
import io.contactcenter.routing.QueueSettings;
import io.contactcenter.routing.internal.domain.QueueDefinition;
import io.contactcenter.routing.internal.domain.QueueId;
import io.contactcenter.routing.internal.domain.QueueStrategy;
import io.contactcenter.routing.internal.domain.RoutingStep;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a queue an admin saves and turns it into the routing core's definition and opening hours.
 * Every problem is collected with its place, so one answer lists them all.
 */
final class QueueSettingsCheck {

  static final Map<String, DayOfWeek> DAYS =
      Map.of(
          "mon", DayOfWeek.MONDAY,
          "tue", DayOfWeek.TUESDAY,
          "wed", DayOfWeek.WEDNESDAY,
          "thu", DayOfWeek.THURSDAY,
          "fri", DayOfWeek.FRIDAY,
          "sat", DayOfWeek.SATURDAY,
          "sun", DayOfWeek.SUNDAY);

  private QueueSettingsCheck() {}

  /**
   * @param otherQueues the ids of the queues that exist besides this one (overflow targets)
   */
  static List<QueueProblem> problems(QueueSettings q, Set<String> otherQueues) {
    List<QueueProblem> problems = new ArrayList<>();
    if (q.id() == null || !q.id().matches("[a-z0-9][a-z0-9-]{0,39}")) {
      problems.add(new QueueProblem("id", "id-format", String.valueOf(q.id())));
    }
    if (q.skill() == null || q.skill().isBlank() || q.skill().length() > 40) {
      problems.add(new QueueProblem("skill", "skill-required", String.valueOf(q.skill())));
    }
    if (q.weight() < 0 || q.weight() > 1000) {
      problems.add(new QueueProblem("weight", "weight-range", Integer.toString(q.weight())));
    }
    if (strategy(q.strategy()).isEmpty()) {
      problems.add(new QueueProblem("strategy", "strategy-unknown", String.valueOf(q.strategy())));
    }
    if (q.serviceLevelSeconds() < 1 || q.serviceLevelSeconds() > 3600) {
      problems.add(
          new QueueProblem(
              "serviceLevelSeconds",
              "service-level-range",
              Integer.toString(q.serviceLevelSeconds())));
    }
    steps(q, otherQueues, problems);
    if (q.hours() != null) {
      hours(q.hours(), problems);
    }
    return problems;
  }

  private static void steps(QueueSettings q, Set<String> otherQueues, List<QueueProblem> problems) {
    if (q.steps().isEmpty()) {
      problems.add(new QueueProblem("steps", "steps-required", ""));
      return;
    }
    for (int i = 0; i < q.steps().size(); i++) {
      QueueSettings.Step step = q.steps().get(i);
      String at = "steps[" + i + "]";
      if (i == 0 && step.afterSeconds() != 0) {
        problems.add(
            new QueueProblem(
                at + ".afterSeconds",
                "step-first-not-zero",
                Integer.toString(step.afterSeconds())));
      }
      if (i > 0 && step.afterSeconds() <= q.steps().get(i - 1).afterSeconds()) {
        problems.add(
            new QueueProblem(
                at + ".afterSeconds", "step-order", Integer.toString(step.afterSeconds())));
      }
      if (step.minimumLevel() < 1 || step.minimumLevel() > 5) {
        problems.add(
            new QueueProblem(
                at + ".minimumLevel", "level-range", Integer.toString(step.minimumLevel())));
      }
      String overflow = step.overflowQueue();
      if (overflow != null && !overflow.isBlank()) {
        if (overflow.equals(q.id())) {
          problems.add(new QueueProblem(at + ".overflowQueue", "overflow-self", overflow));
        } else if (!otherQueues.contains(overflow)) {
          problems.add(new QueueProblem(at + ".overflowQueue", "overflow-unknown", overflow));
        }
      }
    }
  }

  private static void hours(QueueSettings.Hours h, List<QueueProblem> problems) {
    try {
      ZoneId.of(h.zone() == null ? "" : h.zone());
    } catch (DateTimeException e) {
      problems.add(new QueueProblem("hours.zone", "zone-unknown", String.valueOf(h.zone())));
    }
    h.weekly()
        .forEach(
            (day, periods) -> {
              if (!DAYS.containsKey(day)) {
                problems.add(new QueueProblem("hours.weekly." + day, "day-unknown", day));
              }
              periods(periods, "hours.weekly." + day, problems);
            });
    periods(h.workdayHours(), "hours.workdayHours", problems);
    dates(h.holidays(), "hours.holidays", problems);
    dates(h.workdays(), "hours.workdays", problems);
  }

  private static void periods(List<String> periods, String at, List<QueueProblem> problems) {
    for (int i = 0; i < periods.size(); i++) {
      String text = periods.get(i);
      try {
        OpeningHours.Period.parse(text == null ? "" : text);
      } catch (IllegalArgumentException | DateTimeException e) {
        problems.add(new QueueProblem(at + "[" + i + "]", "period-format", String.valueOf(text)));
      }
    }
  }

  private static void dates(List<String> dates, String at, List<QueueProblem> problems) {
    for (int i = 0; i < dates.size(); i++) {
      try {
        LocalDate.parse(dates.get(i) == null ? "" : dates.get(i));
      } catch (DateTimeException e) {
        problems.add(
            new QueueProblem(at + "[" + i + "]", "date-format", String.valueOf(dates.get(i))));
      }
    }
  }

  static Optional<QueueStrategy> strategy(String name) {
    for (QueueStrategy s : QueueStrategy.values()) {
      if (s.name().equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The routing core's definition of a queue without problems. */
  static QueueDefinition definition(QueueSettings q) {
    List<RoutingStep> steps = new ArrayList<>();
    for (QueueSettings.Step s : q.steps()) {
      steps.add(
          new RoutingStep(
              Duration.ofSeconds(s.afterSeconds()),
              s.minimumLevel(),
              Optional.ofNullable(s.overflowQueue()).filter(o -> !o.isBlank()).map(QueueId::new)));
    }
    return new QueueDefinition(
        new QueueId(q.id()),
        q.skill().strip(),
        q.weight(),
        strategy(q.strategy()).orElseThrow(),
        steps,
        Duration.ofSeconds(q.serviceLevelSeconds()));
  }

  /** The opening hours of a queue without problems; empty when it has none (always open). */
  static Optional<OpeningHours> hours(QueueSettings q) {
    QueueSettings.Hours h = q.hours();
    if (h == null) {
      return Optional.empty();
    }
    Map<DayOfWeek, List<OpeningHours.Period>> weekly = new EnumMap<>(DayOfWeek.class);
    h.weekly()
        .forEach(
            (day, periods) ->
                weekly.put(
                    DAYS.get(day), periods.stream().map(OpeningHours.Period::parse).toList()));
    Set<LocalDate> holidays = new HashSet<>();
    h.holidays().forEach(d -> holidays.add(LocalDate.parse(d)));
    Set<LocalDate> workdays = new HashSet<>();
    h.workdays().forEach(d -> workdays.add(LocalDate.parse(d)));
    return Optional.of(
        new OpeningHours(
            ZoneId.of(h.zone()),
            weekly,
            holidays,
            workdays,
            h.workdayHours().stream().map(OpeningHours.Period::parse).toList()));
  }
}
