package io.contactcenter.onlinechat;

import io.contactcenter.common.PhoneNumber;
import java.time.Instant;
import java.util.List;

/** A customer's earlier chats, for the agent's screen pop. Thread-safe; one database read. */
public interface ChatHistory {

  /**
   * The chats whose visitor the shop identified with this number (its signed token), newest first.
   *
   * @param limit 1 to 200
   */
  List<PastChat> ofCustomer(PhoneNumber phone, int limit);

  /**
   * One chat.
   *
   * @param agentId the agent who served it; {@code null} when only the bot did
   * @param endedAt {@code null} while it goes on
   * @param visitorMessages how many messages the visitor wrote
   * @param firstQuestion the visitor's first message (as typed; escape it wherever it is shown),
   *     {@code ""} when none
   */
  record PastChat(
      String conversationId,
      ChatLanguage language,
      String agentId,
      Instant startedAt,
      Instant endedAt,
      long visitorMessages,
      String firstQuestion) {}
}
