package io.contactcenter.app.security;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and their roles in PostgreSQL; passwords are stored only as salted hashes. Every change is
 * written to the {@link AuditLog} in the same transaction.
 *
 * <p>Each user has a session epoch that every change which must end the user's sessions (disable,
 * password reset or change, delete) increments; a session remembers the epoch it signed in with and
 * ends on its next request once they differ ({@code AccountStateFilter}).
 */
@Component
public class UserAccounts implements UserDetailsService, UserDetailsPasswordService {

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  private final JdbcClient jdbc;
  private final PasswordEncoder encoder;
  private final AuditLog audit;
  private final PasswordPolicy policy = new PasswordPolicy();
  private final SecureRandom random = new SecureRandom();

  public UserAccounts(JdbcClient jdbc, PasswordEncoder encoder, AuditLog audit) {
    this.jdbc = jdbc;
    this.encoder = encoder;
    this.audit = audit;
  }

  /** A user as shown by the API: never the hash. */
  public record Account(
      String username,
      Set<Role> roles,
      Set<Permission> permissions,
      boolean enabled,
      boolean mustChangePassword) {}

  /** What a request of a signed-in user is checked against. */
  public record State(
      Set<Role> roles,
      Set<Permission> permissions,
      boolean enabled,
      boolean mustChangePassword,
      int epoch) {

    /** A state with the roles' default permissions ({@link Permission#defaultsOf}). */
    public State(Set<Role> roles, boolean enabled, boolean mustChangePassword, int epoch) {
      this(roles, Permission.defaultsOf(roles), enabled, mustChangePassword, epoch);
    }

    /** The authorities a session of the user holds: its roles and its permissions. */
    public List<SimpleGrantedAuthority> authorities() {
      return UserAccounts.authorities(roles, permissions);
    }
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    StoredUser user =
        jdbc.sql("SELECT username, password_hash, enabled FROM app_user WHERE username = ?")
            .param(username)
            .query((rs, n) -> new StoredUser(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
            .optional()
            .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    return User.withUsername(user.username())
        .password(user.passwordHash())
        .disabled(!user.enabled())
        .authorities(authorities(rolesOf(username), permissionsOf(username)))
        .build();
  }

  static List<SimpleGrantedAuthority> authorities(Set<Role> roles, Set<Permission> permissions) {
    return Stream.concat(
            roles.stream().map(Role::authority), permissions.stream().map(Permission::authority))
        .map(SimpleGrantedAuthority::new)
        .toList();
  }

  private record StoredUser(String username, String passwordHash, boolean enabled) {}

  /** Re-hashes with the current algorithm after a sign-in with an older one (Spring Security). */
  @Override
  public UserDetails updatePassword(UserDetails user, String newEncodedPassword) {
    jdbc.sql("UPDATE app_user SET password_hash = ? WHERE username = ?")
        .params(newEncodedPassword, user.getUsername())
        .update();
    return User.withUserDetails(user).password(newEncodedPassword).build();
  }

  /** Creates a user on the application's own behalf (the first admin). */
  public boolean create(String username, String rawPassword, Set<Role> roles) {
    return create(Actor.SYSTEM, username, rawPassword, roles, null);
  }

  /**
   * Creates a user.
   *
   * @param permissions what the user may do beside the roles; null gives the roles' defaults
   *     ({@link Permission#defaultsOf})
   * @return false if the username is taken (nothing changed)
   * @throws IllegalArgumentException naming what is wrong with the username, password or roles
   */
  @Transactional
  public boolean create(
      Actor actor,
      String username,
      String rawPassword,
      Set<Role> roles,
      Set<Permission> permissions) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new IllegalArgumentException(
          "username must be 2-64 of a-z 0-9 . _ - and start with a letter or digit");
    }
    policy.check(username, rawPassword);
    checkRoles(roles);
    Set<Permission> granted = permissions == null ? Permission.defaultsOf(roles) : permissions;
    checkPermissions(granted);
    try {
      int inserted =
          jdbc.sql(
                  "INSERT INTO app_user (username, password_hash) VALUES (?, ?)"
                      + " ON CONFLICT (username) DO NOTHING")
              .params(username, encoder.encode(rawPassword))
              .update();
      if (inserted == 0) {
        return false;
      }
    } catch (DuplicateKeyException e) {
      return false;
    }
    insertRoles(username, roles);
    insertPermissions(username, granted);
    audit.record(
        actor,
        AuditAction.USER_CREATED,
        username,
        "roles " + new TreeSet<>(roles) + " permissions " + new TreeSet<>(granted));
    return true;
  }

