package io.contactcenter.ivr.internal;

import io.contactcenter.ivr.internal.domain.Prompt;
import io.contactcenter.pbx.ChannelSession;
import io.contactcenter.pbx.spi.CallHandler;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.routing.QueuePlace;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialplan's {@code AGI(.../agent-lost)} in {@code [cc-acd-agent-left]} (ADR 0052): the agent's
 * leg of this caller's call ended without the agent hanging up (their page was closed and Asterisk
 * ended the silent leg). Routing takes the call back at its original place and sets the agent not
 * ready; then {@code CC_ROUTED=yes} sends the caller to music on hold and the caller hears, in
 * their language ({@code CC_LANGUAGE}), that the connection to the agent was lost and where they
 * stand. A call routing does not hold with an agent (it ended meanwhile) sets nothing: the dialplan
 * hangs up.
 *
 * <p>The call is handed back before the message, so the next agent's phone may ring while it plays;
 * if that agent answers first, Asterisk takes the caller into the bridge and the message stops
 * (this handler then sees the media end, which changes nothing in routing).
 */
final class AgentLostHandler implements CallHandler {

  private static final Logger log = LoggerFactory.getLogger(AgentLostHandler.class);

  static final Prompt LOST_IN_LINE =
      new Prompt(
          Map.of(
              "en",
              "We lost the connection to your agent. Please hold: you keep your place,"
                  + " you are number {position} in line.",
              "zh",
              "与坐席的连接中断了。请不要挂机，您的排队位置保留，现在排在第{position}位。"),
          List.of());

  static final Prompt LOST =
      new Prompt(
          Map.of(
              "en",
              "We lost the connection to your agent. Please hold: the next agent will be with you"
                  + " shortly.",
              "zh",
              "与坐席的连接中断了。请不要挂机，下一位坐席马上为您服务。"),
          List.of());

  private final ContactRouting routing;
  private final Function<ChannelSession, CallerChannel> channels;
  private final Supplier<String> defaultLanguage;

  /**
   * @param channels the caller's speech channel (the message is synthesized in either language)
   * @param defaultLanguage the language when the call does not name one (the hotline flow's)
   */
  AgentLostHandler(
      ContactRouting routing,
      Function<ChannelSession, CallerChannel> channels,
      Supplier<String> defaultLanguage) {
    this.routing = routing;
    this.channels = channels;
    this.defaultLanguage = defaultLanguage;
  }

  @Override
  public String script() {
    return "agent-lost";
  }

  @Override
  public void handle(ChannelSession call) {
    ContactId id = ContactId.of(ContactChannel.VOICE, call.callId());
    if (!routing.handBack(id)) {
      log.info("call {} lost its agent but is no agent's call in routing: it ends", id);
      return;
    }
    call.setVariable("CC_ROUTED", "yes");
    String language = CallLanguage.named(call, "CC_LANGUAGE").orElseGet(defaultLanguage);
    // Already ringing the next agent: no place to tell.
    Optional<QueuePlace> place = routing.place(id);
    try (CallerChannel channel = channels.apply(call)) {
      if (place.isPresent()) {
        channel.say(LOST_IN_LINE, Map.of("position", place.get().position()), language);
      } else {
        channel.say(LOST, Map.of(), language);
      }
    }
  }
}
