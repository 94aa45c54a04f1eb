package io.contactcenter.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

class FirstAdminBootstrapTest {

  private final UserAccounts accounts = mock(UserAccounts.class);
  private final List<String> announced = new ArrayList<>();
  @TempDir Path dataDir;

  private SecurityProperties properties(String password) {
    return new SecurityProperties(
        password,
        dataDir,
        null,
        new SecurityProperties.SignIn(3, 10, 20, 100, Duration.ofMinutes(15)),
        new SecurityProperties.Hashing(1, 4, Duration.ofSeconds(1)));
  }

  private Path passwordFile() {
    return dataDir.resolve(FirstAdminBootstrap.PASSWORD_FILE);
  }

  @Test
  void generatesAStrongPasswordIntoAFileOnlyTheServiceUserCanRead() throws Exception {
    when(accounts.anyWithRole(Role.ADMIN)).thenReturn(false);
    when(accounts.create(anyString(), anyString(), any())).thenReturn(true);

    new FirstAdminBootstrap(accounts, properties(null), announced::add).run(null);

    ArgumentCaptor<String> password = ArgumentCaptor.forClass(String.class);
    verify(accounts).create(eq("admin"), password.capture(), eq(EnumSet.of(Role.ADMIN)));
    assertThat(password.getValue()).hasSize(20).matches("[A-Za-z2-9]+");
    assertThat(Files.readString(passwordFile()).strip()).isEqualTo(password.getValue());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile())))
        .isEqualTo("rw-------");
    // The log says where the password is, never the password itself.
    assertThat(announced).hasSize(1);
    assertThat(announced.get(0))
        .contains(passwordFile().toAbsolutePath().toString())
        .doesNotContain(password.getValue());
  }

  @Test
  void twoFirstStartsGetDifferentPasswords() throws Exception {
    when(accounts.anyWithRole(Role.ADMIN)).thenReturn(false);
    when(accounts.create(anyString(), anyString(), any())).thenReturn(true);

    new FirstAdminBootstrap(accounts, properties(""), announced::add).run(null);
    String first = Files.readString(passwordFile());
    new FirstAdminBootstrap(accounts, properties(""), announced::add).run(null);

    assertThat(Files.readString(passwordFile())).isNotEqualTo(first);
  }

  @Test
  void usesTheConfiguredPasswordAndWritesNothing() {
    when(accounts.anyWithRole(Role.ADMIN)).thenReturn(false);
    when(accounts.create(anyString(), anyString(), any())).thenReturn(true);

    new FirstAdminBootstrap(accounts, properties("from-the-environment"), announced::add).run(null);

    verify(accounts).create("admin", "from-the-environment", EnumSet.of(Role.ADMIN));
    assertThat(announced).isEmpty();
    assertThat(passwordFile()).doesNotExist();
  }

  @Test
  void doesNothingOnceAnAdminExists() {
    when(accounts.anyWithRole(Role.ADMIN)).thenReturn(true);

    new FirstAdminBootstrap(accounts, properties(null), announced::add).run(null);

    verify(accounts, never()).create(anyString(), anyString(), any());
    assertThat(announced).isEmpty();
    assertThat(passwordFile()).doesNotExist();
  }

  @Test
  void anotherInstanceThatWonTheRaceWritesNothingHere() {
    when(accounts.anyWithRole(Role.ADMIN)).thenReturn(false);
    when(accounts.create(anyString(), anyString(), any())).thenReturn(false);

    new FirstAdminBootstrap(accounts, properties(null), announced::add).run(null);

    assertThat(announced).isEmpty();
    assertThat(passwordFile()).doesNotExist();
  }
}
