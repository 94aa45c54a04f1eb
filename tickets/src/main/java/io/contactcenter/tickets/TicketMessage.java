package io.contactcenter.tickets;

/**
 * Text written on a ticket: a reply to the customer, an internal note, or the customer's message.
 *
 * @param text 1-10,000 characters, kept as typed (never interpreted as HTML)
 * @param author a user name or a system ({@code chat}, {@code email})
 */
public record TicketMessage(String text, String author) {

  public TicketMessage {
    text = Texts.required("text", text, 10_000);
    author = Texts.name("author", author);
  }
}
