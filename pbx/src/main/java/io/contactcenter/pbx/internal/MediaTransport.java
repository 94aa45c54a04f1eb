package io.contactcenter.pbx.internal;

import java.util.Locale;
import java.util.Optional;

/** How a call's live media reaches the application ({@code cc.pbx.media.transport}). */
public enum MediaTransport {
  /** Asterisk's {@code AudioSocket()} connects to {@link AudioSocketServer} (ADR 0003). */
  AUDIOSOCKET,
  /** Asterisk dials the {@link SipMediaEndpoint}; audio is RTP with G.711 µ-law (ADR 0005). */
  SIP;

  /** The transport a channel variable names ({@code audiosocket} or {@code sip}, any case). */
  static Optional<MediaTransport> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "audiosocket" -> Optional.of(AUDIOSOCKET);
      case "sip" -> Optional.of(SIP);
      default -> Optional.empty();
    };
  }
}
