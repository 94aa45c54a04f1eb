package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.routing.ContactQueued;
import io.contactcenter.testinfra.CapturedEvents;
import io.contactcenter.testinfra.Chromium;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A chat the bot hands over goes through the ACD, on the real stack (PostgreSQL, Redis, the routing
 * engine, a visitor's WebSocket, agents made through the routing REST API): it is queued by
 * language with the customer's tier, offered to a ready agent with the zh skill and chat capacity,
 * accepted (the visitor is told a person joined), answered, and ended (the contact completes and
 * frees the agent). A visitor who gives up waiting, or a chat nobody takes in time, becomes a
 * ticket whose number the visitor is told. A waiting visitor sees their place in line and the
 * expected wait, pushed over their WebSocket as it changes. Its own context: the routing engine's
 * agents are global state.
 */
@ContactCenterIT
@TestPropertySource(
    properties = {
      "cc.test.context=chat-handoff",
      "cc.routing.ring-timeout=20s",
      "cc.routing.pass-interval=200ms",
      "cc.chat.handoff-timeout=25s",
      "cc.chat.queue-update-interval=500ms"
    })
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class ChatHandoffIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = basic("admin", ContactCenterIT.ADMIN_PASSWORD);
  private static final String SHOP = "http://shop.test";
  private static final String SHOP_KEY = "test-shop-identity-key-only";
  private static final Pattern TICKET = Pattern.compile("T-[A-Za-z0-9-]+");
  private static final String PASSWORD = "chat-handoff-passphrase-1";

  /** The agent's workspace page. */
  @RegisterExtension Chromium chromium = new Chromium();

  @LocalServerPort int port;
  @Autowired CapturedEvents events;
  @Autowired JdbcClient jdbc;
  @Autowired org.springframework.data.redis.core.StringRedisTemplate redis;

  private final HttpClient http = HttpClient.newHttpClient();
  private String agentAuth;

  @AfterEach
  void logOut() throws Exception {
    if (agentAuth != null) {
      send("POST", "/api/v1/agent/logout", agentAuth, "");
    }
  }

  @Test
  void aHandedOverChatIsOfferedToAReadyChineseAgentWhoTakesItAnswersAndEndsIt() throws Exception {
    String agent = "chat-zh-" + UUID.randomUUID().toString().substring(0, 8);
    agentAuth = agentWithProfile(agent, "{\"skills\":{\"zh\":3},\"chats\":2,\"tickets\":0}");
    assertThat(send("POST", "/api/v1/agent/login", agentAuth, "").statusCode()).isEqualTo(200);
    send("PUT", "/api/v1/agent/state", agentAuth, "{\"state\":\"READY\"}");

    String identity =
        identity(
            "{\"sub\":\"cust-vip-7\",\"name\":\"韩梅梅\",\"tier\":\"VIP\",\"exp\":"
                + (System.currentTimeMillis() / 1000 + 600)
                + "}");
    Visitor visitor = open("zh", identity);
    String contact = "chat:" + visitor.conversationId;
    try (Socket socket = connect(visitor)) {
      socket.send("v1", "我要转人工");
      socket.awaitText("转接人工客服");

      // Queued in the Chinese chat queue, ahead as a VIP, and offered to the ready zh agent.
      ContactQueued queued =
          await()
              .atMost(Duration.ofSeconds(10))
              .until(
                  () ->
                      events.ofType(ContactQueued.class).stream()
                          .filter(q -> q.id().value().equals(contact))
                          .findFirst()
                          .orElse(null),
                  q -> q != null);
      assertThat(queued.queue()).isEqualTo("chat-zh");
      assertThat(queued.vip()).isTrue();
      JsonNode offered = awaitOffer(contact);
      JsonNode offer = offered.get("offers").get(0);
      assertThat(offer.get("channel").asText()).isEqualTo("CHAT");
      assertThat(offer.get("customer").asText()).isEqualTo("韩梅梅");

      // A reply before taking the chat is refused: it is not the agent's yet.
      assertThat(reply(visitor, "a0", "你好").statusCode()).isEqualTo(409);
      HttpResponse<String> accepted =
          send("POST", "/api/v1/agent/offers/" + contact + "/accept", agentAuth, "");
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
      socket.awaitText("客服 " + agent + " 为您服务");
      assertThat(state(visitor)).isEqualTo("AGENT");

      HttpResponse<String> reply = reply(visitor, "a1", "您好，我是客服小王");
      assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
      socket.awaitText("我是客服小王");
      // The agent sends a picture, checked like a visitor's (by content, re-encoded); the visitor
      // sees it as an image message, served as an inert download.
      java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
      javax.imageio.ImageIO.write(
          new java.awt.image.BufferedImage(20, 10, java.awt.image.BufferedImage.TYPE_INT_RGB),
          "png",
          png);
      HttpResponse<String> picture = agentImage(visitor, "i1", png.toByteArray());
      assertThat(picture.statusCode()).as(picture.body()).isEqualTo(201);
      String attachment = json(picture).get("attachment").asText();
      socket.awaitText("[图片]");
      HttpResponse<byte[]> served =
          http.send(
              HttpRequest.newBuilder(uri("/chat/api/images/" + attachment)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(served.statusCode()).isEqualTo(200);
      assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
      assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(
              javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(served.body()))
                  .getWidth())
          .isEqualTo(20);
      HttpResponse<String> executable =
          agentImage(
              visitor, "i2", "MZ\u0090\0 this program".getBytes(StandardCharsets.ISO_8859_1));
      assertThat(executable.statusCode()).isEqualTo(415);
      socket.send("v2", "我的订单还没到");
      await().atMost(Duration.ofSeconds(10)).until(() -> history(visitor).contains("我的订单还没到"));
      // The whole conversation, the bot's part included, is on the agent's side.
      assertThat(history(visitor)).contains("我要转人工").contains("智能客服");

      HttpResponse<String> ended =
          send(
              "POST",
              "/api/v1/chat/conversations/" + visitor.conversationId + "/end",
              agentAuth,
              "");
      assertThat(ended.statusCode()).isEqualTo(204);
      socket.awaitText("对话已结束");
    }
    // The routing contact completed: the agent holds no open chat any more.
    await().atMost(Duration.ofSeconds(10)).until(() -> routingState(contact).equals("COMPLETED"));
    JsonNode status = json(send("GET", "/api/v1/agent/status", agentAuth, null));
    assertThat(status.get("open")).isEmpty();
  }

  @Test
  void aVisitorWhoGivesUpWaitingLeavesTheQueueAndGetsATicket() throws Exception {
    String agent = "chat-en-" + UUID.randomUUID().toString().substring(0, 8);
    agentAuth = agentWithProfile(agent, "{\"skills\":{\"en\":2},\"chats\":1,\"tickets\":0}");
    // Logged in but on a break: the chat waits.
    send("POST", "/api/v1/agent/login", agentAuth, "");
    Visitor visitor = open("en", null);
    String contact = "chat:" + visitor.conversationId;
    try (Socket socket = connect(visitor)) {
      socket.send("v1", "my parcel arrived broken");
      socket.send("v2", "I want to talk to a human");
      socket.awaitText("You are number 1 in the queue");
      assertThat(routingState(contact)).isEqualTo("WAITING");

      HttpResponse<String> left =
          send(
              HttpRequest.newBuilder(
                      uri("/chat/api/conversations/" + visitor.conversationId + "/end"))
                  .header("Origin", SHOP)
                  .header("X-Chat-Token", visitor.token)
                  .POST(HttpRequest.BodyPublishers.noBody()));
      assertThat(left.statusCode()).isEqualTo(204);
      socket.awaitText("You left the queue");
      String ticketId = ticketIn(socket.texts());
      assertThat(routingState(contact)).isEqualTo("ABANDONED");
      JsonNode ticket = json(send("GET", "/api/v1/tickets/" + ticketId, ADMIN, null));
      assertThat(ticket.toString())
          .contains("my parcel arrived broken")
          .contains("I want to talk to a human")
          .contains("chat-visitor:");
    }
  }

  @Test
  void waitingVisitorsAreToldTheirPlaceInLineAndItMovesUpAsTheQueueMoves() throws Exception {
    String agent = "chat-line-" + UUID.randomUUID().toString().substring(0, 8);
    agentAuth = agentWithProfile(agent, "{\"skills\":{\"en\":2,\"zh\":2},\"chats\":1}");
    // Logged in but on a break: the chats wait in line.
    send("POST", "/api/v1/agent/login", agentAuth, "");
    Visitor first = open("en", null);
    Visitor second = open("en", null);
    Visitor chinese = open("zh", null);
    try (Socket one = connect(first);
        Socket two = connect(second);
        Socket zh = connect(chinese)) {
      one.send("v1", "I want to talk to a human");
      one.awaitText("You are number 1 in the queue, about");
      two.send("v1", "agent please");
      two.awaitText("You are number 2 in the queue, about");
      // The live line, pushed over the socket (not a stored message): place and minutes.
      JsonNode second2 = two.awaitQueue(2);
      assertThat(second2.get("text").asText())
          .matches("You are number 2 in line, about \\d+ minutes?\\.");
      assertThat(second2.get("waitMinutes").asInt()).isPositive();
      one.awaitQueue(1);
      zh.send("v1", "转人工");
      JsonNode zh1 = zh.awaitQueue(1);
      assertThat(zh1.get("text").asText()).matches("您当前排在第 1 位，预计等待约 \\d+ 分钟。");

      // The first visitor gives up: the second moves up without asking.
      HttpResponse<String> left =
          send(
              HttpRequest.newBuilder(
                      uri("/chat/api/conversations/" + first.conversationId + "/end"))
                  .header("Origin", SHOP)
                  .header("X-Chat-Token", first.token)
                  .POST(HttpRequest.BodyPublishers.noBody()));
      assertThat(left.statusCode()).isEqualTo(204);
      assertThat(two.awaitQueue(1).get("text").asText()).startsWith("You are number 1 in line");

      // A reconnecting visitor is told their place at once, without waiting for a change.
      try (Socket again = connect(second)) {
        assertThat(again.awaitQueue(1).get("text").asText()).startsWith("You are number 1 in line");
        // The agent gets ready and takes the chat: it leaves the line and the line goes away.
        send("PUT", "/api/v1/agent/state", agentAuth, "{\"state\":\"READY\"}");
        String contact = "chat:" + second.conversationId;
        awaitOffer(contact);
        HttpResponse<String> accepted =
            send("POST", "/api/v1/agent/offers/" + contact + "/accept", agentAuth, "");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        again.awaitText("Agent " + agent + " has joined");
        again.awaitQueue(0);
      }
      // Not stored: the transcript holds the first notice only, not every change of place.
      assertThat(history(second)).doesNotContain("in line");
      send(
          HttpRequest.newBuilder(uri("/chat/api/conversations/" + chinese.conversationId + "/end"))
              .header("Origin", SHOP)
              .header("X-Chat-Token", chinese.token)
              .POST(HttpRequest.BodyPublishers.noBody()));
    }
  }

  @Test
  void questionsAgentsAnsweredBecomeASuggestedFaqThatTheBotAnswersOnceAnAdminAcceptsIt()
      throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String agent = "chat-kb-" + suffix;
    agentAuth = agentWithProfile(agent, "{\"skills\":{\"en\":2},\"chats\":3,\"wrapUpSeconds\":0}");
    send("POST", "/api/v1/agent/login", agentAuth, "");
    send("PUT", "/api/v1/agent/state", agentAuth, "{\"state\":\"READY\"}");
    String answer = "Yes, gift wrapping is free " + suffix + ": tick the box at checkout.";
    List<String> asked =
        List.of(
            "Can I get my gift wrapped?",
            "do you offer gift wrapping",
            "Is gift wrapping available for presents?");
    // History through the real chat: the bot cannot answer, the visitor asks for a person, the
    // agent greets and answers, the chat ends.
    for (String question : asked) {
      Visitor visitor = open("en", null);
      String contact = "chat:" + visitor.conversationId;
      try (Socket socket = connect(visitor)) {
        socket.send("q", question);
        socket.send("h", "agent please");
        socket.awaitText("Connecting you to an agent");
        awaitOffer(contact);
        HttpResponse<String> accepted =
            send("POST", "/api/v1/agent/offers/" + contact + "/accept", agentAuth, "");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        socket.awaitText("has joined");
        assertThat(reply(visitor, "a1", "Hi, this is " + agent + ".").statusCode()).isEqualTo(201);
        assertThat(reply(visitor, "a2", answer).statusCode()).isEqualTo(201);
        socket.awaitText(answer);
        send(
            "POST", "/api/v1/chat/conversations/" + visitor.conversationId + "/end", agentAuth, "");
        socket.awaitText("The chat has ended");
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> routingState(contact).equals("COMPLETED"));
    }
    String paraphrase = "Do you do gift wrapping for presents?";
    assertThat(botAnswer(paraphrase).get("action").asText()).isNotEqualTo("answer");

    // Only admins ask for suggestions.
    assertThat(send("POST", "/api/v1/kb/suggestions/refresh?lang=en", agentAuth, "").statusCode())
        .isEqualTo(403);
    HttpResponse<String> refreshed =
        send("POST", "/api/v1/kb/suggestions/refresh?lang=en", ADMIN, "");
    assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    JsonNode suggestion = suggestionAsking(json(refreshed), asked.get(0));
    assertThat(suggestion).as(refreshed.body()).isNotNull();
    assertThat(suggestion.get("questions").toString())
        .contains(asked.get(1))
        .contains(asked.get(2));
    assertThat(suggestion.get("questions").toString()).doesNotContain("agent please");
    assertThat(suggestion.get("size").asInt()).isEqualTo(3);
    // The agent's answer, not the greeting said in every chat.
    assertThat(suggestion.get("answer").asText()).isEqualTo(answer);

    String id = suggestion.get("suggestionId").asText();
    String faqId = "s-" + id.substring(0, 8);

    // The admin sees it on the knowledge-base page and accepts it there.
    String admin = users().create("kb-admin-" + suffix, "ADMIN");
    WebDriver page = chromium.driver();
    users().signIn(page, admin);
    page.get(url("/admin/knowledge-base"));
    String row = "#kb-suggestions tr[data-suggestion='" + id + "']";
    browser().until(() -> !page.findElements(By.cssSelector(row + " .kb-suggest-title")).isEmpty());
    assertThat(page.findElement(By.cssSelector(row + " .kb-suggest-title")).getText())
        .isEqualTo(suggestion.get("title").asText());
    assertThat(page.findElement(By.cssSelector(row + " .kb-suggest-answer")).getText())
        .isEqualTo(answer);
    page.findElement(By.cssSelector(row + " .kb-suggest-accept")).click();
    // Accepted: it leaves the suggestions and is an FAQ in the list.
    browser().until(() -> page.findElements(By.cssSelector(row)).isEmpty());
    browser()
        .until(
            () ->
                !page.findElements(By.cssSelector("#kb-faqs tr[data-faq='" + faqId + "']"))
                    .isEmpty());
    assertThat(chromium.securityPolicyViolations()).isEmpty();
    HttpResponse<String> again =
        send("POST", "/api/v1/kb/suggestions/" + id + "/accept", ADMIN, "{}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json(again).get("type").asText()).isEqualTo("urn:cc:problem:kb-suggestion-decided");

    try {
      // A visitor asking it in other words gets the bot's answer now, in the chat.
      Visitor visitor = open("en", null);
      try (Socket socket = connect(visitor)) {
        socket.send("q", paraphrase);
        socket.awaitText(answer);
      }
      assertThat(state(visitor)).isEqualTo("BOT");
      JsonNode bot = botAnswer(paraphrase);
      assertThat(bot.get("action").asText()).isEqualTo("answer");
      assertThat(bot.get("faqId").asText()).isEqualTo(faqId);
      // Answered now, so no longer suggested.
      JsonNode next = json(send("POST", "/api/v1/kb/suggestions/refresh?lang=en", ADMIN, ""));
      assertThat(suggestionAsking(next, asked.get(0))).isNull();
    } finally {
      send("DELETE", "/api/v1/kb/faqs/" + faqId + "/en", ADMIN, null);
    }
  }

  private JsonNode botAnswer(String text) throws Exception {
    return json(
        send(
            "POST",
            "/api/v1/bot/answer",
            ADMIN,
            JSON.writeValueAsString(Map.of("text", text, "lang", "en"))));
  }

  private static JsonNode suggestionAsking(JsonNode suggestions, String question) {
    for (JsonNode s : suggestions) {
      for (JsonNode q : s.get("questions")) {
        if (q.asText().equals(question)) {
          return s;
        }
      }
    }
    return null;
  }

  @Test
  void aChatNobodyTakesInTimeBecomesATicket() throws Exception {
    String agent = "chat-slow-" + UUID.randomUUID().toString().substring(0, 8);
    agentAuth = agentWithProfile(agent, "{\"skills\":{\"en\":1},\"chats\":1,\"tickets\":0}");
    send("POST", "/api/v1/agent/login", agentAuth, "");
    Visitor visitor = open("en", null);
    String contact = "chat:" + visitor.conversationId;
    try (Socket socket = connect(visitor)) {
      socket.send("v1", "agent please");
      socket.awaitText("Connecting you to an agent");
      // cc.chat.handoff-timeout=25s here; the agent stays on a break.
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> socket.texts().stream().anyMatch(t -> t.contains("still busy")));
      String ticketId = ticketIn(socket.texts());
      socket.awaitText("The chat has ended");
      assertThat(routingState(contact)).isEqualTo("CANCELLED");
      assertThat(send("GET", "/api/v1/tickets/" + ticketId, ADMIN, null).body())
          .contains("agent please");
    }
  }

  @Test
  void anAgentTakesAChatInTheWorkspacePageAnswersItAndEndsIt(CapturedOutput output)
      throws Exception {
    String agent = "chat-page-" + UUID.randomUUID().toString().substring(0, 8);
    agentAuth = agentWithProfile(agent, "{\"skills\":{\"en\":3,\"zh\":3},\"chats\":2}");
    WebDriver page = chromium.driver();
    users().signIn(page, agent);
    page.get(url("/agent"));
    // The page logs the agent in to routing; the agent gets ready.
    browser().until(() -> "NOT_READY".equals(attribute(page, "presence-state", "data-state")));
    page.findElement(By.id("presence-ready")).click();
    browser().until(() -> "READY".equals(attribute(page, "presence-state", "data-state")));

    // Markup from the shop's customer name and the visitor's message: shown as text, never run.
    String name = "<img src=x onerror=window.ccPwned=1>Li";
    String markup =
        "<b>agent</b> please <img src=x onerror=window.ccPwned=1><script>window.ccPwned=1</script>";
    Visitor visitor =
        open(
            "en",
            identity(
                JSON.writeValueAsString(
                    Map.of(
                        "sub",
                        "cust-markup-" + UUID.randomUUID(),
                        "name",
                        name,
                        "exp",
                        System.currentTimeMillis() / 1000 + 600))));
    try (Socket socket = connect(visitor)) {
      socket.send("v1", markup);
      socket.awaitText("Connecting you to an agent");
      // The offer rings in the chat panel; the agent accepts it (the offer list is re-rendered
      // while it rings, so the button is found afresh until a click lands).
      browser()
          .until(
              () -> {
                if (!"true".equals(attribute(page, "chat-panel", "data-ringing"))) {
                  return false;
                }
                List<WebElement> accept =
                    page.findElements(By.cssSelector("#chat-offers .chat-accept"));
                if (accept.isEmpty()) {
                  return false;
                }
                accept.get(0).click();
                return true;
              });
      socket.awaitText("Agent " + agent + " has joined");
      // The whole conversation so far, the visitor's markup shown as text.
      browser()
          .until(
              () ->
                  page.findElements(By.cssSelector("#chat-messages .chat-message.visitor")).stream()
                      .anyMatch(m -> m.getText().contains(markup)));
      assertThat(page.findElements(By.cssSelector("#chat-messages b, #chat-messages script")))
          .isEmpty();
      assertThat(page.findElements(By.cssSelector("#chat-messages img"))).isEmpty();
      assertThat(page.findElement(By.id("chat-with")).getText()).isEqualTo(name);
      assertThat(page.findElements(By.cssSelector("#chat-panel img, #chat-panel script")))
          .isEmpty();
      assertThat(((JavascriptExecutor) page).executeScript("return typeof window.ccPwned"))
          .isEqualTo("undefined");
      browser().until(() -> "false".equals(attribute(page, "chat-panel", "data-ringing")));

      page.findElement(By.id("chat-reply")).sendKeys("Hello, I am here to help");
      page.findElement(By.id("chat-send")).click();
      socket.awaitText("Hello, I am here to help");
      socket.send("v2", "my order 55 is late");
      browser()
          .until(
              () ->
                  page.findElements(By.cssSelector("#chat-messages .chat-message.visitor")).stream()
                      .anyMatch(m -> m.getText().contains("my order 55 is late")));
      // Pushed over the agent's chat stream, not read by a poll: the page marks how each message
      // came, and its only poll left is a slow resync.
      assertThat(
              page.findElements(By.cssSelector("#chat-messages .chat-message.visitor")).stream()
                  .filter(m -> m.getText().contains("my order 55 is late"))
                  .map(m -> m.getDomAttribute("data-via"))
                  .toList())
          .containsExactly("push");

      page.findElement(By.id("chat-end")).click();
      socket.awaitText("The chat has ended");
      browser().until(() -> "ended".equals(attribute(page, "chat-conversation", "data-state")));
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> routingState("chat:" + visitor.conversationId).equals("COMPLETED"));
    assertThat(chromium.securityPolicyViolations()).isEmpty();

    // The agent is disabled with the page open: its chat and status streams are checked against
    // the account, end, and the page says the session ended, with a way to sign in again.
    send("POST", "/api/v1/agent/logout", agentAuth, "");
    agentAuth = null;
    users().disable(agent);
    browser()
        .until(
            () ->
                page.findElements(By.id("signed-out")).stream()
                    .map(WebElement::getText)
                    .anyMatch(t -> t.startsWith("You were signed out") || t.startsWith("您已被退出登录")));
    assertThat(page.findElement(By.cssSelector("#signed-out a")).getAttribute("href"))
        .endsWith("/login");
    // The streams' end is an async dispatch of requests authorized when they began: not refused
    // for the account disabled meanwhile (Tomcat logged that as an ERROR on a sent response).
    await("no AuthorizationDeniedException logged as the streams end")
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(4))
        .until(() -> !output.getAll().contains("AuthorizationDeniedException"));
  }

  @Test
  void anAgentsStreamPushesOnlyTheirChatsIncludingWhatAnotherInstanceStoredOrAssigned()
      throws Exception {
    String agent = "chat-push-" + UUID.randomUUID().toString().substring(0, 8);
    agentAuth = agentWithProfile(agent, "{\"skills\":{\"en\":3},\"chats\":2,\"tickets\":0}");
    String other = "chat-other-" + UUID.randomUUID().toString().substring(0, 8);
    String otherAuth = agentWithProfile(other, "{\"skills\":{\"fr\":1},\"chats\":1,\"tickets\":0}");
    send("POST", "/api/v1/agent/login", agentAuth, "");
    send("PUT", "/api/v1/agent/state", agentAuth, "{\"state\":\"READY\"}");
    try (AgentStream mine = AgentStream.open(http, uri("/api/v1/chat/agent/events"), agentAuth);
        AgentStream theirs = AgentStream.open(http, uri("/api/v1/chat/agent/events"), otherAuth)) {
      mine.awaitEvent("ready", "");
      theirs.awaitEvent("ready", "");

      Visitor visitor = open("en", null);
      String contact = "chat:" + visitor.conversationId;
      try (Socket socket = connect(visitor)) {
        socket.send("v1", "agent please");
        // The offer rings on the agent's stream as routing makes it.
        mine.awaitEvent("offered", visitor.conversationId);
        assertThat(
                send("POST", "/api/v1/agent/offers/" + contact + "/accept", agentAuth, "")
                    .statusCode())
            .isEqualTo(200);
        mine.awaitEvent("assigned", visitor.conversationId);
        socket.send("v2", "<script>alert(1)</script> my parcel 88");
        JsonNode pushed = mine.awaitEvent("message", "my parcel 88");
        assertThat(pushed.get("conversationId").asText()).isEqualTo(visitor.conversationId);
        assertThat(pushed.get("sender").asText()).isEqualTo("visitor");
        assertThat(pushed.get("text").asText()).startsWith("<script>"); // data; the page escapes

        // Another instance stores a message (same database) and announces it on Redis.
        long seq = storeAsAnotherInstance(visitor.conversationId, "from the other instance");
        redis.convertAndSend(
            "cc:chat:messages", "other-instance|" + visitor.conversationId + "|" + seq);
        assertThat(mine.awaitEvent("message", "from the other instance").get("seq").asLong())
            .isEqualTo(seq);

        // A notice naming the wrong agent is checked against the database and not followed.
        redis.convertAndSend(
            "cc:chat:agents", "other-instance|" + other + "|ASSIGNED|" + visitor.conversationId);
        // A chat another instance assigned to this agent is followed from its notice on.
        Visitor second = open("en", null);
        jdbc.sql(
                "UPDATE chat_conversation SET state = 'AGENT', agent = ? WHERE conversation_id = ?")
            .params(agent, second.conversationId)
            .update();
        redis.convertAndSend(
            "cc:chat:agents", "other-instance|" + agent + "|ASSIGNED|" + second.conversationId);
        mine.awaitEvent("assigned", second.conversationId);
        try (Socket secondSocket = connect(second)) {
          secondSocket.send("s1", "second chat here");
          mine.awaitEvent("message", "second chat here");
        }
        socket.send("v3", "only for the assigned agent");
        mine.awaitEvent("message", "only for the assigned agent");

        assertThat(
                send(
                        "POST",
                        "/api/v1/chat/conversations/" + visitor.conversationId + "/end",
                        agentAuth,
                        "")
                    .statusCode())
            .isEqualTo(204);
        mine.awaitEvent("ended", visitor.conversationId);
      }
      // The other agent's stream carried none of it.
      assertThat(theirs.lines()).noneMatch(l -> l.contains("my parcel"));
      assertThat(theirs.lines()).noneMatch(l -> l.contains("only for the assigned agent"));
      assertThat(theirs.lines()).noneMatch(l -> l.contains("assigned"));
    }
  }

  private long storeAsAnotherInstance(String conversationId, String text) {
    long seq =
        jdbc.sql(
                "UPDATE chat_conversation SET last_seq = last_seq + 1 WHERE conversation_id = ?"
                    + " RETURNING last_seq")
            .param(conversationId)
            .query(Long.class)
            .single();
    jdbc.sql(
            "INSERT INTO chat_message (conversation_id, seq, sender, author, client_message_id,"
                + " body, sent_at) VALUES (?, ?, 'VISITOR', null, ?, ?, now())")
        .params(conversationId, seq, "elsewhere-" + seq, text)
        .update();
    return seq;
  }

  /** An agent's chat stream read as the page's EventSource reads it (server-sent events). */
  static final class AgentStream implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<JsonNode[]> events = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.CompletableFuture<
            HttpResponse<java.util.stream.Stream<String>>>
        response;

    private AgentStream(HttpClient http, URI uri, String auth) {
      response =
          http.sendAsync(
              HttpRequest.newBuilder(uri)
                  .header("Authorization", auth)
                  .header("Accept", "text/event-stream")
                  .build(),
              HttpResponse.BodyHandlers.ofLines());
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  String name = "message";
                  for (String line :
                      (Iterable<String>) response.get(10, TimeUnit.SECONDS).body()::iterator) {
                    lines.add(line);
                    if (line.startsWith("event:")) {
                      name = line.substring("event:".length()).trim();
                    } else if (line.startsWith("data:")) {
                      events.add(
                          new JsonNode[] {
                            JSON.getNodeFactory().textNode(name),
                            JSON.readTree(line.substring("data:".length()))
                          });
                      name = "message";
                    }
                  }
                } catch (Exception e) {
                  lines.add("closed: " + e);
                }
              });
    }

    static AgentStream open(HttpClient http, URI uri, String auth) {
      return new AgentStream(http, uri, auth);
    }

    /** The first event of that name whose data contains {@code fragment}. */
    JsonNode awaitEvent(String name, String fragment) {
      return await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () ->
                  events.stream()
                      .filter(e -> e[0].asText().equals(name))
                      .map(e -> e[1])
                      .filter(d -> d.toString().contains(fragment))
                      .findFirst()
                      .orElse(null),
              d -> d != null);
    }

    List<String> lines() {
      return lines;
    }

    @Override
    public void close() {
      response.thenAccept(r -> r.body().close());
      response.cancel(true);
    }
  }

  /**
   * A conversation's messages are for the agent it is offered to or who handles or handled it, and
   * for supervisors and admins: another agent is refused (403, in their language) when reading,
   * replying or ending it, and does not see it waiting in their inbox.
   */
  @Test
  void anotherAgentCannotReadOrEndAChatThatIsNotTheirsWhileSupervisorsCan() throws Exception {
    String agent = "chat-own-" + UUID.randomUUID().toString().substring(0, 8);
    agentAuth = agentWithProfile(agent, "{\"skills\":{\"en\":3},\"chats\":2,\"tickets\":0}");
    String other = "chat-nosy-" + UUID.randomUUID().toString().substring(0, 8);
    String otherAuth = agentWithProfile(other, "{\"skills\":{\"fr\":1},\"chats\":1,\"tickets\":0}");
    String supervisor = "chat-lead-" + UUID.randomUUID().toString().substring(0, 8);
    users().create(supervisor, "SUPERVISOR");
    String supervisorAuth = basic(supervisor, PASSWORD);
    send("POST", "/api/v1/agent/login", agentAuth, "");
    send("PUT", "/api/v1/agent/state", agentAuth, "{\"state\":\"READY\"}");

    Visitor visitor = open("en", null);
    String contact = "chat:" + visitor.conversationId;
    String messages = "/api/v1/chat/conversations/" + visitor.conversationId + "/messages?after=0";
    try (Socket socket = connect(visitor)) {
      socket.send("v1", "agent please, my card is 4111");
      awaitOffer(contact);

      // Offered to the agent: they may read it before accepting; the other agent may not.
      HttpResponse<String> offered = send("GET", messages, agentAuth, null);
      assertThat(offered.statusCode()).as(offered.body()).isEqualTo(200);
      assertThat(offered.body()).contains("my card is 4111");
      HttpResponse<String> refused = send("GET", messages, otherAuth, null);
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.body()).doesNotContain("4111");
      JsonNode problem = json(refused);
      assertThat(problem.get("type").asText()).isEqualTo("urn:cc:problem:chat-forbidden");
      assertThat(problem.get("detail").asText()).contains("not offered to you");
      HttpResponse<String> refusedZh =
          send(
              HttpRequest.newBuilder(uri(messages))
                  .header("Authorization", otherAuth)
                  .header("Accept-Language", "zh-CN")
                  .GET());
      assertThat(refusedZh.statusCode()).isEqualTo(403);
      assertThat(json(refusedZh).get("detail").asText()).contains("该会话未分配给您");
      // Nor may they end it, reply in it or send a picture into it, nor see it waiting.
      assertThat(
              send(
                      "POST",
                      "/api/v1/chat/conversations/" + visitor.conversationId + "/end",
                      otherAuth,
                      "")
                  .statusCode())
          .isEqualTo(403);
      assertThat(state(visitor)).isEqualTo("WAITING");
      assertThat(
              send(
                      "POST",
                      "/api/v1/chat/conversations/" + visitor.conversationId + "/messages",
                      otherAuth,
                      "{\"clientMessageId\":\"x1\",\"text\":\"hello\"}")
                  .statusCode())
          .isEqualTo(403);
      assertThat(send("GET", "/api/v1/chat/inbox", otherAuth, null).body())
          .doesNotContain(visitor.conversationId);
      assertThat(send("GET", "/api/v1/chat/inbox", agentAuth, null).body())
          .contains(visitor.conversationId);
      // Supervisors and admins read every conversation.
      assertThat(send("GET", messages, supervisorAuth, null).body()).contains("my card is 4111");
      assertThat(send("GET", messages, ADMIN, null).statusCode()).isEqualTo(200);
      assertThat(send("GET", "/api/v1/chat/inbox", supervisorAuth, null).body())
          .contains(visitor.conversationId);

      assertThat(
              send("POST", "/api/v1/agent/offers/" + contact + "/accept", agentAuth, "")
                  .statusCode())
          .isEqualTo(200);
      socket.awaitText("has joined");
      assertThat(reply(visitor, "a1", "Hello, I can help.").statusCode()).isEqualTo(201);
      assertThat(send("GET", messages, otherAuth, null).statusCode()).isEqualTo(403);
      assertThat(
              send(
                      "POST",
                      "/api/v1/chat/conversations/" + visitor.conversationId + "/end",
                      agentAuth,
                      "")
                  .statusCode())
          .isEqualTo(204);
      socket.awaitText("The chat has ended");
    }
    // The agent who handled it still reads it after it ended; the other agent still does not.
    assertThat(send("GET", messages, agentAuth, null).body()).contains("Hello, I can help.");
    assertThat(send("GET", messages, otherAuth, null).statusCode()).isEqualTo(403);
    assertThat(
            send("GET", "/api/v1/chat/conversations/no-such-chat/messages", agentAuth, null)
                .statusCode())
        .isEqualTo(404);
  }

  // ---- helpers ----

  private static ConditionFactory browser() {
    return Chromium.onPage(Duration.ofSeconds(30));
  }

  private static String attribute(WebDriver page, String id, String name) {
    return page.findElement(By.id(id)).getDomAttribute(name);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private static String ticketIn(List<String> texts) {
    String told = texts.stream().filter(t -> t.contains("ticket T-")).findFirst().orElseThrow();
    Matcher m = TICKET.matcher(told);
    assertThat(m.find()).as(told).isTrue();
    return m.group();
  }

  private JsonNode awaitOffer(String contact) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> json(send("GET", "/api/v1/agent/status", agentAuth, null)),
            s -> s.get("offers").toString().contains(contact));
  }

  private String routingState(String contact) {
    return jdbc.sql("SELECT state FROM routing_contact WHERE id = ?")
        .param(contact)
        .query(String.class)
        .optional()
        .orElse("");
  }

  private String state(Visitor v) {
    return jdbc.sql("SELECT state FROM chat_conversation WHERE conversation_id = ?")
        .param(v.conversationId)
        .query(String.class)
        .single();
  }

  private HttpResponse<String> reply(Visitor v, String clientId, String text) throws Exception {
    return send(
        "POST",
        "/api/v1/chat/conversations/" + v.conversationId + "/messages",
        agentAuth,
        JSON.writeValueAsString(Map.of("clientMessageId", clientId, "text", text)));
  }

  private HttpResponse<String> agentImage(Visitor v, String clientId, byte[] bytes)
      throws Exception {
    String boundary = "cc-" + UUID.randomUUID();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"clientMessageId\"\r\n\r\n"
                + clientId
                + "\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.png\""
                + "\r\nContent-Type: image/png\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(bytes);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(uri("/api/v1/chat/conversations/" + v.conversationId + "/images"))
            .header("Authorization", agentAuth)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private String history(Visitor v) throws Exception {
    return send(
            "GET",
            "/api/v1/chat/conversations/" + v.conversationId + "/messages?after=0",
            agentAuth,
            null)
        .body();
  }

  private String agentWithProfile(String name, String profile) throws Exception {
    users().create(name, "AGENT");
    HttpResponse<String> saved = send("PUT", "/api/v1/routing/agents/" + name, ADMIN, profile);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    return basic(name, PASSWORD);
  }

  private TestUsers users() {
    return new TestUsers(port, PASSWORD);
  }

  record Visitor(String conversationId, String token) {}

  private Visitor open(String lang, String identity) throws Exception {
    String body =
        "{\"site\":\"test-shop\",\"lang\":\""
            + lang
            + "\""
            + (identity == null ? "" : ",\"identity\":\"" + identity + "\"")
            + "}";
    HttpResponse<String> opened =
        send(
            HttpRequest.newBuilder(uri("/chat/api/sessions"))
                .header("Origin", SHOP)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
    JsonNode session = json(opened);
    return new Visitor(
        session.get("conversationId").asText(), session.get("visitorToken").asText());
  }

  private Socket connect(Visitor v) throws Exception {
    Socket socket = new Socket();
    socket.ws =
        http.newWebSocketBuilder()
            .header("Origin", SHOP)
            .buildAsync(
                URI.create(
                    "ws://127.0.0.1:"
                        + port
                        + "/chat/ws?conversation="
                        + v.conversationId
                        + "&token="
                        + v.token
                        + "&after=0"),
                socket)
            .get(10, TimeUnit.SECONDS);
    return socket;
  }

  /** The visitor's WebSocket, recording every message frame. */
  static final class Socket implements WebSocket.Listener, AutoCloseable {
    final List<String> texts = new CopyOnWriteArrayList<>();
    final List<JsonNode> queue = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket ws;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          JsonNode frame = JSON.readTree(partial.toString());
          if (frame.path("type").asText().equals("message")) {
            texts.add(frame.get("text").asText());
          } else if (frame.path("type").asText().equals("queue")) {
            queue.add(frame);
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    void send(String clientId, String text) throws Exception {
      ws.sendText(
              JSON.writeValueAsString(
                  Map.of("type", "message", "clientMessageId", clientId, "text", text)),
              true)
          .get(5, TimeUnit.SECONDS);
    }

    void awaitText(String fragment) {
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> texts.stream().anyMatch(t -> t.contains(fragment)));
    }

    /** The latest queue frame, once it says {@code position}. */
    JsonNode awaitQueue(int position) {
      return await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () -> queue.isEmpty() ? null : queue.get(queue.size() - 1),
              q -> q != null && q.get("position").asInt() == position);
    }

    List<String> texts() {
      return texts;
    }

    @Override
    public void close() throws Exception {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    }
  }

  private HttpResponse<String> send(String method, String path, String auth, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", auth)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(10));
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return send(request);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A shop's identity token: base64url(payload).base64url(HMAC-SHA256(key, first part)). */
  private static String identity(String payload) throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String first = b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(
            SHOP_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return first + "." + b64.encodeToString(mac.doFinal(first.getBytes(StandardCharsets.UTF_8)));
  }
}
