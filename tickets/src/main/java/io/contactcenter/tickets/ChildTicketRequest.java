package io.contactcenter.tickets;

/**
 * A child ticket for another department (a return needing the warehouse and finance). The child has
 * the parent's customer, channel and tags, its own group, assignee and SLA clocks. Validates itself
 * like {@link OpenTicketRequest}.
 *
 * @param subject what the department is asked to do, 1-200 characters
 * @param description details, up to 10,000 characters
 * @param group the department's group (required)
 * @param category null: the parent's
 * @param priority null: the parent's current priority
 * @param openedBy the user asking
 */
public record ChildTicketRequest(
    String subject,
    String description,
    String group,
    TicketCategory category,
    TicketPriority priority,
    String openedBy) {

  public ChildTicketRequest {
    subject = Texts.required("subject", subject, 200);
    description = Texts.optional("description", description, 10_000);
    if (group == null || group.isBlank()) {
      throw new IllegalArgumentException("group is required: the department to do the work");
    }
    group = Texts.name("group", group.strip());
    openedBy = Texts.name("openedBy", openedBy);
  }
}
