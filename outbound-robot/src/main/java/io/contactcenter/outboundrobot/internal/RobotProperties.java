package io.contactcenter.outboundrobot.internal;

import io.contactcenter.asrtts.RecognitionOptions;
import io.contactcenter.outboundrobot.internal.domain.AnsweringMachineDetector;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the outbound robot, under {@code cc.outboundrobot}.
 *
 * @param trunk the trunk robot calls go out on ({@code cc.pbx.originate.trunks} must list it)
 * @param callerId the number shown to callees
 * @param ringTimeout how long a robot call rings
 * @param voice the MaryTTS voice (empty: the speech module's default)
 * @param minSpeechConfidence recognizer confidence below which a reply counts as not understood
 *     (replies heard with word confidences only, i.e. {@code replyAlternatives} 0)
 * @param replyAlternatives how many of the recognizer's n best transcripts a callee's reply is
 *     labelled over (the label is voted, and the script's {@code min_vote_share} holds the vote's
 *     share); 0 labels the single best transcript and holds it to the recognizer's word confidences
 *     instead, as before ADR 0049. At most 10
 * @param zone the callees' time zone: "tomorrow at ten" is 10:00 there (unset: the JVM's zone)
 * @param answeringMachine how a voicemail greeting is told from a person
 * @param transfer what happens around a transfer to a human queue
 * @param earlyEndOfTurn when a clear reply ends the callee's turn before the recognizer's trailing
 *     silence
 * @param maxCallDuration the longest a robot call may be under way (dialing or in its dialogue)
 *     before the watchdog hangs it up and settles it as failed: a call that long is stuck (the
 *     media stream never opened or stalled, Asterisk never reported the hangup, the instance that
 *     ran it restarted). At least 1 minute and longer than {@code ringTimeout} plus {@code
 *     transfer.maxWait}. A call the robot has handed to a person is not the robot's any more and is
 *     never cut.
 */
@Validated
@ConfigurationProperties("cc.outboundrobot")
public record RobotProperties(
    @NotBlank @DefaultValue("trunk-test") String trunk,
    @DefaultValue("4000") String callerId,
    @NotNull @DefaultValue("30s") Duration ringTimeout,
    @DefaultValue("") String voice,
    @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.3") double minSpeechConfidence,
    @Min(0) @Max(RecognitionOptions.MAX_ALTERNATIVES) @DefaultValue("5") int replyAlternatives,
    ZoneId zone,
    @Valid @DefaultValue AnsweringMachine answeringMachine,
    @Valid @DefaultValue Transfer transfer,
    @Valid @DefaultValue EarlyEndOfTurn earlyEndOfTurn,
    @NotNull @DefaultValue("10m") Duration maxCallDuration) {

  public RobotProperties {
    zone = zone == null ? ZoneId.systemDefault() : zone;
    if (maxCallDuration != null
        && ringTimeout != null
        && transfer != null
        && (maxCallDuration.compareTo(Duration.ofMinutes(1)) < 0
            || maxCallDuration.compareTo(ringTimeout.plus(transfer.maxWait())) <= 0)) {
      throw new IllegalArgumentException(
          "cc.outboundrobot.max-call-duration must be at least 1m and longer than ring-timeout"
              + " plus transfer.max-wait, was "
              + maxCallDuration);
    }
  }

  /**
   * Answering-machine detection during the opening disclosure (see {@link
   * AnsweringMachineDetector}).
   *
   * @param enabled whether to listen for a machine at all
   * @param continuousSpeech speech without a pause at least this long means a machine
   * @param pause silence at least this long ends a stretch of speech
   * @param speechLevel frame level in dBFS above which a frame counts as speech
   */
  public record AnsweringMachine(
      @DefaultValue("true") boolean enabled,
      @NotNull @DefaultValue("3500ms") Duration continuousSpeech,
      @NotNull @DefaultValue("800ms") Duration pause,
      @DecimalMin("-95") @DecimalMax("-1") @DefaultValue("-42") double speechLevel) {

    AnsweringMachineDetector.Settings settings() {
      return new AnsweringMachineDetector.Settings(continuousSpeech, pause, speechLevel);
    }
  }

  /**
   * Ending the callee's turn early when the words so far are already a clear answer (see {@code
   * EarlyEndOfTurn}): the robot answers sooner, while a hesitant or unclear reply still gets the
   * recognizer's full trailing silence.
   *
   * @param silence the pause after which a clear answer ends the turn; 0 never ends it early
   * @param minConfidence how certain the label of the words so far must be, 0 to 1
   */
  public record EarlyEndOfTurn(
      @NotNull @DefaultValue("300ms") Duration silence,
      @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.75") double minConfidence) {

    public EarlyEndOfTurn {
      if (silence != null
          && (silence.isNegative() || silence.compareTo(Duration.ofSeconds(5)) > 0)) {
        throw new IllegalArgumentException(
            "cc.outboundrobot.early-end-of-turn.silence must be between 0 and 5s, was " + silence);
      }
    }
  }

  /**
   * Transfers to a human queue.
   *
   * @param maxWait the longest a callee waits in the queue before the robot takes the call back and
   *     promises a callback
   * @param unansweredPrompt what the robot says then, per language code; English and Chinese are
   *     built in, configured languages are added or replace them
   */
  public record Transfer(
      @NotNull @DefaultValue("2m") Duration maxWait, Map<String, String> unansweredPrompt) {

    private static final Map<String, String> UNANSWERED_PROMPT =
        Map.of(
            "en",
            "I'm sorry, nobody from our team is free right now. We'll call you back as soon as"
                + " we can. Goodbye.",
            "zh",
            "抱歉，目前没有空闲的客服人员。我们会尽快给您回电。再见。");

    public Transfer {
      if (maxWait != null
          && (maxWait.compareTo(Duration.ofSeconds(1)) < 0
              || maxWait.compareTo(Duration.ofHours(1)) > 0)) {
        throw new IllegalArgumentException(
            "cc.outboundrobot.transfer.max-wait must be between 1s and 1h, was " + maxWait);
      }
      Map<String, String> prompts = new HashMap<>(UNANSWERED_PROMPT);
      if (unansweredPrompt != null) {
        unansweredPrompt.forEach(
            (language, text) -> {
              if (text == null || text.isBlank()) {
                throw new IllegalArgumentException(
                    "cc.outboundrobot.transfer.unanswered-prompt." + language + " is blank");
              }
              prompts.put(language, text.strip());
            });
      }
      unansweredPrompt = Map.copyOf(prompts);
    }

    /** The prompt in {@code language}, or in English when there is none for it. */
    String unansweredPrompt(String language) {
      return unansweredPrompt.getOrDefault(language, unansweredPrompt.get("en"));
    }
  }
}
