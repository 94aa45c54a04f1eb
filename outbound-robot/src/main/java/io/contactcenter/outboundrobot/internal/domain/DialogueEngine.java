package io.contactcenter.outboundrobot.internal.domain;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.outboundrobot.DialogueOutcome;
import io.contactcenter.outboundrobot.DialogueScript;
import io.contactcenter.outboundrobot.DialogueScript.Branch;
import io.contactcenter.outboundrobot.DialogueScript.Listen;
import io.contactcenter.outboundrobot.DialogueScript.Prompt;
import io.contactcenter.outboundrobot.DialogueScript.Step;
import io.contactcenter.outboundrobot.ScriptProblem;
import io.contactcenter.outboundrobot.ScriptRejectedException;
import io.contactcenter.outboundrobot.Turn;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs one dialogue script for one answered call: a deterministic state machine fed with what the
 * callee does and answering with what the call should do next ({@link Directive}).
 *
 * <p>Policy, beyond what the script says: a reply that is silence, below the listen step's
 * confidence, heard by the recognizer with less than the script's {@code min_speech_confidence},
 * labelled {@code unknown}, or has no branch gets the step's re-prompt once (which offers keys); a
 * second such reply takes the step's or the script's no-response end. A prompt whose variables lack
 * a value is never spoken: before saying anything, the engine checks every variable the script uses
 * and, if one is missing, says the script's apology and ends with {@link DialogueOutcome#FAILED}.
 *
 * <p>Not thread-safe: one instance per call, driven from one thread.
 */
public final class DialogueEngine {

  private enum State {
    NEW,
    SPEAKING,
    LISTENING,
    FINISHED
  }

  private final DialogueScript script;
  private final String language;
  private final Map<String, String> values;
  private final Clock clock;
  private final ReplyPolicy replies;
  private final Transcript transcript;

  private State state = State.NEW;
  private String stepName;
  private Step step;
  private boolean promptInterruptible;
  private int failures;
  private int stepsEntered;
  private IntentLabel lastLabel = IntentLabel.UNKNOWN;
  private Optional<Instant> namedCallbackTime = Optional.empty();
  private Directive last;

  /**
   * Prepares a dialogue.
   *
   * @param language the language to speak, one of the script's; {@code null} for its default
   * @param values the variables' values for this call, already in the words to speak (the voice
   *     layer formats amounts and dates per {@link DialogueScript.VariableKind})
   * @throws ScriptRejectedException if the script has problems (scripts are checked when saved, so
   *     this means one was built around the check)
   * @throws IllegalArgumentException if the script has no prompts in the language
   */
  public DialogueEngine(
      DialogueScript script, String language, Map<String, String> values, Clock clock) {
    this.script = Objects.requireNonNull(script, "script is required");
    this.replies = new ReplyPolicy(script);
    List<ScriptProblem> problems = ScriptValidator.problems(script);
    if (!problems.isEmpty()) {
      throw new ScriptRejectedException(script.id() + " v" + script.version(), problems);
    }
    this.language = language == null ? script.language() : language;
    if (!script.languages().contains(this.language)) {
      throw new IllegalArgumentException(
          "script "
              + script.id()
              + " has no prompts in '"
              + this.language
              + "', only "
              + script.languages());
    }
    this.values = Map.copyOf(Objects.requireNonNull(values, "values are required"));
    this.clock = Objects.requireNonNull(clock, "clock is required");
    this.transcript = new Transcript(this.clock);
  }

  /** Opens the dialogue: the disclosure, or the apology when a variable has no value. */
  public Directive start() {
    requireState("start", State.NEW);
    Set<String> missing = new TreeSet<>();
    for (String name : ScriptValidator.variablesUsed(script, language)) {
      if (!PromptText.speakable(values.get(name))) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      return fail(script.start(), "no value for variable(s) " + String.join(", ", missing));
    }
    return enter(script.start());
  }

  /** The prompt of the last {@link Directive.Say} was played to the end. */
  public Directive onPromptFinished() {
    if (state == State.FINISHED) {
      return last;
    }
    requireState("onPromptFinished", State.SPEAKING);
    return afterPrompt();
  }

  /**
   * The callee spoke: in reply to a {@link Directive.Listen}, or over an interruptible prompt
   * (barge-in).
   *
   * @throws IllegalStateException while an uninterruptible prompt plays or before {@link #start()}
   */
  public Directive onReply(Reply reply) {
    Objects.requireNonNull(reply, "reply is required");
    if (state == State.FINISHED) {
      return last;
    }
    requireInput("onReply");
    if (step.listen().isEmpty()) {
      // Speech over a prompt that asks nothing: only the script-wide replies (opt out, ask for a
      // human) change course; anything else just cut the prompt short.
      transcript.callee(
          stepName, reply.text(), reply.label(), reply.confidence(), Optional.empty());
      Optional<Branch> global = replies.overPrompt(reply);
      return global.isPresent()
          ? follow(reply.label(), global.get(), reply.callbackAt())
          : afterPrompt();
    }
    return understand(reply, Optional.empty());
  }

