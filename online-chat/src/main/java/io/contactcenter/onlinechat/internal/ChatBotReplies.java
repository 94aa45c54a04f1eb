package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.ChatHandoffRequested;
import io.contactcenter.onlinechat.internal.domain.BotDecision;
import io.contactcenter.onlinechat.internal.domain.FaqMatch;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The bot's turn while a conversation is with it: it answers a visitor's question from the FAQs or
 * with an order's status, asks to clarify or rephrase (each counted as a miss), or hands the
 * conversation over to the agents.
 */
class ChatBotReplies {

  private static final Logger log = LoggerFactory.getLogger(ChatBotReplies.class);

  private final IndexedFaqBot bot;
  private final JdbcOrderStatus orders;
  private final JdbcConversations conversations;
  private final ChatTranscript transcript;
  private final ChatStateChanges states;

  ChatBotReplies(
      IndexedFaqBot bot,
      JdbcOrderStatus orders,
      JdbcConversations conversations,
      ChatTranscript transcript,
      ChatStateChanges states) {
    this.bot = bot;
    this.orders = orders;
    this.conversations = conversations;
    this.transcript = transcript;
    this.states = states;
  }

  /**
   * Replies to the visitor's new message {@code question}; the reply's client id derives from it.
   */
  void reply(Conversation c, ChatMessage question) {
    MDC.put("chatId", c.conversationId());
    try {
      BotDecision decision = bot.decide(question.body(), c.language(), c.failedAnswers());
      String replyId = "bot-" + question.seq();
      switch (decision) {
        case BotDecision.Answer a ->
            transcript.say(
                c.conversationId(),
                ChatMessage.Sender.BOT,
                null,
                replyId,
                a.best().faq().answer(),
                a.best().faq().faqId());
        case BotDecision.Clarify cl -> {
          conversations.countMiss(c.conversationId());
          transcript.say(
              c.conversationId(),
              ChatMessage.Sender.BOT,
              null,
              replyId,
              BotTexts.clarify(c.language(), questions(cl.options())),
              null);
        }
        case BotDecision.Rephrase r -> {
          conversations.countMiss(c.conversationId());
          transcript.say(
              c.conversationId(),
              ChatMessage.Sender.BOT,
              null,
              replyId,
              BotTexts.rephrase(c.language()),
              null);
        }
        case BotDecision.OrderQuestion o -> answerOrder(c, o.orderId(), replyId);
        case BotDecision.Handoff h ->
            states.handOver(c, ChatHandoffRequested.Reason.valueOf(h.reason().name()), replyId);
      }
      log.debug("bot decided {}", decision.getClass().getSimpleName());
    } finally {
      MDC.remove("chatId");
    }
  }

  private void answerOrder(Conversation c, String orderId, String replyId) {
    var status = orders.find(orderId);
    if (status.isEmpty()) {
      transcript.say(
          c.conversationId(),
          ChatMessage.Sender.BOT,
          null,
          replyId,
          BotTexts.orderUnknown(c.language(), orderId),
          null);
      states.handOver(c, ChatHandoffRequested.Reason.OUT_OF_SCOPE, replyId + "-handoff");
      return;
    }
    transcript.say(
        c.conversationId(),
        ChatMessage.Sender.BOT,
        null,
        replyId,
        BotTexts.orderStatus(c.language(), orderId, status.get().type(), status.get().variables()),
        "order-status");
  }

  private static List<String> questions(List<FaqMatch> options) {
    return options.stream()
        .map(m -> m.faq().questions().isEmpty() ? m.faq().faqId() : m.faq().questions().get(0))
        .toList();
  }
}
