package io.contactcenter.pbx.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Vector;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sdp.Attribute;
import javax.sdp.Connection;
import javax.sdp.Media;
import javax.sdp.MediaDescription;
import javax.sdp.SdpException;
import javax.sdp.SdpFactory;
import javax.sdp.SessionDescription;

/**
 * The SDP offer/answer (RFC 3264) of the SIP media endpoint: one audio stream, G.711 µ-law (PCMU,
 * static payload type 0) at 20 ms, and RFC 4733 telephone-event for keys when the offer has it.
 * Anything else in the offer (other codecs, video, ICE, crypto) is declined by leaving it out of
 * the answer, as RFC 3264 allows; an offer without an RTP/AVP audio stream that has PCMU is
 * rejected.
 *
 * <p>The offer is parsed and the answer written with the {@code javax.sdp} implementation that
 * ships with jain-sip-ri (NIST); what is decided here is only which stream and codecs to take.
 */
final class Sdp {

  static final int PCMU = 0;

  private static final Pattern RTPMAP = Pattern.compile("(\\d{1,3}) ([^/\\s]+)/(\\d+)(?:/\\d+)?");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:-]{1,253}");
  private static final Pattern PAYLOAD_TYPE = Pattern.compile("\\d{1,3}");

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
    SdpFactory sdp = SdpFactory.getInstance();
    try {
      SessionDescription session = sdp.createSessionDescription(offer);
      MediaDescription audio = firstRtpAudio(session);
      if (audio == null) {
        return new Rejected(488, "no RTP/AVP audio stream offered");
      }
      List<Integer> formats = payloadTypes(audio.getMedia());
      if (!formats.contains(PCMU)) {
        return new Rejected(488, "PCMU not offered");
      }
      Connection connection =
          audio.getConnection() != null ? audio.getConnection() : session.getConnection();
      String host = connection == null ? null : connection.getAddress();
      if (connection != null
          && (!"IN".equals(connection.getNetworkType())
              || !List.of("IP4", "IP6").contains(connection.getAddressType()))) {
        return new Rejected(400, "unreadable connection line: " + abbreviate(connection));
      }
      if (host == null || !HOST.matcher(host).matches()) {
        return new Rejected(400, "no usable connection address for the audio stream");
      }
      int port = audio.getMedia().getMediaPort();
      if (port < 1 || port > 65535) {
        return new Rejected(488, "audio stream declined or on an invalid port: " + port);
      }
      OptionalInt event = telephoneEvent(audio, formats);
      return new Accepted(host, port, event, render(sdp, localHost, localPort, sessionId, event));
    } catch (SdpException e) {
      return new Rejected(400, "unreadable SDP offer: " + abbreviate(e.getMessage()));
    }
  }

  private static MediaDescription firstRtpAudio(SessionDescription session) throws SdpException {
    for (MediaDescription description :
        Sdp.<MediaDescription>typed(session.getMediaDescriptions(false))) {
      Media m = description.getMedia();
      if ("audio".equals(m.getMediaType()) && "RTP/AVP".equals(m.getProtocol())) {
        return description;
      }
    }
    return null;
  }

  private static List<Integer> payloadTypes(Media media) throws SdpException {
    List<Integer> types = new ArrayList<>();
    for (String format : Sdp.<String>typed(media.getMediaFormats(false))) {
      if (PAYLOAD_TYPE.matcher(format).matches()) {
        types.add(Integer.parseInt(format));
      }
    }
    return types;
  }

  /** The first telephone-event at 8 kHz, if its payload type is dynamic and in the format list. */
  private static OptionalInt telephoneEvent(MediaDescription audio, List<Integer> formats)
      throws SdpException {
    for (Attribute attribute : Sdp.<Attribute>typed(audio.getAttributes(false))) {
      if (!"rtpmap".equals(attribute.getName()) || attribute.getValue() == null) {
        continue;
      }
      Matcher m = RTPMAP.matcher(attribute.getValue().strip());
      if (m.matches()
          && m.group(2).toLowerCase(Locale.ROOT).equals("telephone-event")
          && m.group(3).equals("8000")) {
        int pt = Integer.parseInt(m.group(1));
        return pt >= 96 && pt <= 127 && formats.contains(pt)
            ? OptionalInt.of(pt)
            : OptionalInt.empty();
      }
    }
    return OptionalInt.empty();
  }

  private static String render(
      SdpFactory sdp, String host, int port, long sessionId, OptionalInt event)
      throws SdpException {
    String ipVersion = host.contains(":") ? "IP6" : "IP4";
    SessionDescription answer = sdp.createSessionDescription();
    answer.setOrigin(sdp.createOrigin("cc-robot", sessionId, 1, "IN", ipVersion, host));
    answer.setSessionName(sdp.createSessionName("cc-robot"));
    answer.setConnection(sdp.createConnection("IN", ipVersion, host));
    String[] formats =
        event.isPresent()
            ? new String[] {String.valueOf(PCMU), String.valueOf(event.getAsInt())}
            : new String[] {String.valueOf(PCMU)};
    MediaDescription audio = sdp.createMediaDescription("audio", port, 1, "RTP/AVP", formats);
    Vector<Attribute> attributes = new Vector<>();
    attributes.add(sdp.createAttribute("rtpmap", PCMU + " PCMU/8000"));
    if (event.isPresent()) {
      attributes.add(sdp.createAttribute("rtpmap", event.getAsInt() + " telephone-event/8000"));
      attributes.add(sdp.createAttribute("fmtp", event.getAsInt() + " 0-16"));
    }
    attributes.add(sdp.createAttribute("ptime", "20"));
    attributes.add(sdp.createAttribute("sendrecv", null));
    audio.setAttributes(attributes);
    Vector<MediaDescription> media = new Vector<>();
    media.add(audio);
    answer.setMediaDescriptions(media);
    return answer.toString();
  }

  /** javax.sdp predates generics: its lists are raw vectors (or null) of the documented type. */
  @SuppressWarnings("unchecked")
  private static <T> List<T> typed(List<?> raw) {
    return raw == null ? List.of() : (List<T>) raw;
  }

  private static String abbreviate(Object line) {
    String text = String.valueOf(line).strip();
    return text.length() <= 60 ? text : text.substring(0, 60) + "...";
  }
}
