package io.contactcenter.campaigns.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Script variables as the JSONB columns of campaigns and contacts hold them. */
final class JsonVariables {

  private final ObjectMapper json;

  JsonVariables(ObjectMapper json) {
    this.json = json;
  }

  String toJson(Map<String, String> values) {
    try {
      return json.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("variables cannot be stored: " + e.getOriginalMessage());
    }
  }

  Map<String, String> fromJson(String text) {
    try {
      return json.readValue(text, new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored variables are not a JSON object", e);
    }
  }
}
