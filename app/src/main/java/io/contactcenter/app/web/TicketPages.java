package io.contactcenter.app.web;

import io.contactcenter.app.security.Role;
import io.contactcenter.tickets.TicketCategory;
import io.contactcenter.tickets.TicketDesk;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The ticket pages: the tickets list (agents, supervisors and admins, as the ticket API), one
 * ticket, and the admins' custom field definitions. Data comes from /api/v1/tickets; the pages only
 * hide controls the user has no use for, the API decides.
 */
@Controller
class TicketPages {

  private final TicketDesk desk;

  TicketPages(TicketDesk desk) {
    this.desk = desk;
  }

  @GetMapping("/agent/tickets")
  String myTickets(Model model, Authentication user) {
    model.addAttribute("supervisedGroups", desk.groupsSupervisedBy(user.getName()));
    model.addAttribute("categories", categories());
    return "my-tickets";
  }

  @GetMapping("/agent/tickets/{ticketId}")
  String ticket(@PathVariable String ticketId, Model model, Authentication user) {
    model.addAttribute("ticketId", ticketId);
    model.addAttribute("mayReassign", supervises(user));
    return "ticket";
  }

  /** Admins define each category's custom fields (ADR 0023, 0027). */
  @GetMapping("/admin/ticket-fields")
  String fields(Model model) {
    model.addAttribute("categories", categories());
    return "ticket-fields";
  }

  private static java.util.List<String> categories() {
    return Stream.of(TicketCategory.values()).map(Enum::name).toList();
  }

  /** Supervisors and admins reassign tickets from the ticket page. */
  private static boolean supervises(Authentication user) {
    Set<Role> roles = Navigation.roles(user);
    return roles.contains(Role.SUPERVISOR) || roles.contains(Role.ADMIN);
  }
}
