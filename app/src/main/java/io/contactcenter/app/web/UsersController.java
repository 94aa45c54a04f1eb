package io.contactcenter.app.web;

import io.contactcenter.app.security.Actor;
import io.contactcenter.app.security.AuditLog;
import io.contactcenter.app.security.Permission;
import io.contactcenter.app.security.Role;
import io.contactcenter.app.security.UserAccounts;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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
 * Users and roles, and the audit log (admin only; SecurityConfiguration). Every change is audited
 * with the signed-in admin and the client's address.
 */
@RestController
class UsersController {

  private final UserAccounts accounts;
  private final AuditLog audit;

  UsersController(UserAccounts accounts, AuditLog audit) {
    this.accounts = accounts;
    this.audit = audit;
  }

  /**
   * @param permissions beside the roles; omitted: the roles' defaults (a supervisor may listen,
   *     whisper and barge)
   */
  record NewUser(String username, String password, Set<Role> roles, Set<Permission> permissions) {}

  record Roles(Set<Role> roles) {}

  record Permissions(Set<Permission> permissions) {}

  static Actor actor(Authentication user, HttpServletRequest request) {
    return new Actor(user.getName(), request.getRemoteAddr());
  }

  @GetMapping("/api/v1/users")
  List<UserAccounts.Account> list() {
    return accounts.list();
  }

  @GetMapping("/api/v1/users/{username}")
  UserAccounts.Account get(@PathVariable String username) {
    return accounts.account(username);
  }

  @PostMapping("/api/v1/users")
  ResponseEntity<?> create(
      @RequestBody NewUser user, Authentication admin, HttpServletRequest request) {
    if (user == null) {
      throw new IllegalArgumentException("a user is required: username, password and roles");
    }
    if (!accounts.create(
        actor(admin, request),
        user.username(),
        user.password(),
        user.roles(),
        user.permissions())) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.CONFLICT, "user '" + user.username() + "' exists");
      problem.setType(URI.create("urn:cc:problem:user-exists"));
      problem.setProperty("username", user.username());
      return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
    return ResponseEntity.created(URI.create("/api/v1/users/" + user.username()))
        .body(Map.of("username", user.username(), "roles", user.roles()));
  }

  @PutMapping("/api/v1/users/{username}/roles")
  UserAccounts.Account setRoles(
      @PathVariable String username,
      @RequestBody Roles roles,
      Authentication admin,
      HttpServletRequest request) {
    return accounts.setRoles(actor(admin, request), username, roles.roles());
  }

  /** Replaces what the user may do beside the roles: listen, whisper, barge on live calls. */
  @PutMapping("/api/v1/users/{username}/permissions")
  UserAccounts.Account setPermissions(
      @PathVariable String username,
      @RequestBody Permissions permissions,
      Authentication admin,
      HttpServletRequest request) {
    if (permissions == null) {
      throw new IllegalArgumentException("a body with permissions is required");
    }
    return accounts.setPermissions(actor(admin, request), username, permissions.permissions());
  }

  @PostMapping("/api/v1/users/{username}/disable")
  UserAccounts.Account disable(
      @PathVariable String username, Authentication admin, HttpServletRequest request) {
    return accounts.disable(actor(admin, request), username);
  }

  @PostMapping("/api/v1/users/{username}/enable")
  UserAccounts.Account enable(
      @PathVariable String username, Authentication admin, HttpServletRequest request) {
    return accounts.enable(actor(admin, request), username);
  }

  /** A generated temporary password, shown once; the user must change it at the next sign-in. */
  @PostMapping("/api/v1/users/{username}/password-reset")
  Map<String, Object> resetPassword(
      @PathVariable String username, Authentication admin, HttpServletRequest request) {
    String temporary = accounts.resetPassword(actor(admin, request), username);
    return Map.of("username", username, "temporaryPassword", temporary, "mustChangePassword", true);
  }

  @DeleteMapping("/api/v1/users/{username}")
  ResponseEntity<Void> delete(
      @PathVariable String username, Authentication admin, HttpServletRequest request) {
    accounts.delete(actor(admin, request), username);
    return ResponseEntity.noContent().build();
  }

  /**
   * The audit log, newest first, a page at a time: pass the last id of a page as {@code before}.
   */
  @GetMapping("/api/v1/audit")
  List<AuditLog.Entry> audit(
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(required = false) Long before,
      @RequestParam(required = false) String user) {
    return audit.list(limit, before, user == null || user.isBlank() ? null : user);
  }
}
