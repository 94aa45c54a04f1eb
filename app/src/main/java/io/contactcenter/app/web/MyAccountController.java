package io.contactcenter.app.web;

import io.contactcenter.app.security.ApiTokens;
import io.contactcenter.app.security.HeaderCredentials;
import io.contactcenter.app.security.SessionEpochs;
import io.contactcenter.app.security.UserAccounts;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Who am I, my password and my personal access tokens (any signed-in user). */
@RestController
class MyAccountController {

  private final UserAccounts accounts;
  private final ApiTokens tokens;

  MyAccountController(UserAccounts accounts, ApiTokens tokens) {
    this.accounts = accounts;
    this.tokens = tokens;
  }

  record PasswordChange(String currentPassword, String newPassword) {}

  /**
   * @param expiresInDays 1 to 366; empty for 366
   */
  record NewToken(String name, Integer expiresInDays) {}

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

  /** Changes the caller's password; the caller's session stays signed in, every other one ends. */
  @PostMapping("/api/v1/me/password")
  ResponseEntity<Void> changePassword(
      @RequestBody PasswordChange change, Authentication user, HttpServletRequest request) {
    refuseTokens(request, "change the password");
    int epoch =
        accounts.changePassword(
            UsersController.actor(user, request), change.currentPassword(), change.newPassword());
    SessionEpochs.carryOn(request, epoch);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/v1/me/tokens")
  List<ApiTokens.Listed> listTokens(Authentication user) {
    return tokens.list(user.getName());
  }

  /** The token is in the answer once and never again. */
  @PostMapping("/api/v1/me/tokens")
  ResponseEntity<ApiTokens.Created> createToken(
      @RequestBody NewToken token, Authentication user, HttpServletRequest request) {
    refuseTokens(request, "create tokens");
    if (token.expiresInDays() != null
        && (token.expiresInDays() < 1 || token.expiresInDays() > 366)) {
      throw new IllegalArgumentException("expiresInDays must be between 1 and 366");
    }
    ApiTokens.Created created =
        tokens.create(
            UsersController.actor(user, request),
            token.name(),
            token.expiresInDays() == null ? null : Duration.ofDays(token.expiresInDays()));
    return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + created.id())).body(created);
  }

  @DeleteMapping("/api/v1/me/tokens/{id}")
  ResponseEntity<Void> revokeToken(
      @PathVariable UUID id, Authentication user, HttpServletRequest request) {
    return tokens.revoke(UsersController.actor(user, request), id)
        ? ResponseEntity.noContent().build()
        : ResponseEntity.status(HttpStatus.NOT_FOUND).build();
  }

  /** A token must not be able to mint more tokens or take over its owner's password. */
  private static void refuseTokens(HttpServletRequest request, String what) {
    if ("token".equals(HeaderCredentials.scheme(request))) {
      throw new AccessDeniedException("an API token cannot " + what + "; sign in with a password");
    }
  }
}
