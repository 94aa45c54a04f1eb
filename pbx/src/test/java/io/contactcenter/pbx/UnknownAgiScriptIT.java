package io.contactcenter.pbx;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.testinfra.TestInfrastructure;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A FastAGI request for a script the application does not allow is refused: Asterisk is told
 * NOT_FOUND (its dialplan then plays the fallback) and no call command is ever sent.
 */
@PbxIT
class UnknownAgiScriptIT {

  @Test
  void unknownScriptGetsNotFoundAndNothingRuns() throws Exception {
    List<String> commands = requestScript("system-shell");

    assertThat(commands).isNotEmpty();
    assertThat(commands.getFirst()).contains("AJ_AGISTATUS").contains("NOT_FOUND");
    assertThat(commands)
        .noneMatch(
            c -> c.startsWith("ANSWER") || c.startsWith("STREAM FILE") || c.startsWith("EXEC"));
  }

  @Test
  void allowListedScriptRuns() throws Exception {
    List<String> commands = requestScript("media-test");

    assertThat(commands).first().asString().startsWith("ANSWER");
  }

  /** Speaks the FastAGI protocol like Asterisk does and returns the commands the server sent. */
  private static List<String> requestScript(String script) throws Exception {
    List<String> commands = new ArrayList<>();
    try (Socket socket = new Socket("127.0.0.1", TestInfrastructure.agiPort())) {
      socket.setSoTimeout(3000);
      OutputStream out = socket.getOutputStream();
      String env =
          "agi_network: yes\n"
              + "agi_network_script: "
              + script
              + "\n"
              + "agi_request: agi://127.0.0.1/"
              + script
              + "\n"
              + "agi_channel: PJSIP/customer-00000042\n"
              + "agi_language: en\n"
              + "agi_type: PJSIP\n"
              + "agi_uniqueid: 1700000000.42\n"
              + "agi_callerid: customer\n"
              + "agi_context: from-customers\n"
              + "agi_extension: 4000\n"
              + "agi_priority: 4\n"
              + "\n";
      out.write(env.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      try {
        for (int i = 0; i < 5; i++) {
          String line = in.readLine();
          if (line == null) {
            break;
          }
          commands.add(line);
          // Answer every command as a channel would; for ANSWER stop there (we only need to know it
          // ran).
          if (line.startsWith("ANSWER")) {
            out.write(
                "511 Command Not Permitted on a dead channel\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            break;
          }
          out.write("200 result=1\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
      } catch (SocketTimeoutException e) {
        // the server has nothing more to say
      }
    }
    return commands;
  }
}
