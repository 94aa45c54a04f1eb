package io.contactcenter.pbx;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * What a browser softphone needs to register: its SIP identity, a password valid until {@code
 * expiresAt}, and Asterisk's WebSocket address. {@link #toString()} leaves the password out, so the
 * record can be logged.
 *
 * @param username the SIP username and PJSIP endpoint
 * @param password the digest password; handed to the signed-in session only
 * @param domain the host part of the softphone's SIP URI
 * @param websocketUrl Asterisk's WebSocket transport
 * @param expiresAt after this Asterisk refuses the password; the page asks for new credentials
 */
public record SoftphoneCredentials(
    String username, String password, String domain, URI websocketUrl, Instant expiresAt) {

  public SoftphoneCredentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(websocketUrl, "websocketUrl");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "SoftphoneCredentials[username="
        + username
        + ", domain="
        + domain
        + ", websocketUrl="
        + websocketUrl
        + ", expiresAt="
        + expiresAt
        + "]";
  }
}
