package io.contactcenter.app.web;

import io.contactcenter.app.security.Role;
import io.contactcenter.tickets.ChildTicketRequest;
import io.contactcenter.tickets.SavedView;
import io.contactcenter.tickets.Ticket;
import io.contactcenter.tickets.TicketCategory;
import io.contactcenter.tickets.TicketCount;
import io.contactcenter.tickets.TicketDesk;
import io.contactcenter.tickets.TicketField;
import io.contactcenter.tickets.TicketFields;
import io.contactcenter.tickets.TicketFilter;
import io.contactcenter.tickets.TicketPage;
import io.contactcenter.tickets.TicketPriority;
import io.contactcenter.tickets.TicketStatus;
import io.contactcenter.tickets.TicketViews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ticket lists with filters and saved views, custom fields (defined by admins, filled in by agents)
 * and child tickets for other departments (ADR 0023).
 */
@RestController
@Tag(name = "tickets", description = "Tickets from every channel, with SLA clocks")
class TicketListsController {

  private final TicketDesk desk;
  private final TicketViews views;
  private final TicketFields fields;
  private final MessageSource messages;

  TicketListsController(
      TicketDesk desk, TicketViews views, TicketFields fields, MessageSource messages) {
    this.desk = desk;
    this.views = views;
    this.fields = fields;
    this.messages = messages;
  }

  @Operation(
      summary = "Tickets matching a filter or a saved view, most urgent first, page by page",
      description =
          "Every criterion given must match. With view=V-…, the saved view's filter is used and"
              + " the other criteria are ignored. myGroups=true: the groups the user supervises."
              + " Pages by keyset: X-Next-Cursor (absent on the last page) is passed back as"
              + " cursor= for the next page; tickets opened or solved meanwhile before it shift"
              + " nothing. X-Total-Count (first page only) says how many match in all, counted up to"
              + " cc.tickets.list-count-limit (10,000); when more match it says the limit and"
              + " X-Total-Count-Capped: true (show \"10,000+\").")
  @GetMapping("/api/v1/tickets/search")
  ResponseEntity<List<Ticket>> search(
      @RequestParam(required = false) List<TicketStatus> status,
      @RequestParam(required = false) String group,
      @RequestParam(defaultValue = "false") boolean mine,
      @RequestParam(required = false) TicketPriority priority,
      @RequestParam(required = false) TicketCategory category,
      @RequestParam(required = false) String tag,
      @RequestParam(required = false) TicketFilter.SlaState sla,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String field,
      @RequestParam(required = false) String value,
      @RequestParam(required = false) String view,
      @RequestParam(defaultValue = "false") boolean myGroups,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") int limit,
      Authentication user) {
    if (limit < 1 || limit > 200) {
      throw new IllegalArgumentException("limit must be between 1 and 200, was " + limit);
    }
    TicketFilter filter =
        view != null
            ? views
                .find(view, user.getName())
                .map(SavedView::filter)
                .orElseThrow(() -> new IllegalArgumentException("no saved view '" + view + "'"))
            : new TicketFilter(
                status, group, mine, priority, category, tag, sla, q, field, value, myGroups);
    // Counting is the costly part of a big list: only the first page says how many match.
    boolean first = cursor == null || cursor.isBlank();
    TicketPage page =
        first
            ? desk.firstPage(filter, user.getName(), limit)
            : desk.page(filter, user.getName(), cursor, limit);
    ResponseEntity.BodyBuilder response = ResponseEntity.ok();
    if (first) {
      TicketCount total = page.total();
      response.header("X-Total-Count", String.valueOf(total.count()));
      if (total.capped()) {
        response.header("X-Total-Count-Capped", "true");
      }
    }
    if (page.nextCursor() != null) {
      response.header("X-Next-Cursor", page.nextCursor());
    }
    return response.body(page.tickets());
  }

  @Operation(
      summary = "The ticket groups I supervise (as lead or supervisor), for the my-groups list")
  @GetMapping("/api/v1/tickets/groups/mine")
  List<String> myGroups(Authentication user) {
    return desk.groupsSupervisedBy(user.getName());
  }

