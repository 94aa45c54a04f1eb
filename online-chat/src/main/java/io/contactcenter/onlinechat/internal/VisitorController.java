package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.ChatLanguage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * The visitor's HTTP side (no sign-in: a visitor token in {@code X-Chat-Token}): open or resume a
 * chat, and the fallback transport for networks that block WebSocket: POST a message, long-poll for
 * messages after a seq. Browsers call it cross-origin from the shop's pages; the site's allowed
 * origins are checked on every call.
 */
@RestController
class VisitorController {

  static final String TOKEN_HEADER = "X-Chat-Token";

  private final ChatService chat;
  private final VisitorTokens tokens;
  private final SiteOrigins origins;
  private final ChatFanout fanout;
  private final Duration pollWait;

  VisitorController(
      ChatService chat,
      VisitorTokens tokens,
      SiteOrigins origins,
      ChatFanout fanout,
      ChatProperties properties) {
    this.chat = chat;
    this.tokens = tokens;
    this.origins = origins;
    this.fanout = fanout;
    this.pollWait = properties.pollWait();
  }

  record OpenBody(String site, String lang, String visitorToken, String identity) {}

  record MessageBody(String clientMessageId, String text) {}

  record RatingBody(Integer score, String comment) {}

  @PostMapping("/chat/api/sessions")
  Map<String, Object> open(
      @RequestBody OpenBody body,
      @RequestHeader(value = HttpHeaders.ORIGIN, required = false) String origin) {
    if (body == null || body.site() == null) {
      throw new ChatRefusedException(ChatRefusedException.Kind.INVALID, "site is required");
    }
    origins.check(body.site(), origin);
    ChatLanguage lang = ChatLanguage.of(body.lang() == null ? "en" : body.lang());
    Conversation.Customer customer = Conversation.Customer.ANONYMOUS;
    if (body.identity() != null && !body.identity().isBlank()) {
      customer = tokens.customer(body.identity(), origins.identityKey(body.site()).orElse(""));
    }
    String visitorId =
        tokens.verify(body.visitorToken()).orElseGet(() -> UUID.randomUUID().toString());
    if (customer.id() != null) {
      // An identified customer resumes their chat on any device: the visitor is the customer.
      visitorId =
          "c-"
              + UUID.nameUUIDFromBytes(
                  (body.site() + "\u0000" + customer.id())
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    Conversation c = chat.open(body.site(), visitorId, customer, lang);
    return Map.of(
        "conversationId", c.conversationId(),
        "visitorToken", tokens.sign(visitorId),
        "lang", c.language().tag(),
        "state", c.state().name().toLowerCase(java.util.Locale.ROOT));
  }

  @PostMapping("/chat/api/conversations/{id}/messages")
  ResponseEntity<Map<String, Object>> post(
      @PathVariable String id,
      @RequestHeader(value = TOKEN_HEADER, required = false) String token,
      @RequestHeader(value = HttpHeaders.ORIGIN, required = false) String origin,
      @RequestBody MessageBody body) {
    Conversation c = visitorConversation(id, token, origin);
    ChatMessage stored = chat.visitorSays(c, body.clientMessageId(), body.text());
    return ResponseEntity.status(201)
        .body(Map.of("clientMessageId", stored.clientMessageId(), "seq", stored.seq()));
  }

  /** Messages after {@code after}; with none yet, waits up to cc.chat.poll-wait for one. */
  @GetMapping("/chat/api/conversations/{id}/messages")
  DeferredResult<Map<String, Object>> poll(
      @PathVariable String id,
      @RequestParam(defaultValue = "0") long after,
      @RequestParam(defaultValue = "true") boolean wait,
      @RequestHeader(value = TOKEN_HEADER, required = false) String token,
      @RequestHeader(value = HttpHeaders.ORIGIN, required = false) String origin) {
    Conversation c = visitorConversation(id, token, origin);
    return longPoll(chat, fanout, c.conversationId(), after, wait ? pollWait : Duration.ZERO);
  }

  /** An image from the visitor (multipart {@code file}), stored as a message of its own. */
  @PostMapping("/chat/api/conversations/{id}/images")
  ResponseEntity<Map<String, Object>> image(
      @PathVariable String id,
      @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
      @RequestParam("clientMessageId") String clientMessageId,
      @RequestHeader(value = TOKEN_HEADER, required = false) String token,
      @RequestHeader(value = HttpHeaders.ORIGIN, required = false) String origin)
      throws java.io.IOException {
    Conversation c = visitorConversation(id, token, origin);
    ChatMessage stored = chat.visitorSendsImage(c, clientMessageId, file.getBytes());
    return ResponseEntity.status(201)
        .body(
            Map.of(
                "clientMessageId",
                stored.clientMessageId(),
                "seq",
                stored.seq(),
                "attachment",
                stored.attachmentId()));
  }

  /**
   * A chat image by its unguessable id (the visitor's page and the agent's screen show it with an
   * img element, which sends no token): its stored type, never sniffed, and as a download if opened
   * on its own.
   */
  @GetMapping("/chat/api/images/{attachmentId}")
  ResponseEntity<byte[]> imageOf(@PathVariable String attachmentId) {
    JdbcConversations.Attachment a = chat.attachment(attachmentId);
    String extension = a.contentType().equals("image/png") ? "png" : "jpg";
    return ResponseEntity.ok()
        .contentType(org.springframework.http.MediaType.parseMediaType(a.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"image." + extension + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .header("Cross-Origin-Resource-Policy", "cross-origin")
        .cacheControl(
            org.springframework.http.CacheControl.maxAge(java.time.Duration.ofDays(1))
                .cachePrivate())
        .body(a.bytes());
  }

  @PostMapping("/chat/api/conversations/{id}/end")
  ResponseEntity<Void> end(
      @PathVariable String id,
      @RequestHeader(value = TOKEN_HEADER, required = false) String token,
      @RequestHeader(value = HttpHeaders.ORIGIN, required = false) String origin) {
    Conversation c = visitorConversation(id, token, origin);
    chat.end(c.conversationId(), io.contactcenter.onlinechat.ChatEnded.EndedBy.VISITOR, null);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/chat/api/conversations/{id}/rating")
  ResponseEntity<Void> rate(
      @PathVariable String id,
      @RequestHeader(value = TOKEN_HEADER, required = false) String token,
      @RequestHeader(value = HttpHeaders.ORIGIN, required = false) String origin,
      @RequestBody RatingBody body) {
    Conversation c = visitorConversation(id, token, origin);
    if (body == null || body.score() == null) {
      throw new ChatRefusedException(ChatRefusedException.Kind.INVALID, "score (1-5) is required");
    }
    chat.rate(c, body.score(), body.comment());
    return ResponseEntity.status(201).build();
  }

  private Conversation visitorConversation(String id, String token, String origin) {
    String visitor =
        tokens
            .verify(token)
            .orElseThrow(
                () ->
                    new ChatRefusedException(
                        ChatRefusedException.Kind.FORBIDDEN,
                        "a valid visitor token (" + TOKEN_HEADER + ") is required"));
    Conversation c = chat.ofVisitor(id, visitor);
    origins.check(c.site(), origin);
    return c;
  }

  static DeferredResult<Map<String, Object>> longPoll(
      ChatService chat, ChatFanout fanout, String conversationId, long after, Duration wait) {
    DeferredResult<Map<String, Object>> result =
        new DeferredResult<>(wait.isZero() ? 1000L : wait.toMillis());
    List<ChatMessage> now = chat.after(conversationId, after);
    if (!now.isEmpty() || wait.isZero()) {
      result.setResult(page(now, fanout, conversationId));
      return result;
    }
    Runnable unsubscribe =
        fanout.subscribe(
            conversationId,
            m -> {
              if (m.seq() > after && !result.isSetOrExpired()) {
                result.setResult(page(chat.after(conversationId, after), fanout, conversationId));
              }
            });
    result.onCompletion(unsubscribe);
    result.onTimeout(
        () -> result.setResult(page(chat.after(conversationId, after), fanout, conversationId)));
    // A message stored between the first read and the subscription: read once more.
    List<ChatMessage> again = chat.after(conversationId, after);
    if (!again.isEmpty()) {
      result.setResult(page(again, fanout, conversationId));
    }
    return result;
  }

  /** A fallback page also carries the visitor's latest place in the queue while they wait. */
  static Map<String, Object> page(
      List<ChatMessage> messages, ChatFanout fanout, String conversationId) {
    Map<String, Object> page = new java.util.LinkedHashMap<>(page(messages));
    fanout.latestNotice(conversationId).ifPresent(n -> page.put("queue", n.frame()));
    return page;
  }

  static Map<String, Object> page(List<ChatMessage> messages) {
    return Map.of("messages", messages.stream().map(ChatService::frame).toList());
  }
}
