package io.contactcenter.app.web;

import io.contactcenter.app.security.Permission;
import io.contactcenter.app.security.Role;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The admin pages for users and the audit log, and the password page of every user. Pages in the
 * shell's layout (ShellAdvice) that their scripts fill from the users API; texts come from the
 * shell's message bundles ({@code accounts.*} keys).
 */
@Controller
class AccountPages {

  @GetMapping("/admin/users")
  String users(Model model) {
    model.addAttribute("roles", roleNames());
    model.addAttribute(
        "permissions", Stream.of(Permission.values()).map(Permission::name).toList());
    return "users";
  }

  @GetMapping("/admin/audit")
  String audit() {
    return "audit";
  }

  /** ivr: the hotline's flows (versions, prompts side by side, check and save). */
  @GetMapping("/admin/ivr-flows")
  String ivrFlows() {
    return "ivr-flows";
  }

  /** online-chat: the bot's FAQs in English and Chinese side by side, import, suggestions. */
  @GetMapping("/admin/knowledge-base")
  String knowledgeBase() {
    return "knowledge-base";
  }

  @GetMapping("/account/password")
  String password() {
    return "password";
  }

  private static List<String> roleNames() {
    return Stream.of(Role.values()).map(Role::name).toList();
  }
}
