package io.contactcenter.outboundrobot;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.common.CampaignType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A versioned robot dialogue: a small state machine of steps that say a prompt, listen for a reply
 * and branch on its intent label (or a DTMF key standing for one), or end the call with an outcome.
 *
 * <p>The record checks its own shape (names, ranges, which fields go together); {@link
 * DialogueScripts} checks the whole (every reference resolves, every step is reachable and can
 * reach an end, the opening is a disclosure). Immutable.
 *
 * @param id stable name, lower case letters, digits and dashes, e.g. {@code balance-reminder}
 * @param version increases with every saved change; 1 or more
 * @param campaign the campaign type the script is for
 * @param language the language spoken unless the call asks for another, one of {@code languages}
 * @param languages ISO 639-1 codes every prompt has a text for, e.g. {@code [en, zh]}
 * @param variables the variables prompts may use, by name, with the kind of value the voice layer
 *     formats for speech
 * @param settings defaults for listening and callbacks
 * @param start the first step: the disclosure
 * @param noResponse the end step taken when a listen step got no usable reply after its re-prompt
 *     (a listen step may name its own)
 * @param apology said instead of the dialogue when it cannot run (a variable has no value); uses no
 *     variables
 * @param on replies handled the same way at every listen step unless the step says otherwise (do
 *     not call, wrong person, ask for a human)
 * @param steps the steps by name, in the order written
 */
