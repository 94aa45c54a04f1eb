package io.contactcenter.routing;

/** The agent holds no such offer or contact (it rang out, was withdrawn or never existed). */
public class ContactNotOfferedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ContactNotOfferedException(String message) {
    super(message);
  }
}
