package io.contactcenter.tickets.internal;

import io.contactcenter.tickets.AttachmentRejectedException;
import io.contactcenter.tickets.EntryKind;
import io.contactcenter.tickets.TicketAttachment;
import io.contactcenter.tickets.TicketAttachments;
import io.contactcenter.tickets.TicketNotFoundException;
import io.contactcenter.tickets.internal.domain.PhotoSanitizer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Photos on tickets: checked and stripped by {@link PhotoSanitizer} before anything is stored, then
 * stored with a history note in one transaction with the ticket locked (the per-ticket limit holds
 * under concurrent uploads).
 */
class AttachmentDesk implements TicketAttachments {

  private static final Logger log = LoggerFactory.getLogger(AttachmentDesk.class);
  private static final Pattern AUTHOR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");

  private final JdbcTickets tickets;
  private final JdbcTicketHistory history;
  private final JdbcTicketAttachments store;
  private final TicketProperties.Attachments limits;
  private final TransactionTemplate tx;
  private final Clock clock;

  AttachmentDesk(
      JdbcTickets tickets,
      JdbcTicketHistory history,
      JdbcTicketAttachments store,
      TicketProperties.Attachments limits,
      TransactionTemplate tx,
      Clock clock) {
    this.tickets = tickets;
    this.history = history;
    this.store = store;
    this.limits = limits;
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public TicketAttachment attach(String ticketId, String fileName, byte[] content, String author) {
    if (author == null || !AUTHOR.matcher(author).matches()) {
      throw new IllegalArgumentException("author must be 1-100 letters, digits or . _ @ -");
    }
    String name = fileName(fileName);
    long max = limits.maxSize().toBytes();
    if (content != null && content.length > max) {
      throw new AttachmentRejectedException(
          AttachmentRejectedException.Reason.TOO_LARGE,
          "the photo is " + content.length + " bytes; at most " + max + " are allowed");
    }
    PhotoSanitizer.Clean clean =
        switch (PhotoSanitizer.sanitize(content)) {
          case PhotoSanitizer.Clean c -> c;
          case PhotoSanitizer.Rejected r ->
              throw new AttachmentRejectedException(
                  AttachmentRejectedException.Reason.NOT_A_PHOTO, r.reason());
        };
    return tx.execute(
        status -> {
          if (tickets.lockRow(ticketId).isEmpty()) {
            throw new TicketNotFoundException(ticketId);
          }
          if (store.count(ticketId) >= limits.maxPerTicket()) {
            throw new AttachmentRejectedException(
                AttachmentRejectedException.Reason.TOO_MANY,
                "ticket " + ticketId + " has " + limits.maxPerTicket() + " photos already");
          }
          Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
          TicketAttachment attachment =
              new TicketAttachment(
                  "A-" + UUID.randomUUID(),
                  ticketId,
                  name,
                  clean.contentType(),
                  clean.bytes().length,
                  author,
                  now);
          store.insert(attachment, clean.bytes());
          history.append(
              ticketId,
              EntryKind.NOTE,
              now,
              author,
              "photo attached / 已附图片: " + name + " (" + attachment.attachmentId() + ")",
              null,
              false);
          tickets.touch(ticketId, now);
          log.info(
              "ticket {}: photo {} attached ({} bytes kept of {})",
              ticketId,
              attachment.attachmentId(),
              clean.bytes().length,
              content.length);
          return attachment;
        });
  }

  @Override
  public List<TicketAttachment> list(String ticketId) {
    if (tickets.find(ticketId).isEmpty()) {
      throw new TicketNotFoundException(ticketId);
    }
    return store.of(ticketId);
  }

  @Override
  public Optional<Photo> photo(String ticketId, String attachmentId) {
    return store.photo(ticketId, attachmentId);
  }

  /** The name without any path, control characters or quotes; "photo" when nothing is left. */
  static String fileName(String uploaded) {
    String name = uploaded == null ? "" : uploaded;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
    if (name.isEmpty()) {
      return "photo";
    }
    return name.codePointCount(0, name.length()) <= 200
        ? name
        : name.substring(0, name.offsetByCodePoints(0, 200));
  }
}
