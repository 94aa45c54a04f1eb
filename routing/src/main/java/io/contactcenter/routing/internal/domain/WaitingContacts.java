package io.contactcenter.routing.internal.domain;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The waiting contacts in the global order, and the same contacts per queue in that order, so a
 * routing pass reads only the queues its free agents can serve.
 */
final class WaitingContacts {

  /** Higher priority first, then earlier original enqueue time, then arrival sequence. */
  static final Comparator<Contact> GLOBAL_ORDER =
      Comparator.comparingInt(Contact::priority)
          .reversed()
          .thenComparing(Contact::enqueuedAt)
          .thenComparingLong(Contact::sequence);

  private final TreeSet<Contact> all = new TreeSet<>(GLOBAL_ORDER);
  private final Map<QueueId, TreeSet<Contact>> byQueue = new HashMap<>();
  private final Map<ContactId, Contact> byId = new HashMap<>();

  void add(Contact contact) {
    all.add(contact);
    byQueue.computeIfAbsent(contact.queue(), q -> new TreeSet<>(GLOBAL_ORDER)).add(contact);
    byId.put(contact.id(), contact);
  }

  void remove(Contact contact) {
    all.remove(contact);
    byQueue.get(contact.queue()).remove(contact);
    byId.remove(contact.id());
  }

  /** After the contact was removed from its queue's order through that order's iterator. */
  void removeFromGlobalOrder(Contact contact) {
    all.remove(contact);
    byId.remove(contact.id());
  }

  Contact get(ContactId id) {
    return byId.get(id);
  }

  boolean contains(ContactId id) {
    return byId.containsKey(id);
  }

  boolean isEmpty() {
    return byId.isEmpty();
  }

  List<Contact> inOrder() {
    return List.copyOf(all);
  }

  /** The queue's waiting contacts in the global order; read-only for callers. */
  NavigableSet<Contact> of(QueueId queue) {
    TreeSet<Contact> contacts = byQueue.get(queue);
    return contacts == null ? new TreeSet<>(GLOBAL_ORDER) : contacts;
  }
}
