package io.contactcenter.outboundrobot.internal;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.asrtts.RecognitionOptions;
import io.contactcenter.asrtts.RecognitionStream;
import io.contactcenter.asrtts.ReplyClassification;
import io.contactcenter.asrtts.ReplyClassifier;
import io.contactcenter.asrtts.ReplyLanguage;
import io.contactcenter.asrtts.ReplyRequest;
import io.contactcenter.asrtts.ReplyVote;
import io.contactcenter.asrtts.SpeechRecognizer;
import io.contactcenter.asrtts.SpeechSynthesizer;
import io.contactcenter.asrtts.Transcript;
import io.contactcenter.common.CampaignType;
import io.contactcenter.outboundrobot.internal.domain.AnsweringMachineDetector;
import io.contactcenter.outboundrobot.internal.domain.Reply;
import java.time.Clock;
import java.util.List;

/**
 * The robot's voice, ears and understanding, shared by every call: the speech engines and reply
 * classifier with the robot's settings applied. Stateless; thread-safe as the engines are.
 *
 * @param tts synthesizes prompts
 * @param asr recognizes the callee
 * @param classifier labels replies
 * @param config the robot's settings
 * @param machineSettings the answering-machine detector's settings, checked at start
 * @param clock for timeouts and the "now" relative callback times count from
 * @param latency the turn-latency timers
 */
record RobotSpeech(
    SpeechSynthesizer tts,
    SpeechRecognizer asr,
    ReplyClassifier classifier,
    RobotProperties config,
    AnsweringMachineDetector.Settings machineSettings,
    Clock clock,
    TurnLatency latency) {

  /** A prompt as audio for the call, in the configured voice (or the language's default). */
  byte[] synthesize(String text) {
    return tts.synthesize(text, config.voice().isBlank() ? null : config.voice()).pcm16le8k();
  }

  /**
   * A recognition stream for a reply in {@code language}, without a phrase list; one that hears
   * nothing when no model serves the language, so that keys answer.
   */
  RecognitionStream listen(String language) {
    if (!canListen(language)) {
      return new KeysOnlyStream();
    }
    return asr.open(
        new RecognitionOptions(language, List.of(), null, null, config.replyAlternatives()));
  }

  /** A recognition stream for whatever is said, e.g. an answering machine's greeting. */
  RecognitionStream listenFreely(String language) {
    if (!canListen(language)) {
      return new KeysOnlyStream();
    }
    return asr.open(RecognitionOptions.freeSpeech(language));
  }

  /** Whether a recognition model serves {@code language}: without one, callees answer by keys. */
  boolean canListen(String language) {
    return asr.languages().contains(language);
  }

  /**
   * What the callee said, labelled for the campaign the robot called about: voted over the
   * recognizer's alternatives when it gave them (the script's {@code min_vote_share} then holds the
   * label's share); else the single transcript's label, where one the recognizer was unsure of
   * counts as not understood.
   */
  Reply reply(Transcript transcript, String language, CampaignType campaign) {
    if (transcript.isEmpty()) {
      return Reply.of("", IntentLabel.UNKNOWN, 0);
    }
    if (!transcript.alternatives().isEmpty()) {
      ReplyVote vote =
          ReplyVote.over(transcript.alternatives(), text -> classify(text, language, campaign));
      return Reply.voted(
          transcript.text(), vote.label(), vote.share(), vote.callbackAt().map(z -> z.toInstant()));
    }
    ReplyClassification label = classify(transcript.text(), language, campaign);
    double confidence =
        transcript.confidence() < config.minSpeechConfidence() ? 0 : label.confidence();
    return new Reply(
        transcript.text(),
        label.label(),
        confidence,
        label.callbackAt().map(z -> z.toInstant()),
        transcript.confidence());
  }

  /** The early end of one listening turn, expecting {@code phrases}. */
  EarlyEndOfTurn earlyEndOfTurn(String language, CampaignType campaign, List<String> phrases) {
    RobotProperties.EarlyEndOfTurn settings = config.earlyEndOfTurn();
    return new EarlyEndOfTurn(
        settings.silence(),
        settings.minConfidence(),
        phrases,
        text -> classify(text, language, campaign));
  }

  /** Labels what the callee said; "tomorrow at ten" is read in the callees' zone. */
  private ReplyClassification classify(String text, String language, CampaignType campaign) {
    return classifier.classify(
        new ReplyRequest(
            text,
            ReplyLanguage.fromCode(language),
            campaign,
            clock.instant().atZone(config.zone())));
  }
}
