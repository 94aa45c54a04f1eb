package io.contactcenter.onlinechat;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A chat ended (the visitor or the agent closed it, or it became a ticket), with its whole
 * transcript so listeners need not ask back. Published once, in the transaction that stores the
 * end; listeners key on {@code conversationId}.
 *
 * @param agentId the agent who served it, null when no agent had taken it (only the bot did)
 * @param waitingForAgent whether it was handed over and still waiting for an agent (the visitor
 *     gave up waiting, or it became a ticket)
 * @param ticketId the ticket the chat became, null otherwise
 * @param startedAt when the visitor opened it
 * @param at when it ended
 * @param messages every message stored until the end, by {@code seq}
 */
public record ChatEnded(
    String conversationId,
    String site,
    ChatLanguage language,
    String agentId,
    boolean waitingForAgent,
    String ticketId,
    EndedBy endedBy,
    Instant startedAt,
    Instant at,
    List<Message> messages) {

  public ChatEnded {
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(endedBy, "endedBy");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(at, "at");
    messages = List.copyOf(messages);
  }

  /** Who closed the chat. */
  public enum EndedBy {
    VISITOR,
    AGENT,
    SYSTEM
  }

  /**
   * One message of the conversation.
   *
   * @param author the agent's user name for {@link Sender#AGENT}, else null
   */
  public record Message(long seq, Sender sender, String author, String text, Instant at) {}

  /** Who wrote a message; {@code SYSTEM} are the chat's own notices (handoff, agent joined). */
  public enum Sender {
    VISITOR,
    BOT,
    AGENT,
    SYSTEM
  }
}
