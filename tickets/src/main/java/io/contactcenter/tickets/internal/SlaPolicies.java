package io.contactcenter.tickets.internal;

import io.contactcenter.tickets.CustomerTier;
import io.contactcenter.tickets.TicketCategory;
import io.contactcenter.tickets.TicketPriority;
import io.contactcenter.tickets.internal.domain.SlaPolicy;
import java.time.Duration;
import java.util.List;

/** Chooses the SLA policy for a ticket from the configured rules, else the built-in targets. */
class SlaPolicies {

  private final List<TicketProperties.SlaRule> rules;

  SlaPolicies(List<TicketProperties.SlaRule> rules) {
    this.rules = List.copyOf(rules);
    // Fails at start-up, naming the rule, rather than at the first ticket.
    rules.forEach(SlaPolicies::toPolicy);
  }

  SlaPolicy policyFor(TicketCategory category, TicketPriority priority, CustomerTier tier) {
    for (TicketProperties.SlaRule rule : rules) {
      if ((rule.category() == null || rule.category() == category)
          && (rule.priority() == null || rule.priority() == priority)
          && (rule.tier() == null || rule.tier() == tier)) {
        return toPolicy(rule);
      }
    }
    return builtIn(priority);
  }

  /** Business-time targets by priority: first response, next response, resolution, warning. */
  static SlaPolicy builtIn(TicketPriority priority) {
    return switch (priority) {
      case URGENT -> policy("urgent", "30m", "1h", "4h", "10m");
      case HIGH -> policy("high", "1h", "2h", "16h", "15m");
      case NORMAL -> policy("normal", "4h", "8h", "24h", "30m");
      case LOW -> policy("low", "8h", "16h", "40h", "1h");
    };
  }

  private static SlaPolicy policy(String name, String first, String next, String res, String w) {
    return new SlaPolicy(name, parse(first), parse(next), parse(res), parse(w));
  }

  private static Duration parse(String text) {
    return Duration.parse("PT" + text.toUpperCase(java.util.Locale.ROOT));
  }

  private static SlaPolicy toPolicy(TicketProperties.SlaRule rule) {
    return new SlaPolicy(
        rule.name(),
        rule.firstResponse(),
        rule.nextResponse(),
        rule.resolution(),
        rule.warnBefore());
  }
}
