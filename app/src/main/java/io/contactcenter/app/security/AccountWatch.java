package io.contactcenter.app.security;

import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Whether the account behind a long request still stands as it did when the request began. {@link
 * AccountStateFilter} holds every request to the account's current state when it arrives; a
 * server-sent event stream is one request that lasts minutes, so a supervisor who was disabled, or
 * lost the role, would go on watching the wallboard until it closed. Pushing code asks this now and
 * then and ends the stream when the answer turns false: the page's reconnect is then a new request,
 * which the filter refuses or lets through with the account's current roles.
 */
@Component
public class AccountWatch {

  private final UserAccounts accounts;

  AccountWatch(UserAccounts accounts) {
    this.accounts = accounts;
  }

  /**
   * On the request's thread: a check that holds while the signed-in account is enabled, keeps its
   * session epoch (no password reset or change elsewhere) and holds the same roles and permissions
   * as now. Always true for a request nobody signed in to.
   */
  public BooleanSupplier capture() {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
      return () -> true;
    }
    String name = user.getName();
    Optional<Standing> start = standing(name);
    return () -> start.isPresent() && start.equals(standing(name));
  }

  /** What a session of the user may do, or empty when the user is gone or disabled. */
  private Optional<Standing> standing(String name) {
    return accounts
        .state(name)
        .filter(UserAccounts.State::enabled)
        .map(
            s ->
                new Standing(
                    s.epoch(),
                    s.authorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .collect(Collectors.toSet())));
  }

  private record Standing(int epoch, Set<String> authorities) {}
}
