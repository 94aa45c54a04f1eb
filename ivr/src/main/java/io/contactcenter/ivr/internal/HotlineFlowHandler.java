package io.contactcenter.ivr.internal;

import io.contactcenter.common.PhoneNumber;
import io.contactcenter.ivr.HotlineDigitsEntered;
import io.contactcenter.ivr.HotlineMessageLeft;
import io.contactcenter.ivr.internal.domain.CallerInput;
import io.contactcenter.ivr.internal.domain.Flow;
import io.contactcenter.ivr.internal.domain.FlowEngine;
import io.contactcenter.ivr.internal.domain.IvrStep;
import io.contactcenter.ivr.internal.domain.SessionTrace;
import io.contactcenter.pbx.CallerHungUpException;
import io.contactcenter.pbx.ChannelSession;
import io.contactcenter.pbx.spi.CallHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Runs the active hotline flow on a call: carries out each step of the {@link FlowEngine} through
 * the call's {@link CallerChannel} (keys and Asterisk sounds, or speech and keys), looks orders up,
 * and stores the session when the call leaves the IVR. A caller handed to an agent leaves with the
 * dialplan contract: {@code CC_ROUTE=queue}, {@code CC_QUEUE}, plus {@code CC_PRIORITY}, {@code
 * CC_CUSTOMER} and {@code CC_IVR_SESSION}.
 */
final class HotlineFlowHandler implements CallHandler {

  private static final Logger log = LoggerFactory.getLogger(HotlineFlowHandler.class);

  private final IvrProperties.Hotline config;
  private final Function<String, Flow> flows;
  private final OrderLookup orders;
  private final Consumer<JdbcIvrSessions.StoredSession> sessions;
  private final ApplicationEventPublisher events;
  private final Consumer<HotlineMessageLeft> callbacks;
  private final BiPredicate<String, Instant> calledSince;
  private final Function<String, Optional<JdbcCustomers.Customer>> customers;
  private final Function<ChannelSession, CallerChannel> channels;
  private final Predicate<String> queueOpen;
  private final Clock clock;

  HotlineFlowHandler(
      IvrProperties.Hotline config,
      Function<String, Flow> flows,
      OrderLookup orders,
      Consumer<JdbcIvrSessions.StoredSession> sessions,
      ApplicationEventPublisher events,
      Consumer<HotlineMessageLeft> callbacks,
      BiPredicate<String, Instant> calledSince,
      Function<String, Optional<JdbcCustomers.Customer>> customers,
      Function<ChannelSession, CallerChannel> channels,
      Predicate<String> queueOpen,
      Clock clock) {
    this.config = config;
    this.flows = flows;
    this.orders = orders;
    this.sessions = sessions;
    this.events = events;
    this.callbacks = callbacks;
    this.calledSince = calledSince;
    this.customers = customers;
    this.channels = channels;
    this.queueOpen = queueOpen;
    this.clock = clock;
  }

  @Override
  public String script() {
    return "hotline";
  }

  @Override
  public void handle(ChannelSession call) {
    Instant started = clock.instant();
    UUID sessionId = UUID.randomUUID();
    Flow flow = flows.apply(config.flow());
    // A dialplan line may choose the language per call (CC_IVR_LANGUAGE), else the configured one,
    // else the flow's.
    String language =
        CallLanguage.named(call, "CC_IVR_LANGUAGE")
            .orElse(config.language().isEmpty() ? null : config.language());
    FlowEngine engine =
        new FlowEngine(
            flow,
            language,
            clock,
            config.readBackMinYesShare(),
            Set.copyOf(config.readBackUnsureAlone()));
    Optional<PhoneNumber> caller = callerNumber(call);
    boolean repeat =
        caller.isPresent()
            && calledSince.test(caller.get().e164(), started.minus(config.repeatWindow()));
    try {
      call.answer();
      run(call, engine, sessionId, caller, repeat);
    } catch (CallerHungUpException e) {
      engine.callerHungUp();
      throw e;
    } finally {
      SessionTrace trace = engine.trace();
      sessions.accept(
          new JdbcIvrSessions.StoredSession(
              sessionId,
              call.callId(),
              flow.id(),
              flow.version(),
              caller.map(PhoneNumber::e164).orElse(null),
              engine.language(),
              started,
              clock.instant(),
              String.join(" > ", trace.path()),
              trace));
      log.info(
          "hotline session {} ended {} after {} node(s)",
          sessionId,
          trace.outcome(),
          trace.visits().size());
    }
  }

  private static Optional<PhoneNumber> callerNumber(ChannelSession call) {
    try {
      return Optional.of(PhoneNumber.parse(call.callerNumber()));
    } catch (IllegalArgumentException e) {
      // Withheld or not a phone number: the caller is served, just not identified.
      return Optional.empty();
    }
  }

  private void run(
      ChannelSession call,
      FlowEngine engine,
      UUID sessionId,
      Optional<PhoneNumber> caller,
      boolean repeat) {
    IvrStep step = engine.start(repeat);
    try (CallerChannel channel = channels.apply(call)) {
      while (true) {
        switch (step) {
          case IvrStep.Say say -> {
            channel.say(say.prompt(), say.values(), engine.language());
            step = engine.next();
          }
          case IvrStep.Ask ask -> {
            CallerInput input = channel.ask(ask, engine.language());
            if (input instanceof CallerInput.Keys keys) {
              events.publishEvent(
                  new HotlineDigitsEntered(call.callId(), keys.digits(), false, clock.instant()));
            }
            step = engine.onInput(input);
          }
          case IvrStep.LeaveMessage message -> {
            callbacks.accept(
                new HotlineMessageLeft(
                    sessionId.toString(),
                    call.callId(),
                    message.callbackNumber(),
                    caller.map(PhoneNumber::e164).orElse(null),
                    clock.instant()));
            step = engine.next();
          }
          case IvrStep.LookUpOrder lookUp ->
              step = engine.onOrder(orders.lookUp(lookUp.orderNumber()));
          case IvrStep.ToAgent toAgent -> {
            if (!queueOpen.test(toAgent.queue())) {
              Optional<IvrStep> closed = engine.queueClosed();
              if (closed.isPresent()) {
                step = closed.get();
                continue;
              }
            }
            if (toAgent.prompt() != null) {
              channel.say(toAgent.prompt(), Map.of(), engine.language());
            }
            channel.close();
            // The node's priority if it sets one, else the caller's tier (vip first), else normal.
            Optional<JdbcCustomers.Customer> customer =
                caller.flatMap(number -> customers.apply(number.e164()));
            String priority =
                toAgent.priority() != null
                    ? toAgent.priority()
                    : customer.map(JdbcCustomers.Customer::tier).orElse("normal");
            call.setVariable("CC_PRIORITY", priority);
            call.setVariable("CC_CUSTOMER", caller.map(PhoneNumber::e164).orElse(""));
            call.setVariable("CC_IVR_SESSION", sessionId.toString());
            // The queue's announcements speak the language the caller chose here.
            call.setVariable("CC_LANGUAGE", engine.language());
            call.transferToQueue(toAgent.queue());
            return;
          }
          case IvrStep.Hangup hangup -> {
            channel.say(hangup.prompt(), Map.of(), engine.language());
            channel.close();
            call.hangup();
            return;
          }
        }
      }
    }
  }
}
