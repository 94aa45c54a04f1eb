package io.contactcenter.ivr.internal.domain;

import io.contactcenter.common.SpokenYesNo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Walks one caller through a flow. A state machine: each method returns the next {@link IvrStep};
 * the adapter carries it out and reports back with {@link #next()} (after a Say), {@link #onInput}
 * (after an Ask) or {@link #onOrder} (after a LookUpOrder). One engine per call; not thread-safe.
 *
 * <p>A question that gets no input or an answer that matches nothing is asked once more; the second
 * time the node's no-input or no-match exit is taken. {@code 0} or an agent phrase takes the
 * to-agent exit. An order number is read back for confirmation: a spoken number is confirmed by a
 * yes or a no said in the caller's words ({@link SpokenYesNo}) or keyed. Once speech has failed in
 * the node (a spoken number that could not be read, a read-back answer not understood or a number
 * denied), and for a number the caller keyed, the node asks by keys only: for the number and for
 * its read-back ({@code confirm-keys}). A spoken yes counts only when it was heard surely: the
 * recognizer's {@value #READ_BACK_ALTERNATIVES} alternatives that read as a yes hold at least the
 * engine's {@code minYesShare} of their weight, and it is not one of the engine's {@code
 * unsureAlone} phrases alone ("right": "that's not right" is heard as "right" with every
 * alternative the same); a yes heard less surely is asked again by keys, as an answer not
 * understood is. A read-back is asked at most {@value #CONFIRM_TRIES} times; after that, or after a
 * second denied number, the caller goes to an agent.
 */
public final class FlowEngine {

  /** Steps after which a flow that only talks (a loop of say nodes) is cut off to an agent. */
  static final int MAX_STEPS = 200;

  /**
   * Times a read-back is asked before the caller goes to a person: by voice once, then by keys
   * twice (a key is never misheard, so the second keyed try is there for a caller who pressed a
   * wrong key or was too slow).
   */
  static final int CONFIRM_TRIES = 3;

  /**
   * Alternative transcripts a spoken read-back answer is recognized with: the robot's number (ADR
   * 0049), with which the yes share was chosen (docs/benchmarks.md, noisy replies run 7).
   */
  static final int READ_BACK_ALTERNATIVES = 5;

  private enum OrderPhase {
    NUMBER,
    CONFIRM
  }

  private final Flow flow;
  private final String language;
  private final Clock clock;
  private final double minYesShare;
  private final Set<String> unsureAlone;
  private final VisitLog visits;
  private String intent;
  private SessionTrace.SelfService selfService;
  private SessionTrace.Outcome outcome = SessionTrace.Outcome.IN_PROGRESS;

  private Node node;
  private int attempts;
  private OrderPhase orderPhase;
  private String orderNumber;
  private int failedConfirmations;
  private boolean keysOnly;
  private int notFound;
  private int steps;
  private Supplier<IvrStep> afterSay;
  private boolean repeatPending;

  /**
   * @param language the caller's language; {@code null} means the flow's
   * @param minYesShare 0 to 1: the share of a spoken read-back answer's alternatives that must read
   *     as a yes for the yes to count ({@code cc.ivr.hotline.read-back-min-yes-share}); 0 takes
   *     every yes as heard
   */
  public FlowEngine(Flow flow, String language, Clock clock, double minYesShare) {
    this(flow, language, clock, minYesShare, Set.of());
  }

  /**
   * @param language the caller's language; {@code null} means the flow's
   * @param minYesShare as above
   * @param unsureAlone yes-phrases that do not count as a yes to a read-back when they are all that
   *     was heard ({@code cc.ivr.hotline.read-back-unsure-alone}); empty: none
   */
  public FlowEngine(
      Flow flow, String language, Clock clock, double minYesShare, Set<String> unsureAlone) {
    if (minYesShare < 0 || minYesShare > 1) {
      throw new IllegalArgumentException("minYesShare must be between 0 and 1, was " + minYesShare);
    }
    this.flow = flow;
    this.language = language == null ? flow.language() : language;
    this.clock = clock;
    this.minYesShare = minYesShare;
    this.unsureAlone = Set.copyOf(unsureAlone);
    this.visits = new VisitLog(clock);
  }

  public String language() {
    return language;
  }

  /** The first step of the call. */
  public IvrStep start() {
    return start(false);
  }

  /**
   * The first step of the call.
   *
   * @param repeatCaller the caller called within the repeat window: the first menu is skipped for
   *     the flow's repeat-caller node (when it names one)
   */
  public IvrStep start(boolean repeatCaller) {
    this.repeatPending = repeatCaller && flow.repeatCaller() != null;
    return enter(flow.start());
  }

  /** After a {@link IvrStep.Say} was said. */
  public IvrStep next() {
    if (afterSay == null) {
      throw new IllegalStateException("next() follows a Say or LeaveMessage step only");
    }
    Supplier<IvrStep> then = afterSay;
    afterSay = null;
    return then.get();
  }

  /** After an {@link IvrStep.Ask}: what the caller answered. */
  public IvrStep onInput(CallerInput input) {
    visits.note(input);
    return switch (node) {
      case Node.Menu menu -> menuInput(menu, input);
      case Node.OrderStatus order ->
          orderPhase == OrderPhase.NUMBER ? numberInput(order, input) : confirmInput(order, input);
      case Node.LeaveNumber leave -> callbackInput(leave, input);
      default -> throw new IllegalStateException("node " + node.id() + " asks nothing");
    };
  }

  /** After a {@link IvrStep.LookUpOrder}. */
  public IvrStep onOrder(OrderResult result) {
    Node.OrderStatus order = (Node.OrderStatus) node;
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("order_number", orderNumber);
    return switch (result) {
      case OrderResult.Found found -> {
        selfService = SessionTrace.SelfService.FOUND;
        visits.note("order:found");
        OrderInfo info = found.order();
        values.put("order_status", info.state().words(language));
        values.put("eta", info.eta() == null ? unknown() : info.eta());
        values.put("carrier", info.carrier() == null ? unknown() : info.carrier());
        values.put(
            "tracking_number", info.trackingNumber() == null ? unknown() : info.trackingNumber());
        yield say(order.found(), values, () -> enter(order.next()));
      }
      case OrderResult.NotFound nf -> {
        selfService = SessionTrace.SelfService.NOT_FOUND;
        visits.note("order:not-found");
        notFound++;
        yield say(
            order.notFound(),
            values,
            () -> notFound >= 2 ? enter(order.toAgent()) : askNumber(order, true));
      }
      case OrderResult.Unavailable u -> {
        selfService = SessionTrace.SelfService.UNAVAILABLE;
        visits.note("order:unavailable");
        yield say(order.unavailable(), values, () -> enter(order.toAgent()));
      }
    };
  }

  /**
   * After a {@link IvrStep.ToAgent}: the agents' queue is closed by its own opening hours. The
   * caller goes where a closed hotline sends callers (the hours node's {@code closed} exit, such as
   * leaving a callback number).
   *
   * @return empty when the flow has no hours node: the caller goes on to the queue as it is
   */
  public java.util.Optional<IvrStep> queueClosed() {
    for (Node n : flow.nodes().values()) {
      if (n instanceof Node.Hours hours) {
        outcome = SessionTrace.Outcome.IN_PROGRESS;
        visits.note("queue-closed");
        return java.util.Optional.of(enter(hours.closed()));
      }
    }
    return java.util.Optional.empty();
  }

  /** The caller hung up: the session ends as abandoned unless it had already ended. */
  public void callerHungUp() {
    if (outcome == SessionTrace.Outcome.IN_PROGRESS) {
      outcome = SessionTrace.Outcome.ABANDONED;
    }
    visits.close();
  }

  /** What happened so far (complete once a final step was returned or the caller hung up). */
  public SessionTrace trace() {
    return new SessionTrace(visits.visits(), intent, selfService, outcome);
  }

  private IvrStep enter(String nodeId) {
    visits.close();
    steps++;
    if (steps > MAX_STEPS) {
      throw new IllegalStateException(
          "flow " + flow.id() + " ran " + MAX_STEPS + " steps without an answer");
    }
    node = flow.node(nodeId);
    visits.enter(nodeId);
    attempts = 0;
    return switch (node) {
      case Node.Menu menu -> {
        if (repeatPending) {
          // A caller back within the repeat window skips the menu: they are likely calling about
          // the same thing, which the IVR did not settle.
          repeatPending = false;
          visits.note("repeat-caller");
          yield enter(flow.repeatCaller());
        }
        yield askMenu(menu, false);
      }
      case Node.Hours hours -> {
        boolean open = flow.hours() != null && flow.hours().isOpen(clock.instant());
        visits.note(open ? "open" : "closed");
        yield enter(open ? hours.open() : hours.closed());
      }
      case Node.LeaveNumber leave -> askCallback(leave, false);
      case Node.Say s -> say(s.prompt(), Map.of(), () -> enter(s.next()));
      case Node.OrderStatus order -> {
        orderNumber = null;
        failedConfirmations = 0;
        keysOnly = false;
        notFound = 0;
        yield askNumber(order, false);
      }
      case Node.Agent agent -> {
        outcome = SessionTrace.Outcome.TO_AGENT;
        visits.close();
        yield new IvrStep.ToAgent(agent.id(), agent.prompt(), agent.queue(), agent.priority());
      }
      case Node.Hangup hangup -> {
        outcome = SessionTrace.Outcome.CONTAINED;
        visits.close();
        yield new IvrStep.Hangup(hangup.id(), hangup.prompt());
      }
    };
  }

  private IvrStep say(Prompt prompt, Map<String, Object> values, Supplier<IvrStep> then) {
    afterSay = then;
    return new IvrStep.Say(node.id(), prompt, Map.copyOf(values));
  }

  // ---------------------------------------------------------------- menu

  private IvrStep askMenu(Node.Menu menu, boolean retry) {
    List<String> phrases = new ArrayList<>();
    for (Node.Choice choice : menu.choices()) {
      phrases.addAll(choice.phrases().getOrDefault(language, List.of()));
    }
    phrases.addAll(flow.agentPhrases().getOrDefault(language, List.of()));
    return new IvrStep.Ask(menu.id(), menu.prompt(), Map.of(), 1, phrases, retry);
  }

  private IvrStep menuInput(Node.Menu menu, CallerInput input) {
    switch (input) {
      case CallerInput.NoInput n -> {
        return retryOr(() -> askMenu(menu, true), menu.noInput());
      }
      case CallerInput.Keys keys -> {
        String d = keys.digits();
        if (d.equals("0")) {
          return enter(menu.toAgent());
        }
        if (d.isEmpty()) {
          return retryOr(() -> askMenu(menu, true), menu.noInput());
        }
        for (Node.Choice choice : menu.choices()) {
          if (d.equals(String.valueOf(choice.key()))) {
            return choose(choice);
          }
        }
      }
      case CallerInput.Speech speech -> {
        String said = normalize(speech.text());
        if (said.isEmpty()) {
          return retryOr(() -> askMenu(menu, true), menu.noInput());
        }
        if (matches(said, flow.agentPhrases().getOrDefault(language, List.of()))) {
          return enter(menu.toAgent());
        }
        for (Node.Choice choice : menu.choices()) {
          if (matches(said, choice.phrases().getOrDefault(language, List.of()))) {
            return choose(choice);
          }
        }
      }
    }
    return retryOr(() -> askMenu(menu, true), menu.noMatch());
  }

  private IvrStep choose(Node.Choice choice) {
    if (intent == null) {
      intent = choice.intent();
    }
    return enter(choice.next());
  }

  private static boolean matches(String said, List<String> phrases) {
    for (String phrase : phrases) {
      if (said.equals(normalize(phrase))) {
        return true;
      }
    }
    return false;
  }

  private static String normalize(String text) {
    if (text == null) {
      return "";
    }
    String t = text.toLowerCase(Locale.ROOT).replace("[unk]", " ").strip().replaceAll("\\s+", " ");
    return t;
  }

  private IvrStep retryOr(Supplier<IvrStep> again, String exit) {
    attempts++;
    return attempts < 2 ? again.get() : enter(exit);
  }

  // ---------------------------------------------------------------- order status

  private IvrStep askNumber(Node.OrderStatus order, boolean retry) {
    orderPhase = OrderPhase.NUMBER;
    // Once speech has failed in this node it is not offered again: it got the caller wrong once
    // and on the same line would likely get them wrong again (Nuance's "DTMF-only after errors").
    List<String> phrases = keysOnly ? List.of() : SpokenDigits.grammar(language);
    return new IvrStep.Ask(
        order.id(), order.ask(), Map.of(), order.maxDigits(), phrases, retry, 0, order.minDigits());
  }

  private IvrStep numberInput(Node.OrderStatus order, CallerInput input) {
    String digits =
        switch (input) {
          case CallerInput.Keys keys -> keys.digits();
          case CallerInput.Speech speech -> SpokenDigits.parse(speech.text());
          case CallerInput.NoInput n -> "";
        };
    if (digits.equals("0")) {
      return enter(order.toAgent());
    }
    if (digits.matches("[0-9]+")
        && digits.length() >= order.minDigits()
        && digits.length() <= order.maxDigits()) {
      orderNumber = digits;
      attempts = 0;
      if (input instanceof CallerInput.Keys) {
        // A caller who keyed the number has the keypad at hand: the read-back asks for keys too.
        keysOnly = true;
      }
      return askConfirm(order, false);
    }
    if (input instanceof CallerInput.Speech) {
      keysOnly = true;
    }
    return retryOr(() -> askNumber(order, true), order.noInput());
  }

  private IvrStep askConfirm(Node.OrderStatus order, boolean retry) {
    orderPhase = OrderPhase.CONFIRM;
    Map<String, Object> values = Map.of("order_number", orderNumber);
    if (keysOnly) {
      return new IvrStep.Ask(order.id(), order.confirmKeys(), values, 1, List.of(), retry);
    }
    return new IvrStep.Ask(
        order.id(),
        order.confirm(),
        values,
        1,
        SpokenYesNo.grammar(language),
        retry,
        READ_BACK_ALTERNATIVES);
  }

  private IvrStep confirmInput(Node.OrderStatus order, CallerInput input) {
    SpokenYesNo.Answer answer =
        switch (input) {
          case CallerInput.Keys keys ->
              switch (keys.digits()) {
                case "1" -> SpokenYesNo.Answer.YES;
                case "2" -> SpokenYesNo.Answer.NO;
                default -> SpokenYesNo.Answer.UNCLEAR;
              };
          case CallerInput.Speech speech -> spokenAnswer(speech);
          case CallerInput.NoInput n -> SpokenYesNo.Answer.UNCLEAR;
        };
    return switch (answer) {
      case YES -> new IvrStep.LookUpOrder(order.id(), orderNumber);
      case NO -> {
        failedConfirmations++;
        attempts = 0;
        keysOnly = true;
        yield failedConfirmations >= 2 ? enter(order.toAgent()) : askNumber(order, true);
      }
      case UNCLEAR -> {
        if (input instanceof CallerInput.Keys keys && keys.digits().equals("0")) {
          yield enter(order.toAgent());
        }
        // A spoken yes or no on a noisy line is often not understood twice in a row; a key is
        // never misheard, so the read-back is asked again for keys only.
        keysOnly = true;
        attempts++;
        yield attempts < CONFIRM_TRIES ? askConfirm(order, true) : enter(order.toAgent());
      }
    };
  }

  /**
   * A spoken yes or no to the read-back; a yes only when heard surely: on a noisy line "that's not
   * right" is often heard as "right" alone, and only the alternatives still hold the "not" — or,
   * when they collapsed into that one transcript, nothing does, so a lone "right" is unsure.
   */
  private SpokenYesNo.Answer spokenAnswer(CallerInput.Speech speech) {
    SpokenYesNo.Answer answer =
        SpokenYesNo.parse(speech.text(), speech.alternatives(), minYesShare, unsureAlone);
    if (answer == SpokenYesNo.Answer.UNCLEAR
        && SpokenYesNo.parse(speech.text()) == SpokenYesNo.Answer.YES) {
      visits.note("read-back:yes-unsure");
    }
    return answer;
  }

  // ---------------------------------------------------------------- callback number

  private IvrStep askCallback(Node.LeaveNumber leave, boolean retry) {
    return new IvrStep.Ask(leave.id(), leave.ask(), Map.of(), 16, List.of(), retry);
  }

  private IvrStep callbackInput(Node.LeaveNumber leave, CallerInput input) {
    String digits = input instanceof CallerInput.Keys keys ? keys.digits() : "";
    if (digits.matches("[0-9]{5,15}")) {
      visits.note("callback:left");
      afterSay =
          () -> say(leave.thanks(), Map.of("callback_number", digits), () -> enter(leave.next()));
      return new IvrStep.LeaveMessage(leave.id(), digits);
    }
    return retryOr(() -> askCallback(leave, true), leave.next());
  }

  private String unknown() {
    return "zh".equals(language) ? "暂无" : "not known yet";
  }
}
