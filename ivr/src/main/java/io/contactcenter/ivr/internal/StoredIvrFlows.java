package io.contactcenter.ivr.internal;

import io.contactcenter.ivr.FlowNotFoundException;
import io.contactcenter.ivr.FlowProblem;
import io.contactcenter.ivr.IvrFlows;
import io.contactcenter.ivr.internal.domain.Flow;
import io.contactcenter.ivr.internal.domain.Node;
import io.contactcenter.ivr.internal.domain.Prompt;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Versioned flows: the built-in {@code hotline} from the jar (version 1) plus every version saved
 * in table {@code ivr_flow}. A saved version is immutable; activating one deactivates the others of
 * its flow in the same transaction. Thread-safe.
 */
final class StoredIvrFlows implements IvrFlows {

  static final String BUILT_IN_ID = "hotline";
  private static final Logger log = LoggerFactory.getLogger(StoredIvrFlows.class);

  private final FlowReader reader;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final String builtInSource;
  private final Flow builtIn;

  StoredIvrFlows(FlowReader reader, JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
    this.reader = reader;
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
    this.builtInSource = resource("/ivr/hotline.yaml");
    this.builtIn = reader.read(builtInSource);
  }

  private static String resource(String path) {
    try (InputStream in = StoredIvrFlows.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<FlowVersion> versions() {
    List<FlowVersion> all =
        new ArrayList<>(
            jdbc.sql(
                    "SELECT flow_id, version, active, saved_by, saved_at FROM ivr_flow"
                        + " ORDER BY flow_id, version DESC")
                .query(
                    (rs, i) ->
                        new FlowVersion(
                            rs.getString(1),
                            rs.getInt(2),
                            rs.getBoolean(3),
                            rs.getString(4),
                            rs.getTimestamp(5).toInstant()))
                .list());
    boolean builtInActive =
        all.stream().noneMatch(v -> v.flowId().equals(BUILT_IN_ID) && v.active());
    all.add(new FlowVersion(BUILT_IN_ID, 1, builtInActive, null, null));
    return all;
  }

  @Override
  public Optional<String> source(String flowId, int version) {
    if (flowId.equals(BUILT_IN_ID) && version == 1) {
      return Optional.of(builtInSource);
    }
    return jdbc.sql("SELECT source FROM ivr_flow WHERE flow_id = ? AND version = ?")
        .params(flowId, version)
        .query(String.class)
        .optional();
  }

  @Override
  public List<FlowProblem> validate(String source) {
    return reader.problems(source);
  }

  @Override
  public FlowVersion save(String source, String savedBy) {
    Flow checked = reader.read(source);
    // Two admins saving at once: the primary key lets one win each version; the other retries.
    for (int tries = 0; ; tries++) {
      int version = nextVersion(checked.id());
      try {
        var at = clock.instant();
        jdbc.sql(
                "INSERT INTO ivr_flow (flow_id, version, source, saved_by, saved_at)"
                    + " VALUES (?, ?, ?, ?, ?)")
            .params(checked.id(), version, source, savedBy, Timestamp.from(at))
            .update();
        log.info("IVR flow {} v{} saved by {}", checked.id(), version, savedBy);
        return new FlowVersion(checked.id(), version, false, savedBy, at);
      } catch (DuplicateKeyException e) {
        if (tries >= 3) {
          throw e;
        }
      }
    }
  }

  private int nextVersion(String flowId) {
    int stored =
        jdbc.sql("SELECT coalesce(max(version), 1) FROM ivr_flow WHERE flow_id = ?")
            .param(flowId)
            .query(Integer.class)
            .single();
    return stored + 1;
  }

  @Override
  public FlowVersion activate(String flowId, int version, String activatedBy) {
    if (source(flowId, version).isEmpty()) {
      throw new FlowNotFoundException(flowId, version);
    }
    tx.executeWithoutResult(
        status -> {
          jdbc.sql("UPDATE ivr_flow SET active = false WHERE flow_id = ? AND active")
              .param(flowId)
              .update();
          jdbc.sql("UPDATE ivr_flow SET active = true WHERE flow_id = ? AND version = ?")
              .params(flowId, version)
              .update();
        });
    log.info("IVR flow {} v{} activated by {}", flowId, version, activatedBy);
    return versions().stream()
        .filter(v -> v.flowId().equals(flowId) && v.version() == version)
        .findFirst()
        .orElseThrow(() -> new FlowNotFoundException(flowId, version));
  }

  /** The flow new calls run: the active saved version, else the built-in. */
  Flow active(String flowId) {
    Optional<Integer> version =
        jdbc.sql("SELECT version FROM ivr_flow WHERE flow_id = ? AND active")
            .param(flowId)
            .query(Integer.class)
            .optional();
    if (version.isEmpty()) {
      if (flowId.equals(BUILT_IN_ID)) {
        return builtIn;
      }
      throw new FlowNotFoundException(flowId, 0);
    }
    String source = source(flowId, version.get()).orElseThrow();
    return reader.read(source).withVersion(version.get());
  }

  @Override
  public List<FlowPrompt> prompts(String flowId, int version) {
    String source =
        source(flowId, version).orElseThrow(() -> new FlowNotFoundException(flowId, version));
    Flow flow = reader.read(source);
    List<FlowPrompt> prompts = new ArrayList<>();
    for (Node node : flow.nodes().values()) {
      String at = "nodes." + node.id() + ".";
      switch (node) {
        case Node.Menu m -> add(prompts, at + "prompt", m.prompt());
        case Node.Say s -> add(prompts, at + "prompt", s.prompt());
        case Node.OrderStatus o -> {
          add(prompts, at + "ask", o.ask());
          add(prompts, at + "confirm", o.confirm());
          add(prompts, at + "confirm-keys", o.confirmKeys());
          add(prompts, at + "found", o.found());
          add(prompts, at + "not-found", o.notFound());
          add(prompts, at + "unavailable", o.unavailable());
        }
        case Node.LeaveNumber l -> {
          add(prompts, at + "ask", l.ask());
          add(prompts, at + "thanks", l.thanks());
        }
        case Node.Agent a -> add(prompts, at + "prompt", a.prompt());
        case Node.Hangup h -> add(prompts, at + "prompt", h.prompt());
        case Node.Hours h -> {
          // No prompt: it only branches.
        }
      }
    }
    return prompts;
  }

  private static void add(List<FlowPrompt> prompts, String path, Prompt prompt) {
    if (prompt != null) {
      prompts.add(
          new FlowPrompt(
              path, prompt.texts().get("en"), prompt.texts().get("zh"), prompt.sounds()));
    }
  }
}
