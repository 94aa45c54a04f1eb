package io.contactcenter.app.web;

import io.contactcenter.asrtts.ReplyClassifier;
import io.contactcenter.asrtts.ReplyRequest;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.tickets.CustomerTier;
import io.contactcenter.tickets.OpenTicketRequest;
import io.contactcenter.tickets.SlaClock;
import io.contactcenter.tickets.SourceKind;
import io.contactcenter.tickets.TagChange;
import io.contactcenter.tickets.Ticket;
import io.contactcenter.tickets.TicketCategory;
import io.contactcenter.tickets.TicketChannel;
import io.contactcenter.tickets.TicketDesk;
import io.contactcenter.tickets.TicketDetails;
import io.contactcenter.tickets.TicketEntry;
import io.contactcenter.tickets.TicketMessage;
import io.contactcenter.tickets.TicketNotFoundException;
import io.contactcenter.tickets.TicketOpening;
import io.contactcenter.tickets.TicketPriority;
import io.contactcenter.tickets.TicketSource;
import io.contactcenter.tickets.TicketStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Tickets for agents, supervisors and the shop's systems: open, list, work. */
@RestController
@Tag(name = "tickets", description = "Tickets from every channel, with SLA clocks")
class TicketsController {

  private final TicketDesk desk;
  private final ReplyClassifier classifier;
  private final TicketCalls calls;

  TicketsController(TicketDesk desk, ReplyClassifier classifier, TicketCalls calls) {
    this.desk = desk;
    this.classifier = classifier;
    this.calls = calls;
  }

  /**
   * @param customerPhone E.164, e.g. +8613800138000
   * @param sourceKind what {@code sourceRef} is (SHOP_REQUEST for the shop, AGENT by hand)
   * @param sourceRef the caller's own id: opening again with it returns the same ticket
   * @param category null: suggested from the subject and description by the robot's reply
   *     classifier (a complaint, a question, a call-back), else {@code OTHER}
   * @param fields custom field values of the category by key, as text (checked as on {@code PUT
   *     /api/v1/tickets/{id}/fields}; a problem is a 422 naming the field)
   */
  record OpenBody(
      String subject,
      String description,
      String customerPhone,
      String customerRef,
      CustomerTier tier,
      TicketChannel channel,
      SourceKind sourceKind,
      String sourceRef,
      TicketCategory category,
      TicketPriority priority,
      List<String> tags,
      String group,
      Map<String, String> fields) {}

  @Operation(
      summary = "Open a ticket (idempotent per source; a duplicate is merged)",
      description =
          "201 with outcome OPENED; 200 with ALREADY_OPENED when this source opened one before,"
              + " or MERGED when the same customer asked the same within the duplicate window"
              + " (its values fill the merged ticket's empty fields). Custom field values are"
              + " checked as when saved: 422 ticket-fields-rejected naming every field.")
  @PostMapping("/api/v1/tickets")
  ResponseEntity<TicketOpening> open(@RequestBody OpenBody body, Authentication user) {
    if (body == null) {
      throw new IllegalArgumentException("a ticket is required");
    }
    TicketOpening opening =
        desk.open(
            new OpenTicketRequest(
                body.subject(),
                body.description(),
                body.customerPhone() == null || body.customerPhone().isBlank()
                    ? null
                    : PhoneNumber.parse(body.customerPhone()),
                body.customerRef(),
                body.tier(),
                body.channel() == null ? TicketChannel.AGENT : body.channel(),
                new TicketSource(
                    body.sourceKind() == null ? SourceKind.AGENT : body.sourceKind(),
                    body.sourceRef()),
                body.category() != null
                    ? body.category()
                    : suggestedCategory(body.subject(), body.description()),
                body.priority(),
                body.tags(),
                body.group(),
                user.getName(),
                body.fields()));
    return ResponseEntity.status(
            opening.outcome() == TicketOpening.Outcome.OPENED ? HttpStatus.CREATED : HttpStatus.OK)
        .body(opening);
  }

  @Operation(summary = "My tickets (assignee=me, the default) or a group's active tickets")
  @GetMapping("/api/v1/tickets")
  List<Ticket> list(
      @RequestParam(required = false) String group,
      @RequestParam(defaultValue = "50") int limit,
      Authentication user) {
    if (limit < 1 || limit > 200) {
      throw new IllegalArgumentException("limit must be between 1 and 200, was " + limit);
    }
    return group == null ? desk.assignedTo(user.getName(), limit) : desk.inGroup(group, limit);
  }

  /**
   * A ticket for its page: {@link TicketDetails} and the link to the recording of the call it came
   * from.
   *
   * @param recording where the recording of the ticket's call plays from ({@code
   *     /api/v1/tickets/{id}/recording}); null when the ticket came from no recorded call
   */
  record TicketView(
      Ticket ticket,
      List<TicketEntry> history,
      List<SlaClock> sla,
      List<Ticket> children,
      String recording) {}

  @Operation(summary = "A ticket with its history, SLA clocks, child tickets and call recording")
  @GetMapping("/api/v1/tickets/{id}")
  TicketView one(@PathVariable String id, Authentication user) {
    TicketDetails details = desk.find(id).orElseThrow(() -> new TicketNotFoundException(id));
    return new TicketView(
        details.ticket(),
        details.history(),
        details.sla(),
        details.children(),
        calls.recordingLink(details.ticket(), user.getName(), Navigation.roles(user)).orElse(null));
  }

