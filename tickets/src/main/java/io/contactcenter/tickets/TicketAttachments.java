package io.contactcenter.tickets;

import java.util.List;
import java.util.Optional;

/**
 * Photos on tickets (a broken parcel, a wrong item). What is stored is decided by the content, not
 * the name or the client's content type: JPEG and PNG only, within the size limit, with their
 * metadata (EXIF and its GPS position, XMP, comments, PNG text) removed before storing.
 *
 * <p>Thread-safe. {@link TicketNotFoundException} for an unknown ticket; {@link
 * AttachmentRejectedException} for an upload that is not kept.
 */
public interface TicketAttachments {

  /**
   * Stores the photo on the ticket and notes it in the ticket's history.
   *
   * @param fileName as uploaded; kept only for display and download (1-200 characters, no path)
   * @param author the user attaching it
   */
  TicketAttachment attach(String ticketId, String fileName, byte[] content, String author);

  /** The ticket's photos, oldest first. */
  List<TicketAttachment> list(String ticketId);

  /** One photo with its bytes, if it belongs to this ticket. */
  Optional<Photo> photo(String ticketId, String attachmentId);

  /** A stored photo and its bytes. */
  record Photo(TicketAttachment attachment, byte[] bytes) {}
}
