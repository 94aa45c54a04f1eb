package io.contactcenter.pbx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SdpTest {

  // What Asterisk 22 offers from an endpoint with allow=ulaw,alaw and dtmf_mode=rfc4733.
  private static final String ASTERISK_OFFER =
      """
      v=0\r
      o=- 1842087734 1842087734 IN IP4 127.0.0.1\r
      s=Asterisk\r
      c=IN IP4 127.0.0.1\r
      t=0 0\r
      m=audio 10062 RTP/AVP 0 8 101\r
      a=rtpmap:0 PCMU/8000\r
      a=rtpmap:8 PCMA/8000\r
      a=rtpmap:101 telephone-event/8000\r
      a=fmtp:101 0-16\r
      a=ptime:20\r
      a=maxptime:140\r
      a=sendrecv\r
      """;

  @Test
  void answersPcmuAndTelephoneEventOnTheOfferedPayloadType() {
    Sdp.Negotiation result = Sdp.answer(ASTERISK_OFFER, "127.0.0.1", 40000, 7);

    assertThat(result).isInstanceOf(Sdp.Accepted.class);
    Sdp.Accepted accepted = (Sdp.Accepted) result;
    assertThat(accepted.remoteHost()).isEqualTo("127.0.0.1");
    assertThat(accepted.remotePort()).isEqualTo(10062);
    assertThat(accepted.telephoneEvent()).isEqualTo(OptionalInt.of(101));
    assertThat(accepted.answer())
        .contains("c=IN IP4 127.0.0.1\r\n")
        .contains("m=audio 40000 RTP/AVP 0 101\r\n")
        .contains("a=rtpmap:0 PCMU/8000\r\n")
        .contains("a=rtpmap:101 telephone-event/8000\r\n")
        .contains("a=ptime:20\r\n")
        .doesNotContain("PCMA")
        .startsWith("v=0\r\no=cc-robot 7 1 IN IP4 127.0.0.1\r\n");
  }

  @Test
  void followsAnOddTelephoneEventPayloadTypeAndAMediaLevelAddress() {
    String offer =
        """
        v=0
        o=- 1 1 IN IP4 10.0.0.1
        s=-
        c=IN IP4 10.0.0.1
        t=0 0
        m=audio 5004 RTP/AVP 8 0 96
        c=IN IP4 10.0.0.9
        a=rtpmap:96 telephone-event/8000
        """;

    Sdp.Accepted accepted = (Sdp.Accepted) Sdp.answer(offer, "127.0.0.1", 40000, 1);

    assertThat(accepted.remoteHost()).isEqualTo("10.0.0.9");
    assertThat(accepted.telephoneEvent()).isEqualTo(OptionalInt.of(96));
    assertThat(accepted.answer()).contains("m=audio 40000 RTP/AVP 0 96\r\n");
  }

  @Test
  void withoutTelephoneEventAnswersPcmuAlone() {
    String offer = "v=0\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";

    Sdp.Accepted accepted = (Sdp.Accepted) Sdp.answer(offer, "127.0.0.1", 40000, 1);

    assertThat(accepted.telephoneEvent()).isEmpty();
    assertThat(accepted.answer()).contains("m=audio 40000 RTP/AVP 0\r\n").doesNotContain("event");
  }

  @Test
  void ignoresTelephoneEventAtAnotherRateOrNotInTheFormatList() {
    String offer =
        "v=0\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0 101\r\n"
            + "a=rtpmap:101 telephone-event/48000\r\na=rtpmap:102 telephone-event/8000\r\n";

    Sdp.Accepted accepted = (Sdp.Accepted) Sdp.answer(offer, "127.0.0.1", 40000, 1);

    assertThat(accepted.telephoneEvent()).isEmpty();
  }

  @Test
  void refusesAnOfferWithoutPcmuWith488() {
    String offer = "v=0\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 8 101\r\n";

    assertThat(Sdp.answer(offer, "127.0.0.1", 40000, 1))
        .isEqualTo(new Sdp.Rejected(488, "PCMU not offered"));
  }

  @Test
  void refusesVideoOnlyAndSecureProfilesWith488() {
    String video = "v=0\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=video 4000 RTP/AVP 96\r\n";
    String srtp = "v=0\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/SAVP 0\r\n";

    assertThat(Sdp.answer(video, "127.0.0.1", 40000, 1)).isInstanceOf(Sdp.Rejected.class);
    assertThat(((Sdp.Rejected) Sdp.answer(srtp, "127.0.0.1", 40000, 1)).status()).isEqualTo(488);
  }

  @Test
  void refusesAMissingOrUnreadableOfferWith400() {
    assertThat(((Sdp.Rejected) Sdp.answer(null, "127.0.0.1", 40000, 1)).status()).isEqualTo(400);
    assertThat(((Sdp.Rejected) Sdp.answer("  ", "127.0.0.1", 40000, 1)).status()).isEqualTo(400);
    assertThat(
            ((Sdp.Rejected) Sdp.answer("v=0\r\nm=audio lots RTP/AVP 0\r\n", "127.0.0.1", 40000, 1))
                .status())
        .isEqualTo(400);
    // No connection address anywhere.
    assertThat(
            ((Sdp.Rejected) Sdp.answer("v=0\r\nm=audio 4000 RTP/AVP 0\r\n", "127.0.0.1", 40000, 1))
                .status())
        .isEqualTo(400);
  }

  @Test
  void refusesADeclinedStreamWith488() {
    String offer = "v=0\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 0 RTP/AVP 0\r\n";

    assertThat(((Sdp.Rejected) Sdp.answer(offer, "127.0.0.1", 40000, 1)).status()).isEqualTo(488);
  }
}
