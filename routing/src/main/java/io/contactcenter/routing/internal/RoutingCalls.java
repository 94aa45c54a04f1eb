package io.contactcenter.routing.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentStateConflictException;
import io.contactcenter.routing.ContactAlreadyRoutedException;
import io.contactcenter.routing.ContactNotOfferedException;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.routing.UnknownAgentException;
import io.contactcenter.routing.UnknownQueueException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls of the routing API ({@link ContactRouting}, {@link AgentDesk}) as JSON, so an instance that
 * does not route can hand them to the one that does (ADR 0030): a request names the method and
 * carries the arguments, a reply carries the result or the routing exception, which the caller gets
 * back as the same type with the same message.
 */
final class RoutingCalls {

  /** A decoded request: which method, with which arguments, and where the reply goes. */
  record Request(Method method, Object[] arguments, String replyTo) {}

  private final ObjectMapper json;
  private final Map<String, Method> methods = new HashMap<>();

  RoutingCalls(ObjectMapper json) {
    // Derived properties (NewContact.id()) are written but are no constructor argument.
    this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    for (Class<?> api : List.of(ContactRouting.class, AgentDesk.class)) {
      for (Method m : api.getMethods()) {
        if (!Modifier.isStatic(m.getModifiers())) {
          methods.put(key(m.getName(), m.getParameterCount()), m);
        }
      }
    }
  }

  String request(Method method, Object[] arguments, String replyTo) {
    ObjectNode request = json.createObjectNode();
    request.put("method", method.getName());
    request.put("replyTo", replyTo);
    ArrayNode args = request.putArray("args");
    for (Object a : arguments == null ? new Object[0] : arguments) {
      args.add(a instanceof PhoneNumber number ? TextNode.valueOf(number.e164()) : tree(a));
    }
    return write(request);
  }

  /**
   * @throws IllegalArgumentException when the request names no method of the API (another version)
   */
  Request request(String text) {
    JsonNode request = read(text);
    JsonNode args = request.path("args");
    Method method = methods.get(key(request.path("method").asText(), args.size()));
    if (method == null) {
      throw new IllegalArgumentException("no routing method " + request.path("method"));
    }
    Type[] types = method.getGenericParameterTypes();
    Object[] arguments = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      JsonNode a = args.get(i);
      arguments[i] =
          types[i] == PhoneNumber.class
              ? PhoneNumber.parse(a.asText())
              : json.convertValue(a, json.constructType(types[i]));
    }
    return new Request(method, arguments, request.path("replyTo").asText());
  }

  String result(Object value) {
    ObjectNode reply = json.createObjectNode();
    reply.set("result", tree(value));
    return write(reply);
  }

  /** The reply to a call that threw {@code failure}. */
  String failure(Throwable failure) {
    ObjectNode reply = json.createObjectNode();
    reply.put("error", failure.getClass().getSimpleName());
    reply.put("message", failure.getMessage() == null ? "" : failure.getMessage());
    if (failure instanceof UnknownQueueException unknown) {
      ArrayNode args = reply.putArray("arguments");
      Arrays.stream(unknown.messageArguments()).forEach(a -> args.add(String.valueOf(a)));
    }
    return write(reply);
  }

  /**
   * The method's result in {@code reply}.
   *
   * @throws RuntimeException the exception the routing instance threw, as the same type
   */
  Object reply(Method method, String text) {
    JsonNode reply = read(text);
    if (reply.has("error")) {
      throw exception(reply);
    }
    return json.convertValue(
        reply.get("result"), json.constructType(method.getGenericReturnType()));
  }

  private static RuntimeException exception(JsonNode reply) {
    String message = reply.path("message").asText();
    return switch (reply.path("error").asText()) {
      case "UnknownQueueException" -> {
        JsonNode args = reply.path("arguments");
        String known = args.path(1).asText();
        yield new UnknownQueueException(
            args.path(0).asText(), known.isEmpty() ? List.of() : List.of(known.split(", ")));
      }
      case "ContactAlreadyRoutedException" -> new ContactAlreadyRoutedException(message);
      case "ContactNotOfferedException" -> new ContactNotOfferedException(message);
      case "UnknownAgentException" -> new UnknownAgentException(message);
      case "AgentStateConflictException" -> new AgentStateConflictException(message);
      case "IllegalArgumentException" -> new IllegalArgumentException(message);
      default ->
          new IllegalStateException(
              "the routing instance failed: " + reply.path("error").asText() + ": " + message);
    };
  }

  private JsonNode tree(Object value) {
    return json.valueToTree(value);
  }

  private String write(JsonNode node) {
    try {
      return json.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a routing call", e);
    }
  }

  private JsonNode read(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a routing call: " + e.getOriginalMessage(), e);
    }
  }

  private static String key(String name, int parameters) {
    return name + "/" + parameters;
  }
}
