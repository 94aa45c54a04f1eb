package io.contactcenter.onlinechat.internal.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides between answering, clarifying, asking to rephrase and handing over. The visitor asking
 * for a human or sounding angry wins over any match; an order number with an order word is an order
 * question; otherwise the best FAQ's score against the thresholds decides, and the second miss in a
 * conversation hands over instead of asking again.
 *
 * <p>Two ways to be confident: a high best score that leads the runner-up a little ({@code
 * answerThreshold}, {@code margin}), or a modest score that leads it clearly ({@code minScore},
 * {@code clearLead}) — short Chinese questions share few terms with any FAQ, yet point at one.
 * Out-of-scope questions score low against several FAQs alike, so a close race below {@code
 * clarifyThreshold} hands over rather than offering unrelated choices.
 *
 * <p>A shop's out-of-scope entries ({@link FaqEntry#outOfScope()}, ADR 0061) are examples of what
 * the bot must not answer: when one is the best match, the bot hands over at once ({@link
 * BotDecision.HandoffReason#OUT_OF_SCOPE}); otherwise they are left out before anything else is
 * decided, so they are never answered, offered as a choice or listed as an alternative.
 *
 * @param answerThreshold a best score at or above this answers if it leads by {@code margin}
 * @param clarifyThreshold a close race at or above this offers choices; below, nothing matched
 * @param margin the lead over the runner-up a high score needs
 * @param minScore the least score that can answer, with {@code clearLead}
 * @param clearLead the lead over the runner-up that lets a modest score answer
 */
public record BotPolicy(
    double answerThreshold,
    double clarifyThreshold,
    double margin,
    double minScore,
    double clearLead) {

  /** The values tuned on the labelled set's tune split (docs/benchmarks.md). */
  public static BotPolicy tuned() {
    return new BotPolicy(0.45, 0.30, 0.05, 0.20, 0.08);
  }

  private static final Pattern HUMAN =
      Pattern.compile(
          "\\b(human|agent|real person|representative|operator|talk to someone|speak to someone)\\b"
              + "|人工|转人工|真人|客服人员|找客服|人工客服");
  private static final Pattern ANGRY =
      Pattern.compile(
          "\\b(ridiculous|useless|terrible|scam|furious|angry|worst|complain|lawyer)\\b"
              + "|投诉|垃圾|骗子|气死|太差|差劲|愤怒|举报|退钱");
  private static final Pattern ORDER =
      Pattern.compile(
          "(?:order|parcel|package|shipment|delivery|订单|包裹|快递|物流|单号)\\D{0,20}?"
              + "(?:#|no\\.?|number|号)?\\s*([A-Za-z]{0,3}\\d{4,20})",
          Pattern.CASE_INSENSITIVE);

  public BotPolicy {
    if (!(0 <= clarifyThreshold && clarifyThreshold <= answerThreshold && answerThreshold <= 1)) {
      throw new IllegalArgumentException(
          "thresholds must satisfy 0 <= clarify <= answer <= 1, got clarify "
              + clarifyThreshold
              + " and answer "
              + answerThreshold);
    }
    for (double v : new double[] {margin, minScore, clearLead}) {
      if (v < 0 || v > 1) {
        throw new IllegalArgumentException(
            "margin, min score and clear lead must be within 0..1, got " + v);
      }
    }
  }

  /**
   * @param ranked the FAQ index's matches, best first, out-of-scope entries included
   * @param missesSoFar how often the bot already failed to answer in this conversation
   */
  public BotDecision decide(String text, List<FaqMatch> ranked, int missesSoFar) {
    List<FaqMatch> matches = answerable(ranked);
    String lower = text.toLowerCase(Locale.ROOT);
    if (HUMAN.matcher(lower).find()) {
      return new BotDecision.Handoff(BotDecision.HandoffReason.ASKED_FOR_HUMAN, matches);
    }
    if (ANGRY.matcher(lower).find()) {
      return new BotDecision.Handoff(BotDecision.HandoffReason.ANGRY, matches);
    }
    Optional<String> order = orderId(text);
    if (order.isPresent()) {
      return new BotDecision.OrderQuestion(order.get());
    }
    return byScore(ranked, missesSoFar);
  }

  /**
   * The decision from the FAQ scores alone (no human, anger or order words).
   *
   * @param ranked the index's matches, best first, out-of-scope entries included
   */
  public BotDecision byScore(List<FaqMatch> ranked, int missesSoFar) {
    List<FaqMatch> matches = answerable(ranked);
    if (!ranked.isEmpty() && ranked.get(0).faq().outOfScope()) {
      return new BotDecision.Handoff(BotDecision.HandoffReason.OUT_OF_SCOPE, matches);
    }
    double best = matches.isEmpty() ? 0 : matches.get(0).score();
    double second = matches.size() > 1 ? matches.get(1).score() : 0;
    if ((best >= answerThreshold && best - second >= margin)
        || (best >= minScore && best - second >= clearLead)) {
      return new BotDecision.Answer(matches.get(0), matches.subList(1, matches.size()));
    }
    if (best >= clarifyThreshold) {
      List<FaqMatch> options =
          matches.stream()
              .filter(m -> m.score() >= clarifyThreshold && best - m.score() < 2 * margin + 0.1)
              .limit(3)
              .toList();
      if (options.size() >= 2) {
        return new BotDecision.Clarify(options);
      }
      if (best >= answerThreshold) {
        return new BotDecision.Answer(matches.get(0), matches.subList(1, matches.size()));
      }
    }
    if (missesSoFar >= 1) {
      return new BotDecision.Handoff(
          missesSoFar >= 2 || best >= clarifyThreshold
              ? BotDecision.HandoffReason.FAILED_TWICE
              : BotDecision.HandoffReason.OUT_OF_SCOPE,
          matches);
    }
    return new BotDecision.Rephrase(matches);
  }

  /** The matches without out-of-scope entries, best first: what may be answered or offered. */
  public static List<FaqMatch> answerable(List<FaqMatch> ranked) {
    return ranked.stream().anyMatch(m -> m.faq().outOfScope())
        ? ranked.stream().filter(m -> !m.faq().outOfScope()).toList()
        : ranked;
  }

  /** The order number in an order question ("where is my order 12345", "订单12345到哪了"). */
  public static Optional<String> orderId(String text) {
    Matcher m = ORDER.matcher(text);
    return m.find() ? Optional.of(m.group(1).toUpperCase(Locale.ROOT)) : Optional.empty();
  }
}
