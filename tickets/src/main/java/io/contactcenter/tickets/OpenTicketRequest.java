package io.contactcenter.tickets;

import io.contactcenter.common.PhoneNumber;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ticket to open. Validates itself: every problem is an {@link IllegalArgumentException} naming
 * the field. Free text is kept as typed (HTML is not interpreted anywhere; pages show it as text).
 *
 * @param subject what it is about, 1-200 characters
 * @param description the customer's words or the agent's summary, up to 10,000 characters
 * @param customerPhone the customer's number in E.164 ({@code +8613800138000}), if known
 * @param customerRef the shop's customer id, if known; a phone or a ref is required unless the
 *     source (a robot attempt, a call, an IVR session) leads back to the customer
 * @param tier the customer's tier; null means {@code STANDARD}
 * @param channel where the customer reached us
 * @param source the link back, also the key that makes opening idempotent
 * @param category what it is about; null means {@code OTHER}
 * @param priority null lets the priority policy choose (complaints and refunds higher, VIP higher)
 * @param tags optional labels
 * @param group the group to work it; null lets the category choose
 * @param openedBy who opened it: a user name, or a system such as {@code robot} or {@code shop}
 * @param fields custom field values by key, as text ({@code "12.50"}, {@code "2026-10-01"}); each
 *     is checked against the category's fields as when saved later ({@link TicketFields#save}), a
 *     blank value is left out; required fields may still be empty (they are required to solve)
 */
public record OpenTicketRequest(
    String subject,
    String description,
    PhoneNumber customerPhone,
    String customerRef,
    CustomerTier tier,
    TicketChannel channel,
    TicketSource source,
    TicketCategory category,
    TicketPriority priority,
    List<String> tags,
    String group,
    String openedBy,
    Map<String, String> fields) {

  /** A ticket to open without custom field values. */
  public OpenTicketRequest(
      String subject,
      String description,
      PhoneNumber customerPhone,
      String customerRef,
      CustomerTier tier,
      TicketChannel channel,
      TicketSource source,
      TicketCategory category,
      TicketPriority priority,
      List<String> tags,
      String group,
      String openedBy) {
    this(
        subject,
        description,
        customerPhone,
        customerRef,
        tier,
        channel,
        source,
        category,
        priority,
        tags,
        group,
        openedBy,
        Map.of());
  }

  public OpenTicketRequest {
    subject = Texts.required("subject", subject, 200);
    description = Texts.optional("description", description, 10_000);
    customerRef = Texts.optional("customerRef", customerRef, 100);
    tier = tier == null ? CustomerTier.STANDARD : tier;
    if (channel == null) {
      throw new IllegalArgumentException("channel is required");
    }
    if (source == null) {
      throw new IllegalArgumentException("source is required");
    }
    boolean sourceFindsCustomer =
        source.kind() == SourceKind.ROBOT_ATTEMPT
            || source.kind() == SourceKind.CALL
            || source.kind() == SourceKind.IVR_SESSION;
    if (customerPhone == null && customerRef == null && !sourceFindsCustomer) {
      throw new IllegalArgumentException("customerPhone or customerRef is required");
    }
    category = category == null ? TicketCategory.OTHER : category;
    tags = Texts.tags(tags);
    group = group == null ? null : Texts.name("group", group);
    openedBy = Texts.name("openedBy", openedBy);
    Map<String, String> given = new LinkedHashMap<>();
    if (fields != null) {
      fields.forEach(
          (key, value) -> {
            if (key == null) {
              throw new IllegalArgumentException("a custom field needs its key");
            }
            if (value != null && !value.isBlank()) {
              given.put(key, value);
            }
          });
    }
    fields = Collections.unmodifiableMap(given);
  }
}
