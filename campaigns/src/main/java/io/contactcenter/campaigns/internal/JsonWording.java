package io.contactcenter.campaigns.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contactcenter.common.Worded;
import io.contactcenter.common.Wording;

/**
 * A {@link Worded} reason as the JSONB columns of imports hold it: {@code {"key", "english",
 * "args"}}, each argument text or a nested wording (a phone number's problem inside a row's).
 */
final class JsonWording {

  private final ObjectMapper json;

  JsonWording(ObjectMapper json) {
    this.json = json;
  }

  /** The JSON text, or {@code null} for no wording. */
  String toJson(Worded wording) {
    if (wording == null) {
      return null;
    }
    try {
      return json.writeValueAsString(tree(wording));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a wording is always JSON", e);
    }
  }

  /** The wording, or {@code null} for a column left empty (an import made before it was kept). */
  Worded fromJson(String text) {
    if (text == null) {
      return null;
    }
    try {
      return wording(json.readTree(text));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored wording is not JSON", e);
    }
  }

  private ObjectNode tree(Worded wording) {
    ObjectNode node = json.createObjectNode();
    node.put("key", wording.messageKey());
    node.put("english", wording.english());
    ArrayNode args = node.putArray("args");
    for (Object arg : wording.messageArguments()) {
      if (arg instanceof Worded nested) {
        args.add(tree(nested));
      } else {
        args.add(String.valueOf(arg));
      }
    }
    return node;
  }

  private static Wording wording(JsonNode node) {
    JsonNode args = node.path("args");
    Object[] values = new Object[args.size()];
    for (int i = 0; i < values.length; i++) {
      JsonNode arg = args.get(i);
      values[i] = arg.isObject() ? wording(arg) : arg.asText();
    }
    return new Wording(node.path("key").asText(), node.path("english").asText(), values);
  }
}
