package io.contactcenter.tickets.internal;

import io.contactcenter.tickets.TicketFilter;
import io.contactcenter.tickets.TicketStatus;
import io.contactcenter.tickets.internal.domain.ListCursor;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A {@link TicketFilter} as SQL: a WHERE clause of fixed text with named parameters only (nothing
 * the user typed becomes SQL), each criterion served by an index of {@code ticket}.
 *
 * @param where the condition
 * @param params its parameters
 */
record TicketQuery(String where, Map<String, Object> params) {

  /**
   * One or two Chinese, Japanese or Korean characters: the characters the database function {@code
   * ticket_cjk_grams} (V130) makes grams of, the same ranges.
   */
  private static final Pattern SHORT_CJK =
      Pattern.compile(
          "[\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff]{1,2}");

  /**
   * @param viewer the user looking (for "mine")
   * @param fieldJson the custom field criterion as a JSON object ({@code {"order_no":"A100"}}), or
   *     null
   * @param dueSoon how far ahead "due soon" looks
   * @param viewerGroups the groups the viewer supervises (for "my groups")
   * @param commonShortText whether the text, when it is one or two CJK characters ({@link
   *     #isShortCjk}), is a common one: then each row in list order is checked for it rather than
   *     every match gathered first
   */
  static TicketQuery of(
      TicketFilter f,
      String viewer,
      String fieldJson,
      Instant now,
      Duration dueSoon,
      List<String> viewerGroups,
      boolean commonShortText) {
    List<String> and = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    if (!f.statuses().isEmpty()) {
      and.add("status IN (:statuses)");
      params.put("statuses", f.statuses().stream().map(TicketStatus::name).toList());
    }
    if (f.group() != null) {
      and.add("group_name = :grp");
      params.put("grp", f.group());
    }
    if (f.mine()) {
      and.add("assignee = :viewer");
      params.put("viewer", viewer);
    }
    if (f.myGroups()) {
      if (viewerGroups.isEmpty()) {
        and.add("FALSE");
      } else {
        and.add("group_name IN (:viewerGroups)");
        params.put("viewerGroups", List.copyOf(viewerGroups));
      }
    }
    if (f.priority() != null) {
      // The generated rank (V102) rather than the name: it is a column of the list order
      // indexes, so a priority narrows their range instead of filtering rows read from the heap.
      and.add("priority_rank = :priorityRank");
      params.put("priorityRank", ListCursor.rank(f.priority()));
    }
    if (f.category() != null) {
      and.add("category = :category");
      params.put("category", f.category().name());
    }
    if (f.tag() != null) {
      and.add("tags @> ARRAY[CAST(:tag AS text)]"); // served by the GIN index ticket_tags
      params.put("tag", f.tag());
    }
    if (f.sla() != null) {
      params.put("now", Timestamp.from(now));
      switch (f.sla()) {
        case BREACHED -> and.add("(sla_breached OR sla_due_at <= :now)");
        case DUE_SOON -> {
          and.add("NOT sla_breached AND sla_due_at > :now AND sla_due_at <= :soon");
          params.put("soon", Timestamp.from(now.plus(dueSoon)));
        }
      }
    }
    if (isShortCjk(f.text()) && commonShortText) {
      // A common one (thousands of matches): gathering every match before the page is cut costs
      // seconds, while walking the list order finds a page after a few hundred rows. Each row is
      // checked with strpos, which for one or two characters is exactly the grams' answer, on the
      // row itself: the ticket carries its opening text (V144).
      and.add("(strpos(subject, :gram) > 0 OR strpos(opening_text, :gram) > 0)");
      params.put("gram", f.text());
    } else if (isShortCjk(f.text())) {
      // One or two CJK characters: no trigram serves them; the gram indexes of V130 and V144 do,
      // over the subject and the opening text alike (a ticket id is never such a text).
      // "Overlaps" a one-gram array means "contains" it, and GIN answers it without recomputing the
      // grams of each match (for "contains" it rechecks every row). The matching ids are gathered
      // once into an array (an InitPlan) and looked up by primary key: as a subquery joined to the
      // list the planner, expecting thousands of matches, scanned the whole table (0.6-1.2 s at a
      // million tickets; docs/benchmarks.md).
      and.add(
          "ticket_id = ANY (ARRAY(SELECT ticket_id FROM ticket"
              + " WHERE ticket_cjk_grams(subject) && ARRAY[CAST(:gram AS text)]"
              + " OR ticket_cjk_grams(opening_text) && ARRAY[CAST(:gram AS text)]))");
      params.put("gram", f.text());
    } else if (f.text() != null) {
      and.add("(subject ILIKE :pattern ESCAPE '\\' OR ticket_id = :text)");
      params.put("pattern", "%" + escapeLike(f.text()) + "%");
      params.put("text", f.text());
    }
    if (fieldJson != null) {
      and.add("custom_fields @> CAST(:field AS jsonb)");
      params.put("field", fieldJson);
    }
    return new TicketQuery(and.isEmpty() ? "TRUE" : String.join(" AND ", and), Map.copyOf(params));
  }

  /** Whether a text is one or two CJK characters, searched by the gram indexes (V130). */
  static boolean isShortCjk(String text) {
    return text != null && SHORT_CJK.matcher(text).matches();
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
