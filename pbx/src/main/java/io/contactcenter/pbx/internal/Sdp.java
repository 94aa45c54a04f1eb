package io.contactcenter.pbx.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SDP offer/answer (RFC 3264) of the SIP media endpoint: one audio stream, G.711 µ-law (PCMU,
 * static payload type 0) at 20 ms, and RFC 4733 telephone-event for keys when the offer has it.
 * Anything else in the offer (other codecs, video, ICE, crypto) is declined by leaving it out of
 * the answer, as RFC 3264 allows; an offer without an RTP/AVP audio stream that has PCMU is
 * rejected.
 */
final class Sdp {

  static final int PCMU = 0;

  private static final Pattern MEDIA =
      Pattern.compile("m=(\\S+) (\\d+)(?:/\\d+)? (\\S+)((?: \\S+)*)");
  private static final Pattern CONNECTION = Pattern.compile("c=IN IP[46] (\\S+)");
  private static final Pattern RTPMAP =
      Pattern.compile("a=rtpmap:(\\d{1,3}) ([^/\\s]+)/(\\d+)(?:/\\d+)?");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:-]{1,253}");

  private Sdp() {}

  /** What came of an offer: an answer to send, or the reason to refuse the call. */
  sealed interface Negotiation permits Accepted, Rejected {}

  /**
   * The offer was accepted.
   *
   * @param remoteHost where to send RTP
   * @param telephoneEvent the payload type of telephone-event, if the offer had it at 8 kHz
   * @param answer the SDP to put into the 200 OK
   */
  record Accepted(String remoteHost, int remotePort, OptionalInt telephoneEvent, String answer)
      implements Negotiation {}

  /**
   * The offer cannot be answered.
   *
   * @param status the SIP status to reply with (400 unreadable, 488 nothing acceptable)
   */
  record Rejected(int status, String reason) implements Negotiation {}

  /**
   * Answers {@code offer} for a local RTP socket at {@code localHost:localPort}.
   *
   * @param sessionId the answer's origin session id (any number unique enough per endpoint)
   */
  static Negotiation answer(String offer, String localHost, int localPort, long sessionId) {
    if (offer == null || offer.isBlank()) {
      return new Rejected(400, "no SDP offer in the INVITE");
    }
    String sessionHost = null;
    String mediaHost = null;
    int port = -1;
    List<Integer> formats = new ArrayList<>();
    OptionalInt event = OptionalInt.empty();
    // Which m= line we are in: -1 before the first, 1 in the (first) audio one, 0 in any other.
    int section = -1;
    boolean sawAudio = false;
    for (String raw : offer.split("\r?\n")) {
      String line = raw.strip();
      if (line.startsWith("m=")) {
        Matcher m = MEDIA.matcher(line);
        if (!m.matches()) {
          return new Rejected(400, "unreadable media line: " + abbreviate(line));
        }
        if (!sawAudio && m.group(1).equals("audio") && m.group(3).equals("RTP/AVP")) {
          sawAudio = true;
          section = 1;
          port = Integer.parseInt(m.group(2));
          for (String f : m.group(4).trim().split(" ")) {
            if (!f.isEmpty() && f.length() <= 3 && f.chars().allMatch(Character::isDigit)) {
              formats.add(Integer.parseInt(f));
            }
          }
        } else {
          section = 0;
        }
      } else if (line.startsWith("c=")) {
        Matcher m = CONNECTION.matcher(line);
        if (!m.matches()) {
          return new Rejected(400, "unreadable connection line: " + abbreviate(line));
        }
        if (section == -1) {
          sessionHost = m.group(1);
        } else if (section == 1) {
          mediaHost = m.group(1);
        }
      } else if (section == 1 && line.startsWith("a=rtpmap:")) {
        Matcher m = RTPMAP.matcher(line);
        if (m.matches()) {
          int pt = Integer.parseInt(m.group(1));
          String name = m.group(2).toLowerCase(Locale.ROOT);
          boolean eightKhz = m.group(3).equals("8000");
          if (name.equals("telephone-event") && eightKhz && event.isEmpty()) {
            event = OptionalInt.of(pt);
          }
        }
      }
    }
    if (!sawAudio) {
      return new Rejected(488, "no RTP/AVP audio stream offered");
    }
    if (!formats.contains(PCMU)) {
      return new Rejected(488, "PCMU not offered");
    }
    String host = mediaHost != null ? mediaHost : sessionHost;
    if (host == null || !HOST.matcher(host).matches()) {
      return new Rejected(400, "no usable connection address for the audio stream");
    }
    if (port < 1 || port > 65535) {
      return new Rejected(488, "audio stream declined or on an invalid port: " + port);
    }
    int eventPt = event.orElse(-1);
    OptionalInt acceptedEvent =
        eventPt >= 96 && eventPt <= 127 && formats.contains(eventPt) ? event : OptionalInt.empty();
    return new Accepted(
        host, port, acceptedEvent, render(localHost, localPort, sessionId, acceptedEvent));
  }

  private static String render(String host, int port, long sessionId, OptionalInt event) {
    String ipVersion = host.contains(":") ? "IP6" : "IP4";
    StringBuilder sdp = new StringBuilder();
    sdp.append("v=0\r\n");
    sdp.append("o=cc-robot ").append(sessionId).append(" 1 IN ").append(ipVersion).append(' ');
    sdp.append(host).append("\r\n");
    sdp.append("s=cc-robot\r\n");
    sdp.append("c=IN ").append(ipVersion).append(' ').append(host).append("\r\n");
    sdp.append("t=0 0\r\n");
    sdp.append("m=audio ").append(port).append(" RTP/AVP ").append(PCMU);
    event.ifPresent(pt -> sdp.append(' ').append(pt));
    sdp.append("\r\n");
    sdp.append("a=rtpmap:0 PCMU/8000\r\n");
    event.ifPresent(
        pt ->
            sdp.append("a=rtpmap:")
                .append(pt)
                .append(" telephone-event/8000\r\na=fmtp:")
                .append(pt)
                .append(" 0-16\r\n"));
    sdp.append("a=ptime:20\r\n");
    sdp.append("a=sendrecv\r\n");
    return sdp.toString();
  }

  private static String abbreviate(String line) {
    return line.length() <= 60 ? line : line.substring(0, 60) + "...";
  }
}