  /**
   * Replaces the user's roles; takes effect on the user's next request. A role the user did not
   * have brings its default permissions ({@link Permission#defaultsOf}); permissions already
   * granted or withdrawn stay as they are.
   *
   * @throws UserStateConflictException if no enabled admin would be left
   */
  @Transactional
  public Account setRoles(Actor actor, String username, Set<Role> roles) {
    checkRoles(roles);
    Set<Role> before = existingRoles(username);
    if (before.contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
      requireAnotherEnabledAdmin(username, "remove the role ADMIN from");
    }
    jdbc.sql("DELETE FROM app_user_role WHERE username = ?").param(username).update();
    insertRoles(username, roles);
    Set<Role> gained = EnumSet.noneOf(Role.class);
    gained.addAll(roles);
    gained.removeAll(before);
    Set<Permission> added = Permission.defaultsOf(gained);
    added.removeAll(permissionsOf(username));
    insertPermissions(username, added);
    touch(username, false);
    audit.record(
        actor,
        AuditAction.USER_ROLES_CHANGED,
        username,
        "roles " + new TreeSet<>(before) + " -> " + new TreeSet<>(roles));
    return account(username);
  }

  /**
   * Replaces what the user may do beside the roles (listen, whisper, barge); takes effect on the
   * user's next request.
   */
  @Transactional
  public Account setPermissions(Actor actor, String username, Set<Permission> permissions) {
    checkPermissions(permissions);
    existingRoles(username);
    Set<Permission> before = permissionsOf(username);
    jdbc.sql("DELETE FROM app_user_permission WHERE username = ?").param(username).update();
    insertPermissions(username, permissions);
    touch(username, false);
    audit.record(
        actor,
        AuditAction.USER_PERMISSIONS_CHANGED,
        username,
        "permissions " + new TreeSet<>(before) + " -> " + new TreeSet<>(permissions));
    return account(username);
  }

  /** Disables the user: sign-in, tokens and every open session stop working at once. */
  @Transactional
  public Account disable(Actor actor, String username) {
    existingRoles(username);
    if (username.equals(actor.username())) {
      throw new UserStateConflictException("you cannot disable your own account");
    }
    requireAnotherEnabledAdmin(username, "disable");
    jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE username = ?").param(username).update();
    touch(username, true);
    audit.record(actor, AuditAction.USER_DISABLED, username, null);
    return account(username);
  }

  @Transactional
  public Account enable(Actor actor, String username) {
    existingRoles(username);
    jdbc.sql("UPDATE app_user SET enabled = TRUE WHERE username = ?").param(username).update();
    touch(username, false);
    audit.record(actor, AuditAction.USER_ENABLED, username, null);
    return account(username);
  }

  /**
   * Deletes the user, its roles and its API tokens. The audit log keeps the name in the entries
   * that mention it: it records who did what, not personal data about the user.
   */
  @Transactional
  public void delete(Actor actor, String username) {
    existingRoles(username);
    if (username.equals(actor.username())) {
      throw new UserStateConflictException("you cannot delete your own account");
    }
    requireAnotherEnabledAdmin(username, "delete");
    jdbc.sql("DELETE FROM app_user WHERE username = ?").param(username).update();
    audit.record(actor, AuditAction.USER_DELETED, username, null);
  }

  /**
   * Gives the user a new generated password that must be changed at the next sign-in; ends the
   * user's sessions and revokes its API tokens (a reset usually means the old secret is lost).
   *
   * @return the temporary password, shown once to the admin who reset it
   */
  @Transactional
  public String resetPassword(Actor actor, String username) {
    existingRoles(username);
    String temporary = generatePassword();
    jdbc.sql(
            "UPDATE app_user SET password_hash = ?, must_change_password = TRUE WHERE username = ?")
        .params(encoder.encode(temporary), username)
        .update();
    jdbc.sql("DELETE FROM api_token WHERE username = ?").param(username).update();
    touch(username, true);
    audit.record(actor, AuditAction.PASSWORD_RESET, username, "API tokens revoked");
    return temporary;
  }

  /**
   * The user changes their own password.
   *
   * @return the user's new session epoch (the caller's session carries it on; others end)
   * @throws IllegalArgumentException if the current password is wrong or the new one breaks a rule
   * @throws UserStateConflictException if the new password is the current one
   */
  @Transactional
  public int changePassword(Actor actor, String currentPassword, String newPassword) {
    String username = actor.username();
    String hash =
        jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?")
            .param(username)
            .query(String.class)
            .optional()
            .orElseThrow(() -> new UserNotFoundException(username));
    if (currentPassword == null || !encoder.matches(currentPassword, hash)) {
      throw new IllegalArgumentException("the current password is wrong");
    }
    policy.check(username, newPassword);
    if (newPassword.equals(currentPassword)) {
      throw new UserStateConflictException("the new password must differ from the current one");
    }
    jdbc.sql(
            "UPDATE app_user SET password_hash = ?, must_change_password = FALSE WHERE username = ?")
        .params(encoder.encode(newPassword), username)
        .update();
    int epoch = touch(username, true);
    audit.record(actor, AuditAction.PASSWORD_CHANGED, username, null);
    return epoch;
  }

