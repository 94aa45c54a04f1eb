package io.contactcenter.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build check that every text exists in both languages: the two bundles have the same keys,
 * each Chinese text is Chinese, placeholders match, and every key a template, a script or the
 * navigation uses is in the bundles.
 */
class MessageBundlesTest {

  private static final Path RESOURCES = Path.of("src/main/resources");
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

  /** {@code #{key}} and {@code #{key(args)}} with a literal key in a template. */
  private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-z][a-z0-9.-]*)[}(]");

  /** {@code cc.t('key'} in a script. */
  private static final Pattern SCRIPT_KEY = Pattern.compile("cc\\.t\\('([a-z][a-z0-9.-]*)'");

  private final Map<String, String> english = load("messages.properties");
  private final Map<String, String> chinese = load("messages_zh_CN.properties");

  @Test
  void bothLanguagesHaveTheSameKeys() {
    assertThat(chinese.keySet())
        .as("keys in Chinese but not English, or English but not Chinese")
        .containsExactlyInAnyOrderElementsOf(english.keySet());
  }

  @Test
  void everyTextIsFilledAndEveryChineseTextIsChinese() {
    english.forEach((key, text) -> assertThat(text).as(key).isNotBlank());
    chinese.forEach(
        (key, text) ->
            assertThat(HAN.matcher(text).find()).as("untranslated %s=%s", key, text).isTrue());
  }

  @Test
  void placeholdersAreTheSameInBothLanguages() {
    english.forEach(
        (key, text) ->
            assertThat(placeholders(chinese.getOrDefault(key, "")))
                .as(key)
                .isEqualTo(placeholders(text)));
  }

  @Test
  void everyKeyThePagesUseExists() throws IOException {
    Set<String> used = new TreeSet<>();
    used.addAll(keysIn(RESOURCES.resolve("templates"), ".html", TEMPLATE_KEY));
    used.addAll(keysIn(RESOURCES.resolve("static/js"), ".js", SCRIPT_KEY));
    for (Navigation.Section section : Navigation.SECTIONS) {
      used.add(section.key());
      section.pages().forEach(p -> used.add(p.key()));
    }
    // The layout's usage example, not a real key.
    used.remove("page.x.title");
    assertThat(used).isNotEmpty();
    assertThat(english.keySet()).containsAll(used);
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  private static Set<String> keysIn(Path dir, String suffix, Pattern pattern) throws IOException {
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
        Matcher m = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
          keys.add(m.group(1));
        }
      }
    }
    return keys;
  }

  private static Map<String, String> load(String name) {
    Properties properties = new Properties();
    try (var reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + name, e);
    }
    Map<String, String> map = new TreeMap<>();
    properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
    return map;
  }
}
