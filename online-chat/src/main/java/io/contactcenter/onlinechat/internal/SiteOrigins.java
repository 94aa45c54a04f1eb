package io.contactcenter.onlinechat.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which page origins may open chats for which site (cc.chat.sites.*.allowed-origins). */
final class SiteOrigins {

  private final Map<String, ChatProperties.Site> sites;

  SiteOrigins(Map<String, ChatProperties.Site> sites) {
    this.sites = sites;
  }

  ChatProperties.Site site(String siteId) {
    ChatProperties.Site site = siteId == null ? null : sites.get(siteId);
    if (site == null) {
      throw new ChatRefusedException(
          ChatRefusedException.Kind.NOT_FOUND, "no site \"" + siteId + "\"");
    }
    return site;
  }

  /**
   * Refuses a browser request whose Origin is not allowed for the site. A request without an Origin
   * (a server-side client, a same-origin GET) carries no visitor's ambient credentials and passes.
   */
  void check(String siteId, String origin) {
    ChatProperties.Site site = site(siteId);
    if (origin != null && !matches(site, origin)) {
      throw new ChatRefusedException(
          ChatRefusedException.Kind.FORBIDDEN,
          "origin " + origin + " may not open chats for site " + siteId);
    }
  }

  boolean allowed(String siteId, String origin) {
    ChatProperties.Site site = siteId == null ? null : sites.get(siteId);
    return site != null && (origin == null || matches(site, origin));
  }

  /** An exact origin, or a pattern with {@code *} for any port or host label. */
  private static boolean matches(ChatProperties.Site site, String origin) {
    for (String allowed : site.allowedOrigins()) {
      if (allowed.equals(origin)) {
        return true;
      }
      if (allowed.contains("*")) {
        String regex =
            java.util.Arrays.stream(allowed.split("\\*", -1))
                .map(java.util.regex.Pattern::quote)
                .collect(java.util.stream.Collectors.joining("[A-Za-z0-9-]+"));
        if (origin.matches(regex)) {
          return true;
        }
      }
    }
    return false;
  }

  List<String> allOrigins() {
    return sites.values().stream().flatMap(s -> s.allowedOrigins().stream()).distinct().toList();
  }

  Optional<String> identityKey(String siteId) {
    String key = site(siteId).identityKey();
    return key.isEmpty() ? Optional.empty() : Optional.of(key);
  }
}
