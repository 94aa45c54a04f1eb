package io.contactcenter.tickets;

/** An upload that is not kept on the ticket; {@link #reason()} says which rule refused it. */
public class AttachmentRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Which rule refused it. */
  public enum Reason {
    /** The content is no JPEG or PNG photo, or is malformed. */
    NOT_A_PHOTO,
    /** Over the size limit. */
    TOO_LARGE,
    /** The ticket already has as many photos as allowed. */
    TOO_MANY
  }

  private final Reason reason;

  public AttachmentRejectedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
