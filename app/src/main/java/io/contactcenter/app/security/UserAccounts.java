package io.contactcenter.app.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Users and their roles in PostgreSQL; passwords are stored only as salted hashes. */
@Component
public class UserAccounts implements UserDetailsService {

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
  static final int MIN_PASSWORD_LENGTH = 12;

  private final JdbcClient jdbc;
  private final PasswordEncoder encoder;

  public UserAccounts(JdbcClient jdbc, PasswordEncoder encoder) {
    this.jdbc = jdbc;
    this.encoder = encoder;
  }

  /** A user as shown by the API: never the hash. */
  public record Account(String username, Set<Role> roles, boolean enabled) {}

  @Override
  public UserDetails loadUserByUsername(String username) {
    StoredUser user =
        jdbc.sql("SELECT username, password_hash, enabled FROM app_user WHERE username = ?")
            .param(username)
            .query((rs, n) -> new StoredUser(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
            .optional()
            .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    List<SimpleGrantedAuthority> authorities =
        rolesOf(username).stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    return User.withUsername(user.username())
        .password(user.passwordHash())
        .disabled(!user.enabled())
        .authorities(authorities)
        .build();
  }

  private record StoredUser(String username, String passwordHash, boolean enabled) {}

  /**
   * Creates a user.
   *
   * @return false if the username is taken (nothing changed)
   * @throws IllegalArgumentException naming what is wrong with the username, password or roles
   */
  @Transactional
  public boolean create(String username, String rawPassword, Set<Role> roles) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new IllegalArgumentException(
          "username must be 2-64 of a-z 0-9 . _ - and start with a letter or digit");
    }
    if (rawPassword == null || rawPassword.length() < MIN_PASSWORD_LENGTH) {
      throw new IllegalArgumentException(
          "password must have at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    if (roles == null || roles.isEmpty()) {
      throw new IllegalArgumentException(
          "a user needs at least one role of " + List.of(Role.values()));
    }
    if (roles.stream().anyMatch(Objects::isNull)) {
      // JSON such as "roles":[null] or a role name Jackson read as null.
      throw new IllegalArgumentException(
          "roles must name roles of " + List.of(Role.values()) + ", not null");
    }
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
    for (Role role : roles) {
      jdbc.sql("INSERT INTO app_user_role (username, role) VALUES (?, ?)")
          .params(username, role.name())
          .update();
    }
    return true;
  }

  public boolean anyWithRole(Role role) {
    return jdbc.sql("SELECT count(*) FROM app_user_role WHERE role = ?")
            .param(role.name())
            .query(Long.class)
            .single()
        > 0;
  }

  public List<Account> list() {
    return jdbc.sql("SELECT username, enabled FROM app_user ORDER BY username")
        .query((rs, n) -> new Account(rs.getString(1), rolesOf(rs.getString(1)), rs.getBoolean(2)))
        .list();
  }

  private Set<Role> rolesOf(String username) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String role :
        new TreeSet<>(
            jdbc.sql("SELECT role FROM app_user_role WHERE username = ?")
                .param(username)
                .query(String.class)
                .list())) {
      roles.add(Role.valueOf(role));
    }
    return roles;
  }
}
