package io.contactcenter.ivr.internal;

import io.contactcenter.common.PhoneNumber;
import io.contactcenter.ivr.internal.domain.CallerInput;
import io.contactcenter.ivr.internal.domain.IvrStep;
import io.contactcenter.ivr.internal.domain.Prompt;
import io.contactcenter.pbx.ChannelSession;
import io.contactcenter.pbx.spi.CallHandler;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.routing.QueuePlace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialplan's {@code AGI(.../queue-announce)} between stretches of music on hold in {@code
 * [cc-acd]}: tells a waiting caller the place in line and the expected wait (in the caller's
 * language, {@code CC_LANGUAGE}), and a caller whose number is known ({@code CC_CUSTOMER}) may
 * press 1 to be called back while keeping the place. Then it sets {@code CC_CALLBACK=yes} and the
 * dialplan hangs up; routing dials the customer back when an agent is offered the call.
 *
 * <p>A call that is no longer waiting (an agent's phone rings for it) hears nothing. If an agent
 * answers during the announcement, Asterisk takes the caller into the bridge and this handler sees
 * the media end as a hang-up, which changes nothing in routing.
 */
final class QueueAnnouncementHandler implements CallHandler {

  private static final Logger log = LoggerFactory.getLogger(QueueAnnouncementHandler.class);

  static final Prompt PLACE =
      new Prompt(
          Map.of(
              "en", "You are number {position} in line. The expected wait is about {wait}.",
              "zh", "您现在排在第{position}位，预计等待约{wait}。"),
          List.of());

  static final Prompt PLACE_AND_OFFER =
      new Prompt(
          Map.of(
              "en",
              "You are number {position} in line. The expected wait is about {wait}."
                  + " To be called back while keeping your place, press 1.",
              "zh",
              "您现在排在第{position}位，预计等待约{wait}。如需保留排队位置并由我们回电，请按1。"),
          List.of());

  static final Prompt CALLBACK_TAKEN =
      new Prompt(
          Map.of(
              "en",
              "Thank you. You keep your place, and we will call you back at"
                  + " {callback_number:digits} as soon as an agent is free. Goodbye.",
              "zh",
              "谢谢，您的排队位置已保留，坐席空闲时我们会回电至{callback_number:digits}。再见。"),
          List.of());

  private final ContactRouting routing;
  private final Function<ChannelSession, CallerChannel> channels;
  private final Supplier<String> defaultLanguage;

  /**
   * @param channels the caller's speech channel (announcements are synthesized in either language)
   * @param defaultLanguage the language when the call does not name one (the hotline flow's)
   */
  QueueAnnouncementHandler(
      ContactRouting routing,
      Function<ChannelSession, CallerChannel> channels,
      Supplier<String> defaultLanguage) {
    this.routing = routing;
    this.channels = channels;
    this.defaultLanguage = defaultLanguage;
  }

  @Override
  public String script() {
    return "queue-announce";
  }

  @Override
  public void handle(ChannelSession call) {
    ContactId id = ContactId.of(ContactChannel.VOICE, call.callId());
    Optional<QueuePlace> place = routing.place(id);
    if (place.isEmpty() || place.get().callback()) {
      return;
    }
    String language = CallLanguage.named(call, "CC_LANGUAGE").orElseGet(defaultLanguage);
    Optional<PhoneNumber> customer = call.getVariable("CC_CUSTOMER").flatMap(this::phoneNumber);
    Map<String, Object> values =
        Map.of(
            "position", place.get().position(),
            "wait", wait(place.get().estimatedWait(), language));
    try (CallerChannel channel = channels.apply(call)) {
      if (customer.isEmpty()) {
        // Withheld or unknown number: nothing to call back.
        channel.say(PLACE, values, language);
        return;
      }
      CallerInput answer =
          channel.ask(
              new IvrStep.Ask("queue", PLACE_AND_OFFER, values, 1, List.of(), false), language);
      if (answer instanceof CallerInput.Keys keys
          && keys.digits().equals("1")
          && routing.requestCallback(id, customer.get())) {
        channel.say(CALLBACK_TAKEN, Map.of("callback_number", customer.get().digits()), language);
        channel.close();
        call.setVariable("CC_CALLBACK", "yes");
        log.info("caller of {} takes a callback and keeps the place", id);
      }
    }
  }

  private Optional<PhoneNumber> phoneNumber(String value) {
    try {
      return Optional.of(PhoneNumber.parse(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The expected wait in whole minutes, rounded up, at least one. */
  static String wait(Duration wait, String language) {
    long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
    if ("zh".equals(language)) {
      return minutes + "分钟";
    }
    return minutes == 1 ? "1 minute" : minutes + " minutes";
  }
}
