package io.contactcenter.qa;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A QA rule as data: what it checks, where it counts on the score card and how much. Validates
 * itself; {@link IllegalArgumentException} names the offending field.
 *
 * @param name shown on the score card, 1 to 100 characters
 * @param kind what is checked
 * @param section the score card section it counts in, such as {@code opening}; 1 to 50 characters
 * @param weight points the rule is worth in its section, 0 to 100
 * @param autoFail whether failing it fails the whole conversation (score 0)
 * @param language {@code en} or {@code zh}: the rule applies to conversations in that language;
 *     {@code null} for every language
 * @param phrases for the phrase kinds, 1 to 20 phrases of at most 200 characters each; for {@link
 *     RuleKind#COMPLAINT} and {@link RuleKind#HOLD_TIME} 0 to 20, added to the built-in ones;
 *     matched tolerantly to recognition errors (see {@code similarity})
 * @param within for {@link RuleKind#REQUIRED_PHRASE}, how soon from the start the phrase must
 *     begin; {@code null} for anywhere
 * @param limit for {@link RuleKind#MAX_SILENCE}, {@link RuleKind#TALK_OVER} and {@link
 *     RuleKind#HOLD_TIME}, the longest allowed stretch, 100 ms to 1 h
 * @param maxRate for {@link RuleKind#SPEAKING_RATE}, the most words (Chinese: characters) per
 *     minute, 1 to 1000
 * @param speaker whose words the rule looks at; {@code null} for anyone (for {@link
 *     RuleKind#COMPLAINT} the customer, for {@link RuleKind#HOLD_TIME} the agent)
 * @param similarity how close a spoken passage must be to a phrase, 0.5 to 1 (1 = exact); {@code
 *     null} means 0.8
 * @param enabled whether the rule is applied; {@code null} means true
 * @param combine for {@link RuleKind#COMBINED}, whether all or any of the parts must be met
 * @param parts for {@link RuleKind#COMBINED}, the ids of 2 to 10 other rules (not combined ones)
 */
public record RuleDefinition(
    String name,
    RuleKind kind,
    String section,
    int weight,
    boolean autoFail,
    String language,
    List<String> phrases,
    Duration within,
    Duration limit,
    Integer maxRate,
    Speaker speaker,
    Double similarity,
    Boolean enabled,
    Combination combine,
    List<UUID> parts) {

  /** How a combined rule joins its parts. */
  public enum Combination {
    /** Met when every part is met. */
    AND,
    /** Met when at least one part is met. */
    OR
  }

  /** A rule of the kinds before combined rules existed. */
  public RuleDefinition(
      String name,
      RuleKind kind,
      String section,
      int weight,
      boolean autoFail,
      String language,
      List<String> phrases,
      Duration within,
      Duration limit,
      Integer maxRate,
      Speaker speaker,
      Double similarity,
      Boolean enabled) {
    this(
        name,
        kind,
        section,
        weight,
        autoFail,
        language,
        phrases,
        within,
        limit,
        maxRate,
        speaker,
        similarity,
        enabled,
        null,
        null);
  }

  public RuleDefinition {
    name = name == null ? "" : name.strip();
    if (name.isEmpty() || name.length() > 100) {
      throw new IllegalArgumentException("name must hold 1 to 100 characters");
    }
    if (kind == null) {
      throw new IllegalArgumentException("kind is required: one of " + List.of(RuleKind.values()));
    }
    section = section == null ? "" : section.strip();
    if (section.isEmpty() || section.length() > 50) {
      throw new IllegalArgumentException("section must hold 1 to 50 characters");
    }
    if (weight < 0 || weight > 100) {
      throw new IllegalArgumentException("weight must be between 0 and 100, was " + weight);
    }
    if (language != null) {
      language = language.strip().toLowerCase(Locale.ROOT);
      if (language.isEmpty()) {
        language = null;
      } else if (!language.equals("en") && !language.equals("zh")) {
        throw new IllegalArgumentException("language must be en or zh, was '" + language + "'");
      }
    }
    phrases = phrases == null ? List.of() : phrases.stream().map(RuleDefinition::phrase).toList();
    boolean phraseKind = kind == RuleKind.REQUIRED_PHRASE || kind == RuleKind.FORBIDDEN_PHRASE;
    boolean lexiconKind = kind == RuleKind.COMPLAINT || kind == RuleKind.HOLD_TIME;
    if (phraseKind && (phrases.isEmpty() || phrases.size() > 20)) {
      throw new IllegalArgumentException("phrases must hold 1 to 20 phrases for " + kind);
    }
    if (lexiconKind && phrases.size() > 20) {
      throw new IllegalArgumentException("phrases must hold at most 20 phrases for " + kind);
    }
    if (!phraseKind && !lexiconKind && !phrases.isEmpty()) {
      throw new IllegalArgumentException("phrases are only for the phrase kinds, not " + kind);
    }
    if (within != null && (within.isNegative() || within.isZero())) {
      throw new IllegalArgumentException("within must be positive, was " + within);
    }
    boolean limitKind =
        kind == RuleKind.MAX_SILENCE || kind == RuleKind.TALK_OVER || kind == RuleKind.HOLD_TIME;
    if (limitKind
        && (limit == null
            || limit.compareTo(Duration.ofMillis(100)) < 0
            || limit.compareTo(Duration.ofHours(1)) > 0)) {
      throw new IllegalArgumentException("limit must be between 100 ms and 1 h for " + kind);
    }
    if (kind == RuleKind.SPEAKING_RATE && (maxRate == null || maxRate < 1 || maxRate > 1000)) {
      throw new IllegalArgumentException("maxRate must be between 1 and 1000 for " + kind);
    }
    if (similarity == null) {
      similarity = 0.8;
    }
    if (similarity < 0.5 || similarity > 1) {
      throw new IllegalArgumentException("similarity must be between 0.5 and 1, was " + similarity);
    }
    if (enabled == null) {
      enabled = true;
    }
    if (parts != null && parts.stream().anyMatch(java.util.Objects::isNull)) {
      throw new IllegalArgumentException("parts must not hold an empty rule id");
    }
    parts = parts == null ? List.of() : List.copyOf(parts);
    if (kind == RuleKind.COMBINED) {
      if (combine == null) {
        throw new IllegalArgumentException("combine is required for COMBINED: AND or OR");
      }
      if (parts.size() < 2 || parts.size() > 10 || Set.copyOf(parts).size() != parts.size()) {
        throw new IllegalArgumentException("parts must name 2 to 10 different rules for COMBINED");
      }
    } else if (combine != null || !parts.isEmpty()) {
      throw new IllegalArgumentException("combine and parts are only for COMBINED, not " + kind);
    }
  }

  private static String phrase(String phrase) {
    if (phrase == null || phrase.isBlank() || phrase.length() > 200) {
      throw new IllegalArgumentException("each phrase must hold 1 to 200 characters");
    }
    return phrase.strip();
  }

  /** Whether the rule applies to a conversation in a language ({@code en}, {@code zh}). */
  public boolean appliesTo(String conversationLanguage) {
    return enabled && (language == null || language.equals(conversationLanguage));
  }
}