  /** The user's current state, or empty if it no longer exists. */
  public Optional<State> state(String username) {
    return jdbc.sql(
            "SELECT enabled, must_change_password, session_epoch FROM app_user WHERE username = ?")
        .param(username)
        .query(
            (rs, n) ->
                new State(
                    rolesOf(username),
                    permissionsOf(username),
                    rs.getBoolean(1),
                    rs.getBoolean(2),
                    rs.getInt(3)))
        .optional();
  }

  public boolean anyWithRole(Role role) {
    return jdbc.sql("SELECT count(*) FROM app_user_role WHERE role = ?")
            .param(role.name())
            .query(Long.class)
            .single()
        > 0;
  }

  public List<Account> list() {
    return jdbc.sql(
            "SELECT username, enabled, must_change_password FROM app_user ORDER BY username")
        .query(
            (rs, n) ->
                new Account(
                    rs.getString(1),
                    rolesOf(rs.getString(1)),
                    permissionsOf(rs.getString(1)),
                    rs.getBoolean(2),
                    rs.getBoolean(3)))
        .list();
  }

  public Account account(String username) {
    return jdbc.sql(
            "SELECT username, enabled, must_change_password FROM app_user WHERE username = ?")
        .param(username)
        .query(
            (rs, n) ->
                new Account(
                    rs.getString(1),
                    rolesOf(rs.getString(1)),
                    permissionsOf(rs.getString(1)),
                    rs.getBoolean(2),
                    rs.getBoolean(3)))
        .optional()
        .orElseThrow(() -> new UserNotFoundException(username));
  }

  /** Checks a password against the rules without storing it (for forms that check as you type). */
  public Optional<String> passwordProblem(String username, String password) {
    return policy.problem(username, password);
  }

  private static void checkRoles(Set<Role> roles) {
    if (roles == null || roles.isEmpty() || roles.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException(
          "a user needs at least one role of " + List.of(Role.values()));
    }
  }

  private static void checkPermissions(Set<Permission> permissions) {
    if (permissions == null || permissions.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException(
          "permissions must be a list of " + List.of(Permission.values()) + " (may be empty)");
    }
  }

  private void insertPermissions(String username, Set<Permission> permissions) {
    for (Permission permission : permissions) {
      jdbc.sql(
              "INSERT INTO app_user_permission (username, permission) VALUES (?, ?)"
                  + " ON CONFLICT DO NOTHING")
          .params(username, permission.name())
          .update();
    }
  }

  private Set<Permission> permissionsOf(String username) {
    Set<Permission> permissions = EnumSet.noneOf(Permission.class);
    for (String permission :
        jdbc.sql("SELECT permission FROM app_user_permission WHERE username = ?")
            .param(username)
            .query(String.class)
            .list()) {
      permissions.add(Permission.valueOf(permission));
    }
    return permissions;
  }

  private void insertRoles(String username, Set<Role> roles) {
    for (Role role : roles) {
      jdbc.sql("INSERT INTO app_user_role (username, role) VALUES (?, ?)")
          .params(username, role.name())
          .update();
    }
  }

  /** The user's roles, locking the user's row for the rest of the transaction. */
  private Set<Role> existingRoles(String username) {
    String locked =
        jdbc.sql("SELECT username FROM app_user WHERE username = ? FOR UPDATE")
            .param(username)
            .query(String.class)
            .optional()
            .orElseThrow(() -> new UserNotFoundException(username));
    return rolesOf(locked);
  }

  /**
   * Refuses a change that would leave no enabled admin. Admin rows are locked in name order, so two
   * admins disabling each other at once cannot both succeed.
   */
  private void requireAnotherEnabledAdmin(String username, String what) {
    List<String> others =
        jdbc.sql(
                "SELECT u.username FROM app_user u JOIN app_user_role r ON r.username = u.username"
                    + " WHERE r.role = 'ADMIN' AND u.enabled AND u.username <> ?"
                    + " ORDER BY u.username FOR UPDATE OF u")
            .param(username)
            .query(String.class)
            .list();
    boolean isEnabledAdmin =
        jdbc.sql(
                    "SELECT count(*) FROM app_user u JOIN app_user_role r ON r.username = u.username"
                        + " WHERE r.role = 'ADMIN' AND u.enabled AND u.username = ?")
                .param(username)
                .query(Long.class)
                .single()
            > 0;
    if (isEnabledAdmin && others.isEmpty()) {
      throw new UserStateConflictException(
          "cannot " + what + " '" + username + "': it is the last enabled admin");
    }
  }

  /** Marks the row changed; with {@code endSessions} the user's open sessions end. */
  private int touch(String username, boolean endSessions) {
    return jdbc.sql(
            "UPDATE app_user SET updated_at = now(), session_epoch = session_epoch + ?"
                + " WHERE username = ? RETURNING session_epoch")
        .params(endSessions ? 1 : 0, username)
        .query(Integer.class)
        .single();
  }

  String generatePassword() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  private Set<Role> rolesOf(String username) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String role :
        jdbc.sql("SELECT role FROM app_user_role WHERE username = ?")
            .param(username)
            .query(String.class)
            .list()) {
      roles.add(Role.valueOf(role));
    }
    return roles;
  }
}