public record DialogueScript(
    String id,
    int version,
    CampaignType campaign,
    String language,
    List<String> languages,
    Map<String, VariableKind> variables,
    Settings settings,
    String start,
    String noResponse,
    Prompt apology,
    Map<IntentLabel, Branch> on,
    Map<String, Step> steps) {

  public DialogueScript {
    ScriptShape.checkId(id);
    if (version < 1) {
      throw new IllegalArgumentException("version must be 1 or more, was " + version);
    }
    Objects.requireNonNull(campaign, "campaign is required");
    languages = ScriptShape.languages(languages, language);
    variables = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(variables)));
    variables.keySet().forEach(name -> ScriptShape.checkName("variable", name));
    Objects.requireNonNull(settings, "settings are required");
    ScriptShape.checkName("start step", start);
    ScriptShape.checkName("no_response step", noResponse);
    Objects.requireNonNull(apology, "apology is required");
    on = ScriptShape.labelMap(on);
    if (steps == null || steps.isEmpty()) {
      throw new IllegalArgumentException("steps must hold at least one step");
    }
    steps.keySet().forEach(name -> ScriptShape.checkName("step", name));
    steps = Collections.unmodifiableMap(new LinkedHashMap<>(steps));
  }

  /** The step with this name, if there is one. */
  public Optional<Step> step(String name) {
    return Optional.ofNullable(steps.get(name));
  }

  /**
   * Every prompt with its path, in the order written: each step's {@code say}, then its re-prompt,
   * and the apology last. The paths are those problems name: {@code steps.ask_payment.say}, {@code
   * steps.ask_payment.listen.reprompt}, {@code apology}.
   */
  public List<PromptAt> prompts() {
    List<PromptAt> prompts = new ArrayList<>();
    Set<String> all = variables.keySet();
    steps.forEach(
        (name, step) -> {
          step.say()
              .ifPresent(say -> prompts.add(new PromptAt("steps." + name + ".say", say, all)));
          step.listen()
              .ifPresent(
                  listen ->
                      prompts.add(
                          new PromptAt(
                              "steps." + name + ".listen.reprompt", listen.reprompt(), all)));
        });
    // Said when a variable has no value, so it may use none.
    prompts.add(new PromptAt("apology", apology, Set.of()));
    return List.copyOf(prompts);
  }

  /**
   * A SHA-256 hex digest of the script's meaning: the same for two sources that differ only in
   * layout, comments or the order of keys, different after any change that could alter a call.
   */
  public String contentHash() {
    return ScriptShape.contentHash(this);
  }

  /** The same script as another version (what saving a changed script assigns). */
  public DialogueScript withVersion(int newVersion) {
    return new DialogueScript(
        id,
        newVersion,
        campaign,
        language,
        languages,
        variables,
        settings,
        start,
        noResponse,
        apology,
        on,
        steps);
  }

  /**
   * What the voice layer must do to a variable's value so that it can be spoken: the engine inserts
   * values as given.
   */
  public enum VariableKind {
    /** Said as written: names, coupon descriptions. */
    TEXT("text"),
    /** An amount with its currency, said in words. */
    MONEY("money"),
    /** A calendar date, said as "Monday, November thirtieth". */
    DATE("date"),
    /** A time of day. */
    TIME("time"),
    /** Order or tracking numbers, said one character at a time. */
    DIGITS("digits");

    private final String code;

    VariableKind(String code) {
      this.code = code;
    }

    /** The stable lower-case code used in scripts. */
    public String code() {
      return code;
    }

    /**
     * The kind with this code.
     *
     * @throws IllegalArgumentException naming the valid codes when there is none
     */
    public static VariableKind fromCode(String code) {
      return ScriptShape.fromCode("variable kind", values(), VariableKind::code, code);
    }
  }

  /** Something done for the callee when the dialogue ends at a step. */
  public enum StepAction {
    /** Call back at the time the callee named, or after the script's default delay. */
    SCHEDULE_CALLBACK("schedule_callback"),
    /** Put the number on the do-not-call list. */
    DO_NOT_CALL("do_not_call"),
    /** Open a ticket with the transcript, about the last reply's label. */
    OPEN_TICKET("open_ticket");

    private final String code;

    StepAction(String code) {
      this.code = code;
    }

    /** The stable lower-case code used in scripts. */
    public String code() {
      return code;
    }

    /**
     * The action with this code.
     *
     * @throws IllegalArgumentException naming the valid codes when there is none
     */
    public static StepAction fromCode(String code) {
      return ScriptShape.fromCode("action", values(), StepAction::code, code);
    }
  }

  /**
   * Script-wide defaults.
   *
   * @param minConfidence a reply less certain than this, 0 to 1, counts as not understood
   * @param callbackDelay when a callee asks to be called back without naming a time, call back this
   *     long after now; 1 minute to 7 days
   * @param maxSteps the most steps one call may enter, a guard against scripts that loop on
   *     answers; beyond it the call takes the no-response end
   * @param minSpeechConfidence a spoken reply the recognizer heard with less confidence than this,
   *     0 to 1, is not acted on whatever its label: the step asks again (its re-prompt offers
   *     keys). On a noisy line a garbled reply can get a confident label ("let me talk to a real
   *     person" heard as "right": agree); the recognizer's own confidence is what tells
   *     (docs/benchmarks.md, noisy replies). 0 leaves only the robot's configured floor ({@code
   *     cc.outboundrobot.min-speech-confidence}); keys always count. Applies to replies heard with
   *     word confidences only ({@code cc.outboundrobot.reply-alternatives: 0}): a reply whose label
   *     was voted over the recognizer's alternatives is held to {@code minVoteShare} instead
   * @param minVoteShare a spoken reply whose label was voted over the recognizer's n best
   *     transcripts is acted on only when the label holds at least this share of their weight, 0 to
   *     1; below it the step asks again as for an unsure reply. Alternatives of a garbled reply
   *     disagree, so the share tells a misheard reply from a clear one (ADR 0049; at the default
   *     0.6 more right actions than the old speech-confidence rule with no more wrong ones; 0.75
   *     also asks again for clearly heard replies the classifier labels at 0.6-0.75,
   *     docs/benchmarks.md). Keys always count.
   */
  public record Settings(
      double minConfidence,
      Duration callbackDelay,
      int maxSteps,
      double minSpeechConfidence,
      double minVoteShare) {

    /** The vote share a script that does not name one acts on. */
    public static final double DEFAULT_MIN_VOTE_SHARE = 0.6;

    /**
     * 0.6 confidence, call back after 2 hours, at most 20 steps, no speech-confidence rule, a vote
     * share of 0.6.
     */
    public static final Settings DEFAULT = new Settings(0.6, Duration.ofHours(2), 20);

    /** Settings without a speech-confidence rule of the script's own, with the default share. */
    public Settings(double minConfidence, Duration callbackDelay, int maxSteps) {
      this(minConfidence, callbackDelay, maxSteps, 0);
    }

    /** Settings with the default vote share. */
    public Settings(
        double minConfidence, Duration callbackDelay, int maxSteps, double minSpeechConfidence) {
      this(minConfidence, callbackDelay, maxSteps, minSpeechConfidence, DEFAULT_MIN_VOTE_SHARE);
    }

    public Settings {
      ScriptShape.checkConfidence(minConfidence);
      if (!(minSpeechConfidence >= 0.0 && minSpeechConfidence <= 1.0)) {
        throw new IllegalArgumentException(
            "min_speech_confidence must be between 0 and 1, was " + minSpeechConfidence);
      }
      if (!(minVoteShare >= 0.0 && minVoteShare <= 1.0)) {
        throw new IllegalArgumentException(
            "min_vote_share must be between 0 and 1, was " + minVoteShare);
      }
      Objects.requireNonNull(callbackDelay, "callback_delay is required");
      if (callbackDelay.compareTo(Duration.ofMinutes(1)) < 0
          || callbackDelay.compareTo(Duration.ofDays(7)) > 0) {
        throw new IllegalArgumentException(
            "callback_delay must be between 1 minute and 7 days, was " + callbackDelay);
      }
      if (maxSteps < 2 || maxSteps > 200) {
        throw new IllegalArgumentException("max_steps must be between 2 and 200, was " + maxSteps);
      }
    }
  }

  /**
   * Text to speak, by language code. Texts may hold variables as {@code ${name}}.
   *
   * @param texts at least one; keys are ISO 639-1 codes
   */
  public record Prompt(Map<String, String> texts) {

    public Prompt {
      if (texts == null || texts.isEmpty()) {
        throw new IllegalArgumentException("a prompt needs a text in at least one language");
      }
      texts.forEach(
          (language, text) -> {
            if (text == null || text.isBlank()) {
              throw new IllegalArgumentException("the " + language + " text is empty");
            }
          });
      texts = Collections.unmodifiableMap(new TreeMap<>(texts));
    }

    /** A prompt in one language. */
    public static Prompt of(String language, String text) {
      return new Prompt(Map.of(language, text));
    }

    /** The text in a language, if the prompt has one. */
    public Optional<String> text(String language) {
      return Optional.ofNullable(texts.get(language));
    }
  }

  /**
   * A prompt and where it is in its script.
   *
   * @param path where, as in {@link ScriptProblem#path()}: {@code steps.<step>.say}, {@code
   *     steps.<step>.listen.reprompt} or {@code apology}
   * @param prompt its texts
   * @param variables the variables its texts may use
   */
  public record PromptAt(String path, Prompt prompt, Set<String> variables) {

    public PromptAt {
      Objects.requireNonNull(path, "path is required");
      Objects.requireNonNull(prompt, "prompt is required");
      variables = Collections.unmodifiableSet(new TreeSet<>(variables));
    }
  }

  /**
   * Where a reply leads.
   *
   * @param target the next step
   * @param withoutTime for {@code call_back_later} only: the step to take instead when the callee
   *     named no time (typically one that asks when)
   */
  public record Branch(String target, Optional<String> withoutTime) {

    public Branch {
      ScriptShape.checkName("target step", target);
      Objects.requireNonNull(withoutTime, "withoutTime is required (may be empty)");
      withoutTime.ifPresent(step -> ScriptShape.checkName("without_time step", step));
    }

    /** A branch to one step whatever the reply carries. */
    public static Branch to(String target) {
      return new Branch(target, Optional.empty());
    }
  }

  /**
   * How to listen for a reply.
   *
   * @param phrases by language, words and phrases the recognizer should favour; may be empty
   * @param timeout how long to wait for the callee to start speaking; 1 to 60 seconds
   * @param minConfidence a reply less certain than this counts as not understood
   * @param dtmf keys the callee may press instead of speaking, each standing for an intent label;
   *     at least one, so the re-prompt can offer them
   * @param reprompt said once after silence or a reply not understood; offers the keys
   * @param noResponse the step to take when the re-prompt also fails, instead of the script's
   */
  public record Listen(
      Map<String, List<String>> phrases,
      Duration timeout,
      double minConfidence,
      Map<Character, IntentLabel> dtmf,
      Prompt reprompt,
      Optional<String> noResponse) {

    public Listen {
      phrases = ScriptShape.phrases(phrases);
      ScriptShape.checkTimeout(timeout);
      ScriptShape.checkConfidence(minConfidence);
      dtmf = ScriptShape.dtmf(dtmf);
      Objects.requireNonNull(reprompt, "reprompt is required");
      Objects.requireNonNull(noResponse, "noResponse is required (may be empty)");
      noResponse.ifPresent(step -> ScriptShape.checkName("no_response step", step));
    }
  }

  /**
   * One step. It does exactly one of: listen and branch on the reply ({@code listen} with {@code
   * on}), go on to another step ({@code next}), or end the call ({@code end}, optionally
   * transferring it and with actions).
   *
   * @param say the prompt spoken when the step is entered; required unless the step listens
   * @param bargeIn whether the callee speaking (or pressing a key) stops the prompt; only the
   *     opening disclosure may be uninterruptible
   * @param listen how to listen, for a listen step
   * @param on where each reply leads, for a listen step; labels not here fall back to the
   *     script-wide {@code on}, then count as not understood
   * @param next the following step, for a step that only speaks
   * @param end the outcome, for a step that ends the call
   * @param transfer the human queue to transfer to, for an end step; the transcript goes along
   * @param actions done when the call ends here, for an end step
   */
  public record Step(
      Optional<Prompt> say,
      boolean bargeIn,
      Optional<Listen> listen,
      Map<IntentLabel, Branch> on,
      Optional<String> next,
      Optional<DialogueOutcome> end,
      Optional<String> transfer,
      Set<StepAction> actions) {

    public Step {
      Objects.requireNonNull(say, "say is required (may be empty)");
      Objects.requireNonNull(listen, "listen is required (may be empty)");
      on = ScriptShape.labelMap(on);
      Objects.requireNonNull(next, "next is required (may be empty)");
      Objects.requireNonNull(end, "end is required (may be empty)");
      Objects.requireNonNull(transfer, "transfer is required (may be empty)");
      actions = ScriptShape.actions(actions);
      ScriptShape.checkStep(say, listen, on, next, end, transfer, actions);
    }
  }
}
