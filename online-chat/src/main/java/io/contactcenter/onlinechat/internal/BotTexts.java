package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.ChatLanguage;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the bot says besides FAQ answers, in the conversation's language. */
final class BotTexts {

  private BotTexts() {}

  static String greeting(ChatLanguage lang) {
    return lang == ChatLanguage.ZH
        ? "您好！我是智能客服，请问有什么可以帮您？如需人工服务，请输入“人工”。"
        : "Hello! I'm the shop assistant. How can I help? Type \"agent\" for a person.";
  }

  static String rephrase(ChatLanguage lang) {
    return lang == ChatLanguage.ZH
        ? "抱歉，我没有理解您的问题。能换个说法再问一次吗？或输入“人工”联系客服。"
        : "Sorry, I didn't understand. Could you rephrase it? Or type \"agent\" for a person.";
  }

  static String clarify(ChatLanguage lang, List<String> questions) {
    String list =
        questions.stream()
            .map(q -> (questions.indexOf(q) + 1) + ". " + q)
            .collect(Collectors.joining("\n"));
    return (lang == ChatLanguage.ZH ? "您想问的是以下哪个问题？\n" : "Did you mean one of these?\n") + list;
  }

  static String handoff(ChatLanguage lang, int position, long waitMinutes) {
    return lang == ChatLanguage.ZH
        ? "正在为您转接人工客服，您当前排在第 " + position + " 位，预计等待约 " + waitMinutes + " 分钟。"
        : "Connecting you to an agent. You are number "
            + position
            + " in the queue, about "
            + waitMinutes
            + (waitMinutes == 1 ? " minute." : " minutes.");
  }

  /** The live line a waiting visitor sees while their place in the queue changes. */
  static String queuePlace(ChatLanguage lang, int position, long waitMinutes) {
    return lang == ChatLanguage.ZH
        ? "您当前排在第 " + position + " 位，预计等待约 " + waitMinutes + " 分钟。"
        : "You are number "
            + position
            + " in line, about "
            + waitMinutes
            + (waitMinutes == 1 ? " minute." : " minutes.");
  }

  /** Why a handed-over chat became a ticket. */
  enum TicketReason {
    NO_AGENTS,
    LEFT_QUEUE,
    WAITED_TOO_LONG
  }

  static String ticketOpened(ChatLanguage lang, TicketReason why, String ticketId) {
    if (lang == ChatLanguage.ZH) {
      String first =
          switch (why) {
            case NO_AGENTS -> "目前没有客服在线。";
            case LEFT_QUEUE -> "您已离开排队。";
            case WAITED_TOO_LONG -> "抱歉，客服仍在忙。";
          };
      return first + "我们已为您创建工单 " + ticketId + "，客服会尽快回复您。";
    }
    String first =
        switch (why) {
          case NO_AGENTS -> "No agent is available right now.";
          case LEFT_QUEUE -> "You left the queue.";
          case WAITED_TOO_LONG -> "Sorry, all agents are still busy.";
        };
    return first
        + " We opened ticket "
        + ticketId
        + " for you; an agent will get back to you soon.";
  }

  static String agentJoined(ChatLanguage lang, String agent) {
    return lang == ChatLanguage.ZH ? "客服 " + agent + " 为您服务。" : "Agent " + agent + " has joined.";
  }

  static String ended(ChatLanguage lang) {
    return lang == ChatLanguage.ZH
        ? "对话已结束。请为本次服务打分（1-5 分），也可以留下意见。"
        : "The chat has ended. Please rate it from 1 to 5 and leave a comment if you like.";
  }

  static String orderUnknown(ChatLanguage lang, String orderId) {
    return lang == ChatLanguage.ZH
        ? "没有查到订单 " + orderId + " 的信息，正在为您转接人工客服。"
        : "I can't find order " + orderId + ". Let me connect you to an agent.";
  }

  private static final Map<String, String[]> ORDER_STATES =
      Map.of(
          "order_paid", new String[] {"已付款，正在备货", "is paid and being prepared"},
          "order_delivered", new String[] {"已签收", "has been delivered"},
          "order_cancelled", new String[] {"已取消", "was cancelled"},
          "shipment_delayed", new String[] {"配送延迟", "is delayed"},
          "balance_due", new String[] {"待支付尾款", "is waiting for the balance payment"},
          "reactivation_offer", new String[] {"已完成", "is complete"});

  static String orderStatus(ChatLanguage lang, String orderId, String type, Map<String, String> v) {
    String[] state = ORDER_STATES.getOrDefault(type, new String[] {"处理中", "is being processed"});
    if (lang == ChatLanguage.ZH) {
      StringBuilder s = new StringBuilder("订单 " + orderId + " " + state[0] + "。");
      if (v.containsKey("new_delivery_date")) {
        s.append("预计送达日期：").append(v.get("new_delivery_date")).append("。");
      }
      if (v.containsKey("amount_due")) {
        s.append("待付金额：").append(v.get("amount_due"));
        if (v.containsKey("deadline")) {
          s.append("，截止 ").append(v.get("deadline"));
        }
        s.append("。");
      }
      return s.toString();
    }
    StringBuilder s = new StringBuilder("Order " + orderId + " " + state[1] + ".");
    if (v.containsKey("new_delivery_date")) {
      s.append(" Expected delivery: ").append(v.get("new_delivery_date")).append(".");
    }
    if (v.containsKey("amount_due")) {
      s.append(" Amount due: ").append(v.get("amount_due"));
      if (v.containsKey("deadline")) {
        s.append(" by ").append(v.get("deadline"));
      }
      s.append(".");
    }
    return s.toString();
  }
}
