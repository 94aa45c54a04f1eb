package io.contactcenter.tickets;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a ticket list shows; every criterion given must match (null or empty: any). Validates
 * itself: a problem is an {@link IllegalArgumentException} naming the criterion.
 *
 * @param statuses any of these statuses
 * @param group the ticket's group
 * @param mine only tickets assigned to the user looking at the list (so a shared view shows each
 *     agent their own)
 * @param priority the ticket's current priority
 * @param category the ticket's category
 * @param tag a tag the ticket has
 * @param sla the state of the ticket's SLA clocks
 * @param text a part of the subject, or the whole ticket id (at most 200 characters)
 * @param fieldKey a custom field's key; with {@code fieldValue}, the field must have exactly that
 *     value (numbers compare as numbers: {@code 12.5} finds {@code 12.50})
 * @param fieldValue the custom field's value
 * @param myGroups only tickets of the groups the user looking supervises ({@link
 *     TicketDesk#groupsSupervisedBy}); none when they supervise no group
 */
public record TicketFilter(
    List<TicketStatus> statuses,
    String group,
    boolean mine,
    TicketPriority priority,
    TicketCategory category,
    String tag,
    SlaState sla,
    String text,
    String fieldKey,
    String fieldValue,
    boolean myGroups) {

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");

  /** The SLA criteria of a list. */
  public enum SlaState {
    /** A clock has breached (or is past due right now). */
    BREACHED,
    /** A running clock falls due within the desk's "due soon" window and none has breached. */
    DUE_SOON
  }

  public TicketFilter {
    statuses = statuses == null ? List.of() : List.copyOf(new LinkedHashSet<>(statuses));
    group = group == null || group.isBlank() ? null : Texts.name("group", group.strip());
    tag = tag == null || tag.isBlank() ? null : Texts.tags(List.of(tag.strip())).get(0);
    text = Texts.optional("text", text, 200);
    fieldKey = fieldKey == null || fieldKey.isBlank() ? null : fieldKey.strip();
    fieldValue = Texts.optional("value", fieldValue, 1000);
    if (fieldKey != null && !KEY.matcher(fieldKey).matches()) {
      throw new IllegalArgumentException(
          "field must be a custom field's key: 1-40 of a-z, 0-9 and _, starting with a letter");
    }
    if ((fieldKey == null) != (fieldValue == null)) {
      throw new IllegalArgumentException("field and value go together: give both or neither");
    }
  }

  /** A filter without the "my groups" criterion. */
  public TicketFilter(
      List<TicketStatus> statuses,
      String group,
      boolean mine,
      TicketPriority priority,
      TicketCategory category,
      String tag,
      SlaState sla,
      String text,
      String fieldKey,
      String fieldValue) {
    this(statuses, group, mine, priority, category, tag, sla, text, fieldKey, fieldValue, false);
  }

  /** The active tickets of the groups the user looking supervises. */
  public static TicketFilter myGroupsActive() {
    return new TicketFilter(
        List.of(
            TicketStatus.NEW,
            TicketStatus.OPEN,
            TicketStatus.PENDING_CUSTOMER,
            TicketStatus.PENDING_THIRD_PARTY),
        null,
        false,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        true);
  }

  /** The agent's own active tickets. */
  public static TicketFilter mineActive() {
    return new TicketFilter(
        List.of(
            TicketStatus.NEW,
            TicketStatus.OPEN,
            TicketStatus.PENDING_CUSTOMER,
            TicketStatus.PENDING_THIRD_PARTY),
        null,
        true,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