  /**
   * The callee pressed a key, in reply to a {@link Directive.Listen} or over an interruptible
   * prompt.
   *
   * @throws IllegalStateException while an uninterruptible prompt plays or before {@link #start()}
   */
  public Directive onDtmf(char key) {
    if (state == State.FINISHED) {
      return last;
    }
    requireInput("onDtmf");
    Optional<Listen> listen = step.listen();
    if (listen.isEmpty()) {
      transcript.callee(stepName, "", null, 1.0, Optional.of(key));
      return afterPrompt();
    }
    IntentLabel label = listen.get().dtmf().get(key);
    if (label == null) {
      transcript.callee(stepName, "", null, 1.0, Optional.of(key));
      return notUnderstood();
    }
    return understand(new Reply("", label, 1.0, Optional.empty()), Optional.of(key));
  }

  /**
   * What {@code key} means to the current step, if it listens for keys: the robot asks before
   * acting on a key that was pressed while an uninterruptible prompt played.
   */
  public Optional<IntentLabel> keyMeaning(char key) {
    return step == null ? Optional.empty() : step.listen().map(listen -> listen.dtmf().get(key));
  }

  /** The callee said nothing before the {@link Directive.Listen} timed out. */
  public Directive onSilence() {
    if (state == State.FINISHED) {
      return last;
    }
    requireState("onSilence", State.LISTENING);
    transcript.callee(stepName, "", null, 0.0, Optional.empty());
    return notUnderstood();
  }

  /**
   * The callee hung up. If the dialogue had already reached its end (the callee hung up during the
   * goodbye) that result stands; otherwise it ends {@link DialogueOutcome#HUNG_UP}.
   */
  public Directive onHangup() {
    return endWithoutCall(DialogueOutcome.HUNG_UP);
  }

  /**
   * The call's voice or hearing failed (the synthesizer, the recognizer or the media stream): the
   * dialogue ends {@link DialogueOutcome#FAILED} with {@code why} as the failure, and the script's
   * apology as its last words. If the dialogue had already reached its end (a failure during the
   * goodbye) that result stands.
   *
   * @throws IllegalStateException before {@link #start()}
   */
  public Directive onFailure(String why) {
    Objects.requireNonNull(why, "why is required");
    if (state == State.FINISHED) {
      return last;
    }
    if (state == State.NEW) {
      throw new IllegalStateException("onFailure is not expected before start()");
    }
    return fail(stepName, why);
  }

  /**
   * The media layer detected an answering machine (see {@link AnsweringMachineDetector}); the
   * dialogue ends {@link DialogueOutcome#VOICEMAIL} without another prompt. What the machine said
   * is kept as a callee turn without a label: it was no reply.
   *
   * @param heard the greeting as recognized, may be empty
   * @param confidence the recognizer's confidence in it, 0 to 1
   */
  public Directive onAnsweringMachine(String heard, double confidence) {
    if (state == State.FINISHED) {
      return last;
    }
    if (state == State.NEW) {
      throw new IllegalStateException("onAnsweringMachine is not expected before start()");
    }
    transcript.callee(stepName, heard, null, confidence, Optional.empty());
    return endWithoutCall(DialogueOutcome.VOICEMAIL);
  }

  /** The result, once the dialogue has ended. */
  public Optional<DialogueResult> result() {
    return switch (last) {
      case Directive.Hangup hangup -> Optional.of(hangup.result());
      case Directive.Transfer transfer -> Optional.of(transfer.result());
      case Directive.Done done -> Optional.of(done.result());
      case null, default -> Optional.empty();
    };
  }

  /** Everything said so far. */
  public List<Turn> turns() {
    return transcript.turns();
  }

  private Directive enter(String name) {
    stepsEntered++;
    Step next = script.steps().get(name);
    if (stepsEntered > script.settings().maxSteps() && next.end().isEmpty()) {
      name = script.noResponse();
      next = script.steps().get(name);
    }
    stepName = name;
    step = next;
    failures = 0;
    if (step.end().isPresent()) {
      return finish();
    }
    if (step.say().isPresent()) {
      return say(step.say().get(), step.bargeIn());
    }
    return listen();
  }

