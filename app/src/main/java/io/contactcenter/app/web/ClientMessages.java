package io.contactcenter.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * The messages the pages' scripts need (keys starting {@code js.} or {@code enum.}), as one JSON
 * object per language. The layout puts it in a {@code <meta>} element that console.js reads, so
 * scripts translate with the same bundles as the templates.
 */
class ClientMessages {

  private static final List<String> PREFIXES = List.of("js.", "enum.");

  private final MessageSource messages;
  private final ObjectMapper json;
  private final List<String> keys;
  private final Map<Locale, String> byLocale = new ConcurrentHashMap<>();

  ClientMessages(MessageSource messages, ObjectMapper json) {
    this.messages = messages;
    this.json = json;
    this.keys = keysOf("messages.properties");
  }

  /** The script messages in this language as a JSON object. */
  String json(Locale locale) {
    return byLocale.computeIfAbsent(locale, this::render);
  }

  private String render(Locale locale) {
    Map<String, String> resolved = new TreeMap<>();
    for (String key : keys) {
      resolved.put(key, messages.getMessage(key, null, locale));
    }
    try {
      return json.writeValueAsString(resolved);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the script messages", e);
    }
  }

  private static List<String> keysOf(String bundle) {
    try {
      Properties properties =
          PropertiesLoaderUtils.loadProperties(
              new EncodedResource(new ClassPathResource(bundle), StandardCharsets.UTF_8));
      return properties.stringPropertyNames().stream()
          .filter(k -> PREFIXES.stream().anyMatch(k::startsWith))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + bundle, e);
    }
  }
}
