package io.contactcenter.qa;

import java.util.UUID;

/**
 * How a conversation fared against one rule at one place in the recording.
 *
 * @param ruleId the rule
 * @param ruleName its name when it was applied
 * @param kind its kind
 * @param section its score card section
 * @param passed whether the conversation met the rule there
 * @param autoFail whether the rule fails the whole conversation when not met
 * @param startMs where in the recording, milliseconds from its start (a required phrase that was
 *     never said: 0)
 * @param endMs where it ends
 * @param evidence what was heard (the matched words, or a measurement such as {@code 12.3 s})
 */
public record RuleHit(
    UUID ruleId,
    String ruleName,
    RuleKind kind,
    String section,
    boolean passed,
    boolean autoFail,
    long startMs,
    long endMs,
    String evidence) {}