  @Operation(
      summary = "The recording of the call the ticket came from (WAV)",
      description =
          "The answered call of the robot attempt, or the call, that opened it: for the agent the"
              + " ticket is assigned to, supervisors and admins (403 for other agents). 404 when"
              + " the ticket is unknown or came from no recorded call.")
  @GetMapping(path = "/api/v1/tickets/{id}/recording", produces = "audio/wav")
  ResponseEntity<Resource> recording(@PathVariable String id, Authentication user) {
    Ticket ticket = desk.find(id).orElseThrow(() -> new TicketNotFoundException(id)).ticket();
    if (!TicketCalls.mayPlay(ticket, user.getName(), Navigation.roles(user))) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "only the ticket's assignee, supervisors and admins play its call");
    }
    return calls
        .recordingOf(ticket)
        .<ResponseEntity<Resource>>map(
            file ->
                ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("audio/wav"))
                    .body(new FileSystemResource(file)))
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "ticket " + id + " has no call recording"));
  }

  /** A reply, a note or a customer's message: its text. */
  record TextBody(String text) {}

  @Operation(summary = "Reply to the customer (stops the response clocks)")
  @PostMapping("/api/v1/tickets/{id}/replies")
  Ticket reply(@PathVariable String id, @RequestBody TextBody body, Authentication user) {
    return desk.reply(id, new TicketMessage(text(body), user.getName()));
  }

  @Operation(summary = "Add an internal note (the customer never sees it; stops no clock)")
  @PostMapping("/api/v1/tickets/{id}/notes")
  Ticket note(@PathVariable String id, @RequestBody TextBody body, Authentication user) {
    return desk.note(id, new TicketMessage(text(body), user.getName()));
  }

  @Operation(
      summary = "The customer wrote (a gateway or chat): reopens; a closed ticket gets a follow-up")
  @PostMapping("/api/v1/tickets/{id}/customer-messages")
  Ticket customerMessage(@PathVariable String id, @RequestBody TextBody body, Authentication user) {
    return desk.customerMessage(id, new TicketMessage(text(body), user.getName()));
  }

  /** The status to change to. */
  record StatusBody(TicketStatus status) {}

  @Operation(summary = "Change the status (409 when the ticket's status does not allow it)")
  @PostMapping("/api/v1/tickets/{id}/status")
  Ticket status(@PathVariable String id, @RequestBody StatusBody body, Authentication user) {
    if (body == null || body.status() == null) {
      throw new IllegalArgumentException(
          "status is required: OPEN, PENDING_CUSTOMER, PENDING_THIRD_PARTY, SOLVED or CLOSED");
    }
    return desk.changeStatus(id, body.status(), user.getName());
  }

  /** Who to assign; null hands the ticket to its group's assignment again. */
  record AssigneeBody(String assignee) {}

  @Operation(summary = "Assign to a user (null: the group's assignment chooses)")
  @PostMapping("/api/v1/tickets/{id}/assignee")
  Ticket assign(@PathVariable String id, @RequestBody AssigneeBody body, Authentication user) {
    return desk.assign(id, body == null ? null : body.assignee(), user.getName());
  }

  /** Tags to add and to remove; either may be left out. */
  record TagsBody(List<String> add, List<String> remove) {}

  @Operation(
      summary = "Add and remove tags",
      description =
          "Each tag as when opening: 1-40 letters, digits, _ or -, lower-cased; at most 20 on a"
              + " ticket. 400 naming the tag that is wrong (or when nothing is to change), 409 when"
              + " the ticket is closed. Recorded in the history (TAGS_CHANGED) and published on"
              + " cc.tickets.tags-changed.v1; adding a tag the ticket has changes nothing.")
  @PatchMapping("/api/v1/tickets/{id}/tags")
  Ticket tags(
      @PathVariable String id, @RequestBody(required = false) TagsBody body, Authentication user) {
    TagChange change =
        body == null ? new TagChange(null, null) : new TagChange(body.add(), body.remove());
    return desk.changeTags(id, change, user.getName());
  }

  /**
   * The category the text suggests, by the same classifier that labels what callees tell the robot
   * (ADR 0027): a complaint, a question, a call-back; null (OTHER) for anything else or a text it
   * cannot take. It reads the first {@link ReplyRequest#MAX_LENGTH} characters.
   */
  private TicketCategory suggestedCategory(String subject, String description) {
    String text =
        ((subject == null ? "" : subject) + (description == null ? "" : "\n" + description))
            .strip();
    if (text.isEmpty()) {
      return null;
    }
    if (text.length() > ReplyRequest.MAX_LENGTH) {
      int end = ReplyRequest.MAX_LENGTH;
      if (Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      text = text.substring(0, end);
    }
    try {
      return switch (classifier.classify(new ReplyRequest(text, null, null, null)).label()) {
        case COMPLAINT -> TicketCategory.COMPLAINT;
        case QUESTION -> TicketCategory.QUESTION;
        case CALL_BACK_LATER, REQUEST_HUMAN -> TicketCategory.CALLBACK;
        case AGREE, ALREADY_DONE, REFUSE, WRONG_PERSON, DO_NOT_CALL, UNKNOWN -> null;
      };
    } catch (IllegalArgumentException e) {
      return null; // the request names its own problem when it is built below
    }
  }

  private static String text(TextBody body) {
    if (body == null) {
      throw new IllegalArgumentException("text is required");
    }
    return body.text();
  }
}
