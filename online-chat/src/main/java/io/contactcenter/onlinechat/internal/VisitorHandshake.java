package io.contactcenter.onlinechat.internal;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Admits a WebSocket only for a visitor token that owns the conversation, from an origin the
 * conversation's site allows; the refusal is an HTTP status before any frame is exchanged.
 */
final class VisitorHandshake implements HandshakeInterceptor {

  private final ChatService chat;
  private final VisitorTokens tokens;
  private final SiteOrigins origins;

  VisitorHandshake(ChatService chat, VisitorTokens tokens, SiteOrigins origins) {
    this.chat = chat;
    this.tokens = tokens;
    this.origins = origins;
  }

  @Override
  public boolean beforeHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      Map<String, Object> attributes) {
    var query = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams();
    var visitor = tokens.verify(query.getFirst("token"));
    String conversationId = query.getFirst("conversation");
    if (visitor.isEmpty() || conversationId == null) {
      response.setStatusCode(HttpStatus.UNAUTHORIZED);
      return false;
    }
    Conversation c;
    try {
      c = chat.ofVisitor(conversationId, visitor.get());
    } catch (ChatRefusedException e) {
      response.setStatusCode(HttpStatus.valueOf(e.kind.status));
      return false;
    }
    if (!origins.allowed(c.site(), request.getHeaders().getOrigin())) {
      response.setStatusCode(HttpStatus.FORBIDDEN);
      return false;
    }
    long after;
    try {
      String a = query.getFirst("after");
      after = a == null ? 0 : Long.parseLong(a);
    } catch (NumberFormatException e) {
      response.setStatusCode(HttpStatus.BAD_REQUEST);
      return false;
    }
    attributes.put(ChatSocketHandler.CONVERSATION, conversationId);
    attributes.put(ChatSocketHandler.VISITOR, visitor.get());
    attributes.put(ChatSocketHandler.AFTER, Math.max(0, after));
    return true;
  }

  @Override
  public void afterHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      Exception exception) {}
}