  /**
   * A saved view and how many tickets it shows the user now.
   *
   * @param own whether the user saved it (and may delete it)
   * @param count how many tickets it shows now, counted up to cc.tickets.list-count-limit
   * @param countCapped whether more than {@code count} match ("10,000+")
   */
  record ViewBody(
      String viewId,
      String name,
      String owner,
      boolean own,
      boolean shared,
      TicketFilter filter,
      long count,
      boolean countCapped) {

    static ViewBody of(SavedView v, String user, TicketCount count) {
      return new ViewBody(
          v.viewId(),
          v.name(),
          v.owner(),
          v.owner().equals(user),
          v.shared(),
          v.filter(),
          count.count(),
          count.capped());
    }
  }

  @Operation(summary = "My saved views, then the team's shared views, each with its count")
  @GetMapping("/api/v1/tickets/views")
  List<ViewBody> views(Authentication user) {
    return views.visibleTo(user.getName()).stream()
        .map(v -> ViewBody.of(v, user.getName(), desk.count(v.filter(), user.getName())))
        .toList();
  }

  /** A view to save: a name, whether the team sees it, and the filter. */
  record SaveViewBody(String name, boolean shared, TicketFilter filter) {}

  @Operation(
      summary = "Save a view (the same name again replaces it); only supervisors share views")
  @PostMapping("/api/v1/tickets/views")
  ResponseEntity<ViewBody> saveView(@RequestBody SaveViewBody body, Authentication user) {
    if (body == null) {
      throw new IllegalArgumentException("a view is required");
    }
    if (body.shared() && !supervises(user)) {
      throw new AccessDeniedException(text("problem.ticket-view.share"));
    }
    SavedView saved = views.save(user.getName(), body.name(), body.shared(), body.filter());
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(ViewBody.of(saved, user.getName(), desk.count(saved.filter(), user.getName())));
  }

  @Operation(summary = "Delete my view (supervisors also delete shared views)")
  @DeleteMapping("/api/v1/tickets/views/{id}")
  ResponseEntity<Void> deleteView(@PathVariable String id, Authentication user) {
    if (!views.delete(id, user.getName(), supervises(user))) {
      throw new AccessDeniedException(text("problem.ticket-view.delete"));
    }
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "The custom fields of every category (or of one)")
  @GetMapping("/api/v1/tickets/fields")
  Map<TicketCategory, List<TicketField>> fields(
      @RequestParam(required = false) TicketCategory category) {
    return category == null ? fields.all() : Map.of(category, fields.of(category));
  }

  @Operation(
      summary = "Replace a category's custom fields (admins)",
      description =
          "422 listing every problem, each naming the field, when a definition is wrong; values"
              + " stored under keys no longer defined stay on the tickets.")
  @PutMapping("/api/v1/tickets/fields/{category}")
  List<TicketField> defineFields(
      @PathVariable TicketCategory category, @RequestBody List<TicketField> body) {
    return fields.define(category, body);
  }

  /** Custom field values by key, as text; null or blank clears a field. */
  record FieldValuesBody(Map<String, String> values) {}

  @Operation(
      summary = "Save custom field values on a ticket",
      description = "422 listing every problem, each naming the field, in the user's language.")
  @PutMapping("/api/v1/tickets/{id}/fields")
  Ticket saveFields(
      @PathVariable String id, @RequestBody FieldValuesBody body, Authentication user) {
    if (body == null || body.values() == null) {
      throw new IllegalArgumentException("values are required");
    }
    return fields.save(id, body.values(), user.getName());
  }

  /** A child ticket for a department. */
  record ChildBody(
      String subject,
      String description,
      String group,
      TicketCategory category,
      TicketPriority priority) {}

  @Operation(
      summary = "Open a child ticket for another department",
      description = "The parent cannot be solved while a child is open (422 ticket-children-open).")
  @PostMapping("/api/v1/tickets/{id}/children")
  ResponseEntity<Ticket> openChild(
      @PathVariable String id, @RequestBody ChildBody body, Authentication user) {
    if (body == null) {
      throw new IllegalArgumentException("a child ticket is required");
    }
    Ticket child =
        desk.openChild(
            id,
            new ChildTicketRequest(
                body.subject(),
                body.description(),
                body.group(),
                body.category(),
                body.priority(),
                user.getName()));
    return ResponseEntity.status(HttpStatus.CREATED).body(child);
  }

  private static boolean supervises(Authentication user) {
    Set<Role> roles = Navigation.roles(user);
    return roles.contains(Role.SUPERVISOR) || roles.contains(Role.ADMIN);
  }

  private String text(String key) {
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }
}
