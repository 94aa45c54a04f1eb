package io.contactcenter.onlinechat.internal.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a chat the bot hands over waits, how urgent it is, and what it says when it becomes a
 * ticket: the routing queue of the site and language (the site's own queues first, then the
 * defaults), VIP for the tiers configured as such, and the conversation as a ticket's transcript.
 */
public final class HandoffPolicy {

  /** One line of a transcript: when, who ({@code visitor}, {@code bot}, an agent's name), what. */
  public record Line(String at, String who, String text) {}

  /** Control characters other than line breaks and tabs, which a ticket refuses. */
  private static final java.util.regex.Pattern CONTROL =
      java.util.regex.Pattern.compile("[\\p{Cntrl}&&[^\\n\\t\\r]]");

  private final Map<String, String> queues;
  private final Map<String, Map<String, String>> siteQueues;
  private final Set<String> vipTiers;

  /**
   * @param queues queue by language tag ({@code en}, {@code zh})
   * @param siteQueues a site's own queues by language tag, by site id
   * @param vipTiers tiers whose chats go ahead (compared ignoring case)
   */
  public HandoffPolicy(
      Map<String, String> queues,
      Map<String, Map<String, String>> siteQueues,
      List<String> vipTiers) {
    this.queues = Map.copyOf(queues);
    Map<String, Map<String, String>> copy = new HashMap<>();
    siteQueues.forEach((site, q) -> copy.put(site, Map.copyOf(q)));
    this.siteQueues = Map.copyOf(copy);
    this.vipTiers =
        vipTiers.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  /** The queue of the site's chats in this language. */
  public String queueFor(String site, String lang) {
    String own = siteQueues.getOrDefault(site, Map.of()).get(lang);
    if (own != null && !own.isBlank()) {
      return own;
    }
    String queue = queues.get(lang);
    if (queue == null) {
      throw new IllegalArgumentException("no chat queue for language " + lang);
    }
    return queue;
  }

  /** Whether the customer's tier goes ahead; an unknown tier (anonymous visitor) does not. */
  public boolean vip(String tier) {
    return tier != null && vipTiers.contains(tier.strip().toLowerCase(Locale.ROOT));
  }

  /**
   * A ticket's subject: the visitor's first question, shortened, after a prefix in the chat's
   * language; without a question, the prefix alone.
   */
  public static String subject(String lang, List<Line> lines, int maxChars) {
    String prefix = "zh".equals(lang) ? "在线咨询：" : "Chat: ";
    String first =
        lines.stream()
            .filter(l -> "visitor".equals(l.who()))
            .map(l -> CONTROL.matcher(l.text()).replaceAll(" ").replaceAll("\\s+", " ").strip())
            .filter(t -> !t.isEmpty())
            .findFirst()
            .orElse("zh".equals(lang) ? "转人工" : "asked for an agent");
    String subject = prefix + first;
    return subject.length() <= maxChars
        ? subject
        : subject.substring(0, Math.max(prefix.length(), maxChars - 1)) + "…";
  }

  /**
   * The conversation as plain text, one line per message ({@code [at] who: text}). When it is
   * longer than {@code maxChars} the oldest lines are left out and a first line says so: the latest
   * messages are what an agent answers.
   */
  public static String transcript(List<Line> lines, int maxChars, String omittedNote) {
    List<String> rendered =
        lines.stream()
            .map(
                l ->
                    CONTROL
                        .matcher("[" + l.at() + "] " + l.who() + ": " + l.text())
                        .replaceAll(" "))
            .toList();
    int total = rendered.stream().mapToInt(s -> s.length() + 1).sum();
    if (total <= maxChars) {
      return String.join("\n", rendered);
    }
    StringBuilder kept = new StringBuilder();
    int budget = maxChars - omittedNote.length() - 1;
    for (int i = rendered.size() - 1; i >= 0; i--) {
      String line = rendered.get(i);
      if (kept.length() + line.length() + 1 > budget) {
        if (kept.isEmpty()) {
          // A single message longer than the budget: its end.
          kept.append(line, line.length() - budget, line.length());
        }
        break;
      }
      kept.insert(0, kept.isEmpty() ? line : line + "\n");
    }
    return omittedNote + "\n" + kept;
  }
}
