package io.contactcenter.outboundrobot.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.common.CampaignType;
import io.contactcenter.outboundrobot.DialogueScript;
import io.contactcenter.outboundrobot.DialogueScript.Branch;
import io.contactcenter.outboundrobot.DialogueScript.Step;
import io.contactcenter.outboundrobot.internal.YamlDialogueScripts;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The balance reminder: min_confidence 0.6, min_speech_confidence 0.75, min_vote_share 0.6. */
class ReplyPolicyTest {

  private static final DialogueScript SCRIPT =
      new YamlDialogueScripts().builtIn(CampaignType.BALANCE);
  private static final Step ASK = SCRIPT.steps().get("ask_payment");

  private final ReplyPolicy policy = new ReplyPolicy(SCRIPT);

  private static Reply reply(IntentLabel label, double confidence, double speechConfidence) {
    return new Reply("words", label, confidence, Optional.empty(), speechConfidence);
  }

  private Optional<Branch> toAsk(Reply reply) {
    return policy.toListen(ASK, ASK.listen().orElseThrow(), reply);
  }

  @Test
  void aConfidentReplyTakesTheStepsOwnBranchElseTheScripts() {
    assertThat(toAsk(reply(IntentLabel.AGREE, 0.9, 0.9))).map(Branch::target).contains("will_pay");
    assertThat(toAsk(reply(IntentLabel.DO_NOT_CALL, 0.9, 0.9)))
        .map(Branch::target)
        .contains("opt_out");
  }

  @Test
  void anUnknownUnsureOrMisheardReplyTakesNoBranch() {
    assertThat(toAsk(reply(IntentLabel.UNKNOWN, 0.9, 0.9))).isEmpty();
    assertThat(toAsk(reply(IntentLabel.AGREE, 0.59, 0.9))).isEmpty();
    assertThat(toAsk(reply(IntentLabel.AGREE, 0.9, 0.74))).isEmpty();
  }

  @Test
  void aVotedReplyIsActedOnWhenItsLabelHoldsTheScriptsShareOfTheVote() {
    Reply clear = Reply.voted("yes i will pay", IntentLabel.AGREE, 0.8, Optional.empty());
    Reply split = Reply.voted("yes i will pay", IntentLabel.AGREE, 0.59, Optional.empty());

    assertThat(toAsk(clear)).map(Branch::target).contains("will_pay");
    assertThat(toAsk(split)).isEmpty();
    assertThat(policy.overPrompt(Reply.voted("stop calling", IntentLabel.DO_NOT_CALL, 0.8, none())))
        .map(Branch::target)
        .contains("opt_out");
    assertThat(
            policy.overPrompt(Reply.voted("stop calling", IntentLabel.DO_NOT_CALL, 0.55, none())))
        .isEmpty();
  }

  @Test
  void keysAndSingleTranscriptsAreNotHeldToAVoteShare() {
    assertThat(toAsk(Reply.of("1", IntentLabel.AGREE, 1.0)))
        .map(Branch::target)
        .contains("will_pay");
    // A single transcript is held to its word confidence, not to a vote.
    assertThat(toAsk(reply(IntentLabel.AGREE, 0.65, 0.9))).map(Branch::target).contains("will_pay");
  }

  private static Optional<java.time.Instant> none() {
    return Optional.empty();
  }

  @Test
  void overAPromptOnlyTheScriptWideBranchesCount() {
    assertThat(policy.overPrompt(reply(IntentLabel.DO_NOT_CALL, 0.6, 0.75)))
        .map(Branch::target)
        .contains("opt_out");
    assertThat(policy.overPrompt(reply(IntentLabel.AGREE, 0.9, 0.9))).isEmpty();
    assertThat(policy.overPrompt(reply(IntentLabel.DO_NOT_CALL, 0.59, 0.9))).isEmpty();
    assertThat(policy.overPrompt(reply(IntentLabel.DO_NOT_CALL, 0.9, 0.74))).isEmpty();
  }
}
