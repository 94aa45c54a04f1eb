package io.contactcenter.pbx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpoolCallRecordingsTest {

  // The spool is a folder inside the test's own temporary directory, so the file planted beside it
  // never lands in the machine's shared /tmp (where another user's copy made the test fail).
  @TempDir Path temp;
  Path spool;

  @BeforeEach
  void createSpool() throws Exception {
    spool = Files.createDirectory(temp.resolve("spool"));
  }

  @Test
  void findsTheRecordingOfACall() throws Exception {
    Files.write(spool.resolve("1795460541.2.wav"), new byte[] {1, 2, 3});

    assertThat(new SpoolCallRecordings(spool).find("1795460541.2"))
        .hasValue(spool.toAbsolutePath().normalize().resolve("1795460541.2.wav"));
    assertThat(new SpoolCallRecordings(spool).find("1795460541.3")).isEmpty();
  }

  @Test
  void findsBothDirectionsOnlyWhenBothWereRecorded() throws Exception {
    Files.write(spool.resolve("1795460541.2-in.wav"), new byte[] {1});
    Files.write(spool.resolve("1795460541.2-out.wav"), new byte[] {2});
    Files.write(spool.resolve("1795460541.3-in.wav"), new byte[] {1});

    Path root = spool.toAbsolutePath().normalize();
    assertThat(new SpoolCallRecordings(spool).legs("1795460541.2"))
        .hasValueSatisfying(
            legs -> {
              assertThat(legs.received()).isEqualTo(root.resolve("1795460541.2-in.wav"));
              assertThat(legs.sent()).isEqualTo(root.resolve("1795460541.2-out.wav"));
            });
    assertThat(new SpoolCallRecordings(spool).legs("1795460541.3")).isEmpty();
    assertThat(new SpoolCallRecordings(spool).legs("../1795460541.2")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"../secret", "..", "a/../../etc/passwd", "/etc/passwd", "x y", ""})
  void neverLeavesTheSpool(String callId) throws Exception {
    Files.writeString(spool.getParent().resolve("secret.wav"), "not a recording");

    assertThat(new SpoolCallRecordings(spool).find(callId)).isEmpty();
  }
}
