package io.contactcenter.tickets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.common.PhoneNumber;
import io.contactcenter.ivr.HotlineMessageLeft;
import io.contactcenter.tickets.OpenTicketRequest;
import io.contactcenter.tickets.SourceKind;
import io.contactcenter.tickets.TicketCategory;
import io.contactcenter.tickets.TicketChannel;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HotlineTicketListenerTest {

  static final Instant AT = Instant.parse("2026-12-03T14:30:00Z");
  static final String SESSION = "0b8f2c4e-3d7a-4c55-9a57-2f0e9b1d6c11";

  @Test
  void aNumberLeftAfterHoursBecomesACallbackTicketOfTheCallerLinkedToTheSession() {
    OpenTicketRequest r =
        HotlineTicketListener.request(
            new HotlineMessageLeft(SESSION, "1764772200.17", "13800138000", "+8613900139000", AT),
            "86");

    assertThat(r.category()).isEqualTo(TicketCategory.CALLBACK);
    assertThat(r.channel()).isEqualTo(TicketChannel.PHONE);
    assertThat(r.source().kind()).isEqualTo(SourceKind.IVR_SESSION);
    assertThat(r.source().ref()).isEqualTo(SESSION);
    // The customer is who called; the number to call back is in the description.
    assertThat(r.customerPhone()).isEqualTo(PhoneNumber.parse("+8613900139000"));
    assertThat(r.description())
        .contains("13800138000 (+8613800138000)")
        .contains("call: 1764772200.17")
        .contains("IVR session: " + SESSION);
    assertThat(r.tags()).containsExactly("hotline", "callback");
    assertThat(r.openedBy()).isEqualTo("ivr");
  }

  @Test
  void aWithheldCallerIsFoundByTheNumberTheyKeyed() {
    OpenTicketRequest r =
        HotlineTicketListener.request(
            new HotlineMessageLeft(SESSION, "1764772200.18", "13800138000", null, AT), "86");

    assertThat(r.customerPhone()).isEqualTo(PhoneNumber.parse("+8613800138000"));
    assertThat(r.description()).contains("withheld");
  }

  @Test
  void neitherNumberUsableStillOpensATicketFoundThroughTheSession() {
    OpenTicketRequest r =
        HotlineTicketListener.request(
            new HotlineMessageLeft(SESSION, "1764772200.19", "12", null, AT), "86");

    assertThat(r.customerPhone()).isNull();
    assertThat(r.description()).contains("callback number / 回电号码: 12\n");
  }

  @Test
  void keyedNumbersAreReadAsNationalWithTrunkPrefixOrInternationalWithZeroZero() {
    assertThat(HotlineTicketListener.callbackNumber("13800138000", "86"))
        .contains(PhoneNumber.parse("+8613800138000"));
    assertThat(HotlineTicketListener.callbackNumber("01088886666", "86"))
        .contains(PhoneNumber.parse("+861088886666"));
    assertThat(HotlineTicketListener.callbackNumber("0044207946000", "86"))
        .contains(PhoneNumber.parse("+44207946000"));
    assertThat(HotlineTicketListener.callbackNumber("*#", "86")).isEmpty();
    assertThat(HotlineTicketListener.callbackNumber(null, "86")).isEmpty();
  }
}
