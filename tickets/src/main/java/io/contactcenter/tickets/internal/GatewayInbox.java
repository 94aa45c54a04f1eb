package io.contactcenter.tickets.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.common.InvalidInputException;
import io.contactcenter.tickets.CustomerMessageGateways;
import io.contactcenter.tickets.InboundMessageRejectedException;
import io.contactcenter.tickets.InboundMessageRejectedException.Reason;
import io.contactcenter.tickets.Ticket;
import io.contactcenter.tickets.TicketDetails;
import io.contactcenter.tickets.TicketMessage;
import io.contactcenter.tickets.TicketNotFoundException;
import io.contactcenter.tickets.internal.domain.WebhookSignature;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The gateways' webhook: the signature and the timestamp are checked before the body is read, the
 * message id is taken in {@code ticket_inbound_message} in the same transaction as the message is
 * added, so a retry or a replay within the time window adds nothing twice.
 */
class GatewayInbox implements CustomerMessageGateways {

  private static final Logger log = LoggerFactory.getLogger(GatewayInbox.class);
  private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9.:_@-]{1,100}");
  private static final Pattern TICKET_ID = Pattern.compile("[A-Za-z0-9-]{1,40}");

  private final JdbcClient jdbc;
  private final TicketService desk;
  private final TicketProperties.Inbound config;
  private final TransactionTemplate tx;
  private final Clock clock;

  GatewayInbox(
      JdbcClient jdbc,
      TicketService desk,
      TicketProperties.Inbound config,
      TransactionTemplate tx,
      Clock clock) {
    this.jdbc = jdbc;
    this.desk = desk;
    this.config = config;
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public Received receive(String gateway, String timestamp, String signature, String body) {
    TicketProperties.Gateway known = gateway == null ? null : config.gateways().get(gateway);
    if (known == null) {
      throw new InboundMessageRejectedException(
          Reason.UNKNOWN_GATEWAY, "no gateway '" + gateway + "' is configured");
    }
    if (timestamp == null || signature == null || signature.isBlank()) {
      throw new InboundMessageRejectedException(
          Reason.NO_SIGNATURE, "X-CC-Timestamp and X-CC-Signature are required");
    }
    long sent;
    try {
      sent = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      throw new InboundMessageRejectedException(
          Reason.STALE_TIMESTAMP, "X-CC-Timestamp must be epoch seconds");
    }
    long now = clock.instant().getEpochSecond();
    if (Math.abs(now - sent) > config.maxSkew().toSeconds()) {
      log.warn("gateway {}: a call {} s away from now was refused", gateway, now - sent);
      throw new InboundMessageRejectedException(
          Reason.STALE_TIMESTAMP, "X-CC-Timestamp is too far from now (a replay?)");
    }
    String raw = body == null ? "" : body;
    if (!WebhookSignature.verify(known.secret(), sent, raw, signature.strip())) {
      log.warn("gateway {}: a call with a wrong signature was refused", gateway);
      throw new InboundMessageRejectedException(
          Reason.BAD_SIGNATURE, "X-CC-Signature does not match the body");
    }
    JsonNode message = parse(raw);
    String messageId = field(message, "messageId", MESSAGE_ID);
    String ticketId = field(message, "ticketId", TICKET_ID);
    JsonNode text = message.get("text");
    TicketMessage customerWrote =
        new TicketMessage(text != null && text.isTextual() ? text.asText() : null, gateway);
    return tx.execute(
        status -> {
          int taken =
              jdbc.sql(
                      "INSERT INTO ticket_inbound_message (gateway, message_id, ticket_id,"
                          + " received_at) VALUES (:gateway, :id, :ticket, :at)"
                          + " ON CONFLICT DO NOTHING")
                  .param("gateway", gateway)
                  .param("id", messageId)
                  .param("ticket", ticketId)
                  .param("at", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
                  .update();
          if (taken == 0) {
            String reached =
                jdbc.sql(
                        "SELECT coalesce(reached_ticket_id, ticket_id) FROM ticket_inbound_message"
                            + " WHERE gateway = :gateway AND message_id = :id")
                    .param("gateway", gateway)
                    .param("id", messageId)
                    .query(String.class)
                    .single();
            log.info("gateway {}: message delivered again, nothing added", gateway);
            return new Received(ticket(reached), true);
          }
          Ticket reached = desk.customerMessage(ticketId, customerWrote);
          jdbc.sql(
                  "UPDATE ticket_inbound_message SET reached_ticket_id = :reached"
                      + " WHERE gateway = :gateway AND message_id = :id")
              .param("reached", reached.ticketId())
              .param("gateway", gateway)
              .param("id", messageId)
              .update();
          return new Received(reached, false);
        });
  }

  private Ticket ticket(String ticketId) {
    return desk.find(ticketId)
        .map(TicketDetails::ticket)
        .orElseThrow(() -> new TicketNotFoundException(ticketId));
  }

  private static JsonNode parse(String body) {
    JsonNode node;
    try {
      node = FieldValuesJson.JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw invalid("a JSON object");
    }
    if (node == null || !node.isObject()) {
      throw invalid("a JSON object");
    }
    return node;
  }

  private static String field(JsonNode message, String name, Pattern form) {
    JsonNode value = message.get(name);
    if (value == null || !value.isTextual() || !form.matcher(value.asText()).matches()) {
      throw invalid(name);
    }
    return value.asText();
  }

  private static InvalidInputException invalid(String what) {
    return new InvalidInputException(
        "problem.ticket-inbound.body",
        "the gateway's message must be a JSON object with messageId, ticketId and text; wrong or"
            + " missing: "
            + what,
        what);
  }
}
