package io.contactcenter.routing;

import java.util.List;

/**
 * One thing wrong with a queue an admin saves.
 *
 * @param field where, e.g. {@code steps[1].minimumLevel} or {@code hours.weekly.mon[0]}
 * @param code what, a stable word a client can translate ({@code level-range}, {@code
 *     unknown-queue}, ...); the app words it in English or Chinese
 * @param value the offending value as text, or empty
 */
public record QueueProblem(String field, String code, String value) {

  /** Every code there is, for clients and for the message bundles. */
  public static final List<String> CODES =
      List.of(
          "id-format",
          "skill-required",
          "weight-range",
          "strategy-unknown",
          "service-level-range",
          "steps-required",
          "step-first-not-zero",
          "step-order",
          "level-range",
          "overflow-unknown",
          "overflow-self",
          "zone-unknown",
          "day-unknown",
          "period-format",
          "date-format");
}
