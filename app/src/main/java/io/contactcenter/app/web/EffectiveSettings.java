package io.contactcenter.app.web;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint.ConfigurationPropertiesBeanDescriptor;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.context.ApplicationContext;

/**
 * The configuration in force, as the modules bound it ({@code cc.*}: configuration files, the
 * environment and each key's default), for admins to read. Secrets never leave: a key named like a
 * password, secret, token, credential or key shows only that it is set, and credentials inside URLs
 * are masked. Read through Spring Boot's configuration-properties report, which sees the bound
 * values of every module's {@code @ConfigurationProperties} record without reaching into modules.
 */
final class EffectiveSettings {

  /** What a secret shows instead of its value. */
  static final String HIDDEN = "••••••";

  /** One module's settings: its prefix ({@code cc.pbx}) and every key's value, keys sorted. */
  record Group(String prefix, List<Setting> settings) {}

  /** A setting as the page shows it: full key in the form files use, value as text. */
  record Setting(String key, String value) {}

  private static final Pattern SECRET =
      Pattern.compile("password|secret|token|credential|passphrase|(key$)");
  private static final Pattern URL_CREDENTIALS = Pattern.compile("(?<=://)[^/@\\s]+(?=@)");

  private final ConfigurationPropertiesReportEndpoint report;

  EffectiveSettings(ApplicationContext context) {
    this.report = new ConfigurationPropertiesReportEndpoint(List.of(SANITIZE), Show.ALWAYS);
    this.report.setApplicationContext(context);
  }

  /** Every {@code cc.*} group, by prefix. */
  List<Group> groups() {
    Map<String, List<Setting>> byPrefix = new TreeMap<>();
    report
        .configurationPropertiesWithPrefix("cc.")
        .getContexts()
        .values()
        .forEach(
            context -> {
              for (ConfigurationPropertiesBeanDescriptor bean : context.getBeans().values()) {
                List<Setting> settings =
                    byPrefix.computeIfAbsent(bean.getPrefix(), p -> new ArrayList<>());
                flatten(bean.getPrefix(), bean.getProperties(), settings);
              }
            });
    List<Group> groups = new ArrayList<>();
    byPrefix.forEach(
        (prefix, settings) -> {
          settings.sort(java.util.Comparator.comparing(Setting::key));
          groups.add(new Group(prefix, List.copyOf(settings)));
        });
    return List.copyOf(groups);
  }

  private static void flatten(String key, Object value, List<Setting> into) {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        into.add(new Setting(key, ""));
      }
      map.forEach((k, v) -> flatten(key + "." + kebab(String.valueOf(k)), v, into));
    } else if (value instanceof Collection<?> values
        && values.stream().anyMatch(v -> v instanceof Map<?, ?>)) {
      int i = 0;
      for (Object v : values) {
        flatten(key + "[" + i++ + "]", v, into);
      }
    } else {
      into.add(new Setting(key, text(value)));
    }
  }

  /** {@code maxCallDuration} as configuration files write it: {@code max-call-duration}. */
  static String kebab(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /** A value as text; durations as written in configuration files ({@code 10m}, {@code 500ms}). */
  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Collection<?> values) {
      return String.join(", ", values.stream().map(EffectiveSettings::text).toList());
    }
    String text = String.valueOf(value);
    if (text.startsWith("PT") || text.startsWith("-PT")) {
      try {
        return duration(Duration.parse(text));
      } catch (DateTimeParseException e) {
        return text;
      }
    }
    return text;
  }

  private static String duration(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder out = new StringBuilder(d.isNegative() ? "-" : "");
    Duration left = d.abs();
    long hours = left.toHours();
    int minutes = left.toMinutesPart();
    int seconds = left.toSecondsPart();
    int millis = left.toMillisPart();
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (minutes > 0) {
      out.append(minutes).append('m');
    }
    if (seconds > 0) {
      out.append(seconds).append('s');
    }
    if (millis > 0) {
      out.append(millis).append("ms");
    }
    return out.toString();
  }

  /** Hides secrets by their key, and credentials written into URLs. */
  private static final SanitizingFunction SANITIZE =
      (SanitizableData data) -> {
        Object value = data.getValue();
        if (value == null || "".equals(value)) {
          return data; // not set: nothing to hide, and the page says so
        }
        String key = data.getKey().toLowerCase(Locale.ROOT).replace("-", "");
        if (SECRET.matcher(key).find()) {
          return data.withValue(HIDDEN);
        }
        if (value instanceof String text && text.contains("://") && text.contains("@")) {
          return data.withValue(URL_CREDENTIALS.matcher(text).replaceAll(HIDDEN));
        }
        if (value instanceof URI uri && uri.getUserInfo() != null) {
          return data.withValue(uri.toString().replace(uri.getRawUserInfo(), HIDDEN));
        }
        return data;
      };
}
