package io.contactcenter.tickets.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Custom field values as the JSONB column holds them: numbers as JSON numbers read back as {@link
 * java.math.BigDecimal} with their scale (never through a double), everything else as strings.
 */
final class FieldValuesJson {

  static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .build();

  private FieldValuesJson() {}

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> read(String json) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (json == null) {
      return values;
    }
    try {
      JsonNode tree = JSON.readTree(json);
      tree.fields()
          .forEachRemaining(
              e ->
                  values.put(
                      e.getKey(),
                      e.getValue().isNumber()
                          ? e.getValue().decimalValue()
                          : e.getValue().asText()));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    return values;
  }
}
