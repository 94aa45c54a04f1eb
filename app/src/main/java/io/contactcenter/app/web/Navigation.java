package io.contactcenter.app.web;

import io.contactcenter.app.security.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * The shell's navigation: every page of the product, grouped by the work it serves, and which roles
 * it is meant for. A user sees a link when they hold one of its roles <em>and</em> the security
 * rules (SecurityConfiguration) let them open it, so the navigation never offers a page that would
 * answer 403. Pages not built yet open the shell's "coming soon" page.
 */
class Navigation {

  /** A page in the navigation; {@code key} names its title in the message bundles. */
  record Page(String path, String key, Set<Role> roles, boolean built) {}

  /** A group of pages, titled by the message {@code key}. */
  record Section(String key, List<Page> pages) {}

  /** A link as the layout renders it. */
  record Link(String path, String key, boolean current) {

    /** The link's element id, from its path: {@code /robot/calls} is {@code nav-robot-calls}. */
    public String id() {
      return "nav" + path.replace('/', '-');
    }
  }

  /** A section as the layout renders it: only the links this user may open. */
  record Group(String key, List<Link> links) {}

  private static final Set<Role> OPERATIONS = EnumSet.of(Role.OPS, Role.ADMIN);
  private static final Set<Role> AGENTS = EnumSet.of(Role.AGENT);
  private static final Set<Role> SUPERVISION = EnumSet.of(Role.SUPERVISOR, Role.ADMIN);
  private static final Set<Role> QUALITY = EnumSet.of(Role.QA, Role.ADMIN);
  private static final Set<Role> QUALITY_READERS = EnumSet.of(Role.QA, Role.ADMIN, Role.SUPERVISOR);
  private static final Set<Role> ADMINISTRATION = EnumSet.of(Role.ADMIN);
  private static final Set<Role> TICKET_DESK = EnumSet.of(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);

  static final List<Section> SECTIONS =
      List.of(
          new Section(
              "nav.section.outbound",
              List.of(
                  new Page("/campaigns", "page.campaigns.title", OPERATIONS, true),
                  new Page("/robot/calls", "page.robot-calls.title", OPERATIONS, true))),
          new Section(
              "nav.section.desk",
              List.of(
                  new Page("/agent/workspace", "page.workspace.title", AGENTS, true),
                  new Page("/agent/tickets", "page.my-tickets.title", TICKET_DESK, true),
                  new Page("/agent/qa-scores", "page.my-qa-scores.title", AGENTS, true))),
          new Section(
              "nav.section.supervision",
              List.of(
                  new Page("/supervisor/wallboard", "page.wallboard.title", SUPERVISION, true),
                  new Page("/supervisor/reports", "page.reports.title", SUPERVISION, true))),
          new Section(
              "nav.section.quality",
              List.of(
                  new Page("/qa/reviews", "page.reviews.title", QUALITY, true),
                  new Page("/qa/appeals", "page.appeals.title", QUALITY, true),
                  new Page("/qa/rules", "page.qa-rules.title", QUALITY, true),
                  new Page("/qa/reports", "page.qa-reports.title", QUALITY_READERS, true),
                  new Page("/qa/calibrations", "page.calibrations.title", QUALITY, true))),
          new Section(
              "nav.section.admin",
              List.of(
                  new Page("/admin/users", "page.users.title", ADMINISTRATION, true),
                  new Page("/admin/audit", "page.audit.title", ADMINISTRATION, true),
                  new Page("/admin/ivr-flows", "page.ivr-flows.title", ADMINISTRATION, true),
                  new Page(
                      "/admin/knowledge-base", "page.knowledge-base.title", ADMINISTRATION, true),
                  new Page(
                      "/admin/ticket-fields", "page.ticket-fields.title", ADMINISTRATION, true),
                  new Page("/admin/settings", "page.settings.title", ADMINISTRATION, true))));

  private final ObjectProvider<WebInvocationPrivilegeEvaluator> access;

  /** {@code access}: the security rules; without them (a test slice) roles alone decide. */
  Navigation(ObjectProvider<WebInvocationPrivilegeEvaluator> access) {
    this.access = access;
  }

  /** The sections with at least one page this user may open; {@code uri} marks the current one. */
  List<Group> groups(Authentication user, String uri) {
    if (user == null || !user.isAuthenticated()) {
      return List.of();
    }
    Set<Role> roles = roles(user);
    List<Group> groups = new ArrayList<>();
    for (Section section : SECTIONS) {
      List<Link> links = new ArrayList<>();
      for (Page page : section.pages()) {
        if (page.roles().stream().anyMatch(roles::contains) && mayOpen(page.path(), user)) {
          links.add(new Link(page.path(), page.key(), isCurrent(page.path(), uri)));
        }
      }
      if (!links.isEmpty()) {
        groups.add(new Group(section.key(), List.copyOf(links)));
      }
    }
    return List.copyOf(groups);
  }

  private boolean mayOpen(String path, Authentication user) {
    WebInvocationPrivilegeEvaluator rules = access.getIfAvailable();
    return rules == null || rules.isAllowed(path, user);
  }

  /** The page not built yet at this path, if any. */
  static Optional<Page> comingSoon(String path) {
    return SECTIONS.stream()
        .flatMap(s -> s.pages().stream())
        .filter(p -> !p.built() && p.path().equals(path))
        .findFirst();
  }

  static Set<Role> roles(Authentication user) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (GrantedAuthority authority : user.getAuthorities()) {
      for (Role role : Role.values()) {
        if (role.authority().equals(authority.getAuthority())) {
          roles.add(role);
        }
      }
    }
    return roles;
  }

  private static boolean isCurrent(String path, String uri) {
    return uri != null && (uri.equals(path) || uri.startsWith(path + "/"));
  }
}
