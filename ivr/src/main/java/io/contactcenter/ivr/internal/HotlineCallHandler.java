package io.contactcenter.ivr.internal;

import io.contactcenter.ivr.HotlineDigitsEntered;
import io.contactcenter.pbx.ChannelSession;
import io.contactcenter.pbx.DtmfInput;
import io.contactcenter.pbx.spi.CallHandler;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The hotline's main flow: greet, ask for the order number (DTMF, '#' ends it), read it back, and
 * say goodbye. A caller who keys nothing twice, or presses 0, is queued to a human.
 */
final class HotlineCallHandler implements CallHandler {

  private static final Logger log = LoggerFactory.getLogger(HotlineCallHandler.class);

  private final IvrProperties.Hotline config;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  HotlineCallHandler(IvrProperties.Hotline config, ApplicationEventPublisher events, Clock clock) {
    this.config = config;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public String script() {
    return "hotline";
  }

  @Override
  public void handle(ChannelSession call) {
    call.answer();
    call.play(config.greeting());
    DtmfInput input = ask(call);
    if (input.isEmpty()) {
      input = ask(call);
    }
    events.publishEvent(
        new HotlineDigitsEntered(call.callId(), input.digits(), input.timedOut(), clock.instant()));
    log.info(
        "hotline input: {} digit(s){}",
        input.digits().length(),
        input.timedOut() ? ", timed out" : "");
    if (input.isEmpty() || input.digits().equals("0")) {
      call.transferToQueue(config.humanQueue());
      return;
    }
    call.play(config.youEntered());
    call.sayDigits(input.digits());
    call.play(config.goodbye());
    call.hangup();
  }

  private DtmfInput ask(ChannelSession call) {
    return call.collectDigits(config.inputPrompt(), config.maxDigits(), config.inputTimeout());
  }
}
