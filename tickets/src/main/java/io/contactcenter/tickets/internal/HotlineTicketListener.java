package io.contactcenter.tickets.internal;

import io.contactcenter.common.InvalidPhoneNumberException;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.ivr.HotlineMessageLeft;
import io.contactcenter.tickets.OpenTicketRequest;
import io.contactcenter.tickets.SourceKind;
import io.contactcenter.tickets.TicketCategory;
import io.contactcenter.tickets.TicketChannel;
import io.contactcenter.tickets.TicketDesk;
import io.contactcenter.tickets.TicketOpening;
import io.contactcenter.tickets.TicketSource;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Turns a number left at the closed hotline ({@link HotlineMessageLeft}) into a callback ticket
 * linked to the IVR session and the call. Idempotent: the session id is the ticket's source, so a
 * redelivered event (the publication registry retries until this succeeds) finds the ticket it
 * opened and changes nothing; the same caller leaving a number again within the duplicate window is
 * merged into their open callback ticket.
 */
class HotlineTicketListener {

  private static final Logger log = LoggerFactory.getLogger(HotlineTicketListener.class);

  /** Both languages: the subject is stored data, shown as typed to agents of either language. */
  static final String SUBJECT = "来电留言，请回电 / Hotline message: please call back";

  private final TicketDesk desk;
  private final String countryCode;

  HotlineTicketListener(TicketDesk desk, String countryCode) {
    this.desk = desk;
    this.countryCode = countryCode;
  }

  @ApplicationModuleListener
  public void on(HotlineMessageLeft left) {
    TicketOpening opening = desk.open(request(left, countryCode));
    log.info(
        "hotline message of IVR session {}: ticket {} ({})",
        left.sessionId(),
        opening.ticket().ticketId(),
        opening.outcome());
  }

  /**
   * The ticket for a message: the customer is the caller's own number, else the number they keyed
   * (national numbers get {@code countryCode}); the description carries the number to call, the
   * call and the session.
   */
  static OpenTicketRequest request(HotlineMessageLeft left, String countryCode) {
    Optional<PhoneNumber> caller = e164(left.callerNumber());
    Optional<PhoneNumber> callback = callbackNumber(left.callbackNumber(), countryCode);
    StringBuilder description = new StringBuilder();
    description.append("callback number / 回电号码: ").append(left.callbackNumber());
    callback
        .filter(n -> !n.e164().equals(left.callbackNumber()))
        .ifPresent(n -> description.append(" (").append(n.e164()).append(')'));
    description.append('\n');
    description
        .append("caller / 来电号码: ")
        .append(caller.map(PhoneNumber::e164).orElse("withheld / 未显示"))
        .append('\n');
    description.append("call: ").append(left.callId()).append('\n');
    description.append("IVR session: ").append(left.sessionId()).append('\n');
    description.append("left at: ").append(left.at());
    return new OpenTicketRequest(
        SUBJECT,
        description.toString(),
        caller.or(() -> callback).orElse(null),
        null,
        null,
        TicketChannel.PHONE,
        new TicketSource(SourceKind.IVR_SESSION, left.sessionId()),
        TicketCategory.CALLBACK,
        null,
        List.of("hotline", "callback"),
        null,
        "ivr");
  }

  /**
   * The keyed number in E.164: {@code 00} starts an international number, a leading {@code 0} is
   * the national trunk prefix, anything else is a national number; empty when that is no phone
   * number.
   */
  static Optional<PhoneNumber> callbackNumber(String keyed, String countryCode) {
    if (keyed == null) {
      return Optional.empty();
    }
    String digits = keyed.replaceAll("[^0-9]", "");
    String international;
    if (digits.startsWith("00")) {
      international = "+" + digits.substring(2);
    } else if (digits.startsWith("0")) {
      international = "+" + countryCode + digits.substring(1);
    } else {
      international = "+" + countryCode + digits;
    }
    return e164(international);
  }

  private static Optional<PhoneNumber> e164(String number) {
    if (number == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(PhoneNumber.parse(number));
    } catch (InvalidPhoneNumberException notANumber) {
      return Optional.empty();
    }
  }
}
