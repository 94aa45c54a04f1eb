package io.contactcenter.pbx.internal;

import java.util.Map;
import java.util.regex.Pattern;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.MappingStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps an AGI request to a script only if its name is on the allow-list of registered handlers.
 *
 * <p>Returning null makes Asterisk-Java set {@code AJ_AGISTATUS=NOT_FOUND} on the channel and run
 * nothing; the dialplan then plays its fallback. There is deliberately no class-name or resource
 * lookup: an AGI request can never choose which code runs.
 */
final class AllowListMappingStrategy implements MappingStrategy {

  private static final Logger log = LoggerFactory.getLogger(AllowListMappingStrategy.class);
  private static final Pattern PRINTABLE = Pattern.compile("[^A-Za-z0-9._/-]");

  private final Map<String, AgiScript> scripts;

  AllowListMappingStrategy(Map<String, AgiScript> scripts) {
    this.scripts = Map.copyOf(scripts);
  }

  @Override
  public AgiScript determineScript(AgiRequest request, AgiChannel channel) {
    String name = normalize(request.getScript());
    AgiScript script = name == null ? null : scripts.get(name);
    if (script == null) {
      log.warn(
          "refused FastAGI request for unknown script '{}' on channel {}; allowed: {}",
          sanitize(request.getScript()),
          sanitize(request.getChannel()),
          scripts.keySet());
    }
    return script;
  }

  /** The script name without leading slashes or a query string. */
  static String normalize(String script) {
    if (script == null) {
      return null;
    }
    String s = script;
    int q = s.indexOf('?');
    if (q >= 0) {
      s = s.substring(0, q);
    }
    while (s.startsWith("/")) {
      s = s.substring(1);
    }
    return s;
  }

  private static String sanitize(String value) {
    if (value == null) {
      return "";
    }
    String s = value.length() > 64 ? value.substring(0, 64) : value;
    return PRINTABLE.matcher(s).replaceAll("?");
  }
}
