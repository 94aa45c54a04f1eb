package io.contactcenter.app.web;

import io.contactcenter.app.security.Role;
import io.contactcenter.pbx.MonitorMode;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The supervisors' pages in the shell (roles SUPERVISOR and ADMIN, SecurityConfiguration). */
@Controller
class SupervisorPages {

  /**
   * The wallboard; a supervisor gets the buttons of the modes they are granted (listen, whisper,
   * barge), admins watch only.
   */
  @GetMapping("/supervisor/wallboard")
  String wallboard(Authentication user, Model model) {
    boolean supervisor = Navigation.roles(user).contains(Role.SUPERVISOR);
    Set<MonitorMode> modes = EnumSet.noneOf(MonitorMode.class);
    if (supervisor) {
      for (MonitorMode mode : MonitorMode.values()) {
        if (CallMonitorController.mayUse(user, mode)) {
          modes.add(mode);
        }
      }
    }
    model.addAttribute("canMonitor", !modes.isEmpty());
    model.addAttribute("canListen", modes.contains(MonitorMode.LISTEN));
    model.addAttribute("canWhisper", modes.contains(MonitorMode.WHISPER));
    model.addAttribute("canBarge", modes.contains(MonitorMode.BARGE));
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
