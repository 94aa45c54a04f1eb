package io.contactcenter.app.web;

import io.contactcenter.tickets.CustomerMessageGateways;
import io.contactcenter.tickets.Ticket;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webhook email and SMS gateways post customer messages to. It signs in no one: the call
 * carries its own credential, the gateway's HMAC signature over the exact body (ADR 0027), so the
 * body is taken as bytes, untouched.
 */
@RestController
@Tag(name = "tickets", description = "Tickets from every channel, with SLA clocks")
class TicketInboundController {

  private final CustomerMessageGateways gateways;

  TicketInboundController(CustomerMessageGateways gateways) {
    this.gateways = gateways;
  }

  @Operation(
      summary = "A customer's message from an email or SMS gateway (signed webhook)",
      description =
          "Body: {\"messageId\", \"ticketId\", \"text\"}. Headers: X-CC-Timestamp (epoch seconds)"
              + " and X-CC-Signature: sha256=<hex HMAC-SHA256 of \"<timestamp>.<body>\"> with the"
              + " gateway's secret. 201 when added (a waiting or solved ticket reopens; a closed"
              + " one gets a follow-up, which is returned), 200 when this message id came"
              + " before, 401 for a missing, stale or forged signature.")
  @PostMapping("/api/v1/tickets/inbound/{gateway}")
  ResponseEntity<Ticket> receive(
      @PathVariable String gateway,
      @RequestHeader(name = "X-CC-Timestamp", required = false) String timestamp,
      @RequestHeader(name = "X-CC-Signature", required = false) String signature,
      @RequestBody(required = false) byte[] body) {
    CustomerMessageGateways.Received received =
        gateways.receive(
            gateway,
            timestamp,
            signature,
            body == null ? "" : new String(body, StandardCharsets.UTF_8));
    return ResponseEntity.status(received.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
        .body(received.ticket());
  }
}