  private Directive say(Prompt prompt, boolean bargeIn) {
    Optional<String> text = render(prompt);
    if (text.isEmpty()) {
      return fail(stepName, "a prompt of step '" + stepName + "' could not be rendered");
    }
    transcript.robot(stepName, text.get());
    state = State.SPEAKING;
    promptInterruptible = bargeIn;
    return emit(new Directive.Say(text.get(), bargeIn));
  }

  private Directive listen() {
    Listen listen = step.listen().orElseThrow();
    state = State.LISTENING;
    return emit(
        new Directive.Listen(
            listen.phrases().getOrDefault(language, List.of()),
            listen.timeout(),
            new TreeSet<>(listen.dtmf().keySet())));
  }

  private Directive afterPrompt() {
    if (step.listen().isPresent()) {
      return listen();
    }
    return enter(step.next().orElseThrow());
  }

  private Directive understand(Reply reply, Optional<Character> key) {
    transcript.callee(stepName, reply.text(), reply.label(), reply.confidence(), key);
    Optional<Branch> branch = replies.toListen(step, step.listen().orElseThrow(), reply);
    return branch.isPresent()
        ? follow(reply.label(), branch.get(), reply.callbackAt())
        : notUnderstood();
  }

  private Directive follow(IntentLabel label, Branch branch, Optional<Instant> callbackAt) {
    lastLabel = label;
    String target = branch.target();
    if (label == IntentLabel.CALL_BACK_LATER) {
      Instant now = clock.instant();
      // A time already past ("this morning" said in the afternoon) is as good as no time.
      namedCallbackTime = callbackAt.filter(at -> at.isAfter(now));
      if (namedCallbackTime.isEmpty() && branch.withoutTime().isPresent()) {
        target = branch.withoutTime().get();
      }
    }
    return enter(target);
  }

  private Directive notUnderstood() {
    failures++;
    Listen listen = step.listen().orElseThrow();
    if (failures == 1) {
      return say(listen.reprompt(), true);
    }
    return enter(listen.noResponse().orElse(script.noResponse()));
  }

  private Directive finish() {
    Optional<String> text = render(step.say().orElseThrow());
    if (text.isEmpty()) {
      return fail(stepName, "a prompt of step '" + stepName + "' could not be rendered");
    }
    transcript.robot(stepName, text.get());
    List<DialogueAction> actions = new ArrayList<>();
    for (DialogueScript.StepAction action : step.actions()) {
      actions.add(
          switch (action) {
            case SCHEDULE_CALLBACK ->
                new DialogueAction.ScheduleCallback(
                    namedCallbackTime.orElseGet(
                        () -> clock.instant().plus(script.settings().callbackDelay())));
            case DO_NOT_CALL -> new DialogueAction.AddToDoNotCall();
            case OPEN_TICKET -> new DialogueAction.OpenTicket(lastLabel);
          });
    }
    step.transfer().ifPresent(queue -> actions.add(new DialogueAction.TransferToHuman(queue)));
    DialogueResult result =
        new DialogueResult(step.end().orElseThrow(), actions, transcript.turns(), Optional.empty());
    state = State.FINISHED;
    if (step.transfer().isPresent()) {
      return emit(
          new Directive.Transfer(step.transfer().get(), text.get(), transcript.turns(), result));
    }
    return emit(new Directive.Hangup(text.get(), result));
  }

  private Directive fail(String at, String why) {
    stepName = at;
    // The apology uses no variables (the validator sees to it), so it always renders.
    String apology = script.apology().text(language).orElseThrow();
    transcript.robot(at, apology);
    state = State.FINISHED;
    return emit(
        new Directive.Hangup(
            apology,
            new DialogueResult(
                DialogueOutcome.FAILED, List.of(), transcript.turns(), Optional.of(why))));
  }

  private Directive endWithoutCall(DialogueOutcome outcome) {
    if (state == State.FINISHED) {
      return last;
    }
    state = State.FINISHED;
    return emit(
        new Directive.Done(
            new DialogueResult(outcome, List.of(), transcript.turns(), Optional.empty())));
  }

  private Optional<String> render(Prompt prompt) {
    return prompt.text(language).flatMap(text -> PromptText.render(text, values));
  }

  private Directive emit(Directive directive) {
    last = directive;
    return directive;
  }

  private void requireInput(String input) {
    if (state == State.SPEAKING && !promptInterruptible) {
      throw new IllegalStateException(
          input + " while the uninterruptible prompt of step '" + stepName + "' plays");
    }
    if (state != State.SPEAKING && state != State.LISTENING) {
      throw new IllegalStateException(input + " is not expected before start()");
    }
  }

  private void requireState(String input, State expected) {
    if (state != expected) {
      throw new IllegalStateException(
          input + " is not expected now (" + state.name().toLowerCase() + ")");
    }
  }
}
