package io.contactcenter.asrtts.internal.speech;

import io.contactcenter.asrtts.RecognitionOptions;
import io.contactcenter.asrtts.ReplyClassifier;
import io.contactcenter.asrtts.ReplyLanguage;
import io.contactcenter.asrtts.ReplyRequest;
import io.contactcenter.asrtts.ReplyVote;
import io.contactcenter.asrtts.SpeechRecognizer;
import io.contactcenter.asrtts.Transcript;
import io.contactcenter.common.CampaignType;
import java.util.List;

/**
 * The robot's n-best labelling as {@link NoisyReplyBenchmark} and {@link NoisyReplyChainIT} measure
 * it: a reply is recognized as the robot's stream does with {@link
 * RecognitionOptions#alternatives()} (main code: {@link VoskRecognitionStream}), and its label is
 * voted over the alternatives with {@link ReplyVote} (main code), here at any weight scale so that
 * the benchmark can compare scales.
 */
final class NbestReplies {

  /** The robot's number of alternatives ({@code cc.outboundrobot.reply-alternatives}). */
  static final int ROBOT_ALTERNATIVES = 5;

  /**
   * The bundled scripts' {@code settings.min_vote_share}: act on a voted label only when it holds
   * at least this share of the alternatives' weight. ADR 0049.
   */
  static final double SCRIPT_MIN_VOTE_SHARE = 0.6;

  private NbestReplies() {}

  /** A reply of 8 kHz audio, streamed in 20 ms frames, with up to {@code n} alternatives. */
  static Transcript recognize(SpeechRecognizer asr, short[] audio, int alternatives) {
    return NoisyReplyBenchmark.stream(
        asr, audio, RecognitionOptions.freeSpeech("en").withAlternatives(alternatives));
  }

  /** The label voted over {@code alternatives}, each weighed {@code exp(scale × Δscore)}. */
  static ReplyVote vote(
      List<Transcript.Alternative> alternatives,
      double scale,
      ReplyClassifier classifier,
      CampaignType campaign) {
    return ReplyVote.over(
        alternatives,
        scale,
        text -> classifier.classify(new ReplyRequest(text, ReplyLanguage.EN, campaign, null)));
  }
}
