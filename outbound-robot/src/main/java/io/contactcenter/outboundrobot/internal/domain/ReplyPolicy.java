package io.contactcenter.outboundrobot.internal.domain;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.outboundrobot.DialogueScript;
import io.contactcenter.outboundrobot.DialogueScript.Branch;
import io.contactcenter.outboundrobot.DialogueScript.Listen;
import io.contactcenter.outboundrobot.DialogueScript.Step;
import java.util.Optional;

/**
 * Which branch of a script a callee's reply takes, if any: a reply is acted on only when it is
 * labelled (not {@code unknown}), its label is confident enough, the recognizer heard the words
 * with at least the script's {@code min_speech_confidence} or, for a label voted over the
 * recognizer's alternatives, the label holds at least the script's {@code min_vote_share}, and a
 * branch exists for the label. What follows a reply that takes no branch is the {@link
 * DialogueEngine}'s business.
 */
final class ReplyPolicy {

  private final DialogueScript script;

  ReplyPolicy(DialogueScript script) {
    this.script = script;
  }

  /**
   * The script-wide branch taken by speech over a prompt that asks nothing (opt out, ask for a
   * human), held to the script's {@code min_confidence}; empty if the reply just cut the prompt
   * short.
   */
  Optional<Branch> overPrompt(Reply reply) {
    Branch global = script.on().get(reply.label());
    if (global != null
        && reply.confidence() >= script.settings().minConfidence()
        && heardWell(reply)) {
      return Optional.of(global);
    }
    return Optional.empty();
  }

  /**
   * The branch taken by a reply to {@code step}'s {@code listen}, held to the listen's {@code
   * min_confidence}: the step's own branch for the label, else the script's; empty when the reply
   * was not understood.
   */
  Optional<Branch> toListen(Step step, Listen listen, Reply reply) {
    if (reply.label() == IntentLabel.UNKNOWN
        || reply.confidence() < listen.minConfidence()
        || !heardWell(reply)) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        step.on().getOrDefault(reply.label(), script.on().get(reply.label())));
  }

  /**
   * Whether the recognizer was sure enough of the words for their label to be acted on: each rule
   * is neutral (1) for a reply that lacks its evidence (keys; a voted reply has no word
   * confidences, a single transcript no vote).
   */
  private boolean heardWell(Reply reply) {
    return reply.speechConfidence() >= script.settings().minSpeechConfidence()
        && reply.voteShare() >= script.settings().minVoteShare();
  }
}
