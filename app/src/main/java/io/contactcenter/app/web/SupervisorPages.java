package io.contactcenter.app.web;

import io.contactcenter.app.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The supervisors' pages in the shell (roles SUPERVISOR and ADMIN, SecurityConfiguration). */
@Controller
class SupervisorPages {

  /** The wallboard; supervisors get the listen, whisper and barge buttons, admins watch only. */
  @GetMapping("/supervisor/wallboard")
  String wallboard(Authentication user, Model model) {
    model.addAttribute("canMonitor", Navigation.roles(user).contains(Role.SUPERVISOR));
    return "wallboard";
  }

  /**
   * Historical reports per queue and per agent; the figures come from {@link ReportsController}.
   */
  @GetMapping("/supervisor/reports")
  String reports() {
    return "reports";
  }
}
