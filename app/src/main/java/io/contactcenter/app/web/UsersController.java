package io.contactcenter.app.web;

import io.contactcenter.app.security.Role;
import io.contactcenter.app.security.UserAccounts;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Users and roles (admin only), and who am I (any signed-in user). */
@RestController
class UsersController {

  private final UserAccounts accounts;

  UsersController(UserAccounts accounts) {
    this.accounts = accounts;
  }

  record NewUser(String username, String password, Set<Role> roles) {}

  @GetMapping("/api/v1/me")
  Map<String, Object> me(Authentication user) {
    return Map.of(
        "username",
        user.getName(),
        "roles",
        user.getAuthorities().stream()
            .map(a -> a.getAuthority().replace("ROLE_", ""))
            .sorted()
            .collect(Collectors.toList()));
  }

  @GetMapping("/api/v1/users")
  List<UserAccounts.Account> list() {
    return accounts.list();
  }

  @PostMapping("/api/v1/users")
  ResponseEntity<?> create(@RequestBody NewUser user) {
    if (user == null) {
      throw new IllegalArgumentException("a user is required: username, password and roles");
    }
    if (!accounts.create(user.username(), user.password(), user.roles())) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.CONFLICT, "user '" + user.username() + "' exists");
      problem.setType(URI.create("urn:cc:problem:user-exists"));
      return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
    return ResponseEntity.created(URI.create("/api/v1/users/" + user.username()))
        .body(Map.of("username", user.username(), "roles", user.roles()));
  }
}
