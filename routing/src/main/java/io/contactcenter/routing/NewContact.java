package io.contactcenter.routing;

/**
 * A call, chat or ticket to be given to an agent.
 *
 * @param channel how the customer reached us
 * @param reference the channel's own id (a call's Asterisk unique id, a chat id, a ticket id)
 * @param queue the queue's id, e.g. {@code support}
 * @param vip whether the customer is a VIP (ahead of everyone else of the same weight)
 * @param customer who the customer is, for the agent's screen ({@code ""} when unknown); never a
 *     raw phone number in logs
 * @param weight 0 to 50, added to the contact's priority (vip, channel and queue weights): how the
 *     channel ranks its own contacts, e.g. a ticket's urgency
 */
public record NewContact(
    ContactChannel channel,
    String reference,
    String queue,
    boolean vip,
    String customer,
    int weight) {

  public NewContact {
    if (channel == null) {
      throw new IllegalArgumentException("a contact needs a channel (VOICE, CHAT or TICKET)");
    }
    if (reference == null || reference.isBlank()) {
      throw new IllegalArgumentException("a contact needs its channel's id as reference");
    }
    if (reference.length() > 150) {
      throw new IllegalArgumentException("a contact's reference must be at most 150 characters");
    }
    if (queue == null || queue.isBlank()) {
      throw new IllegalArgumentException("a contact needs a queue");
    }
    customer = customer == null ? "" : customer;
    if (weight < 0 || weight > 50) {
      throw new IllegalArgumentException("a contact's weight must be 0 to 50, not " + weight);
    }
  }

  public NewContact(
      ContactChannel channel, String reference, String queue, boolean vip, String customer) {
    this(channel, reference, queue, vip, customer, 0);
  }

  public NewContact(ContactChannel channel, String reference, String queue, boolean vip) {
    this(channel, reference, queue, vip, "", 0);
  }

  public ContactId id() {
    return ContactId.of(channel, reference);
  }
}
