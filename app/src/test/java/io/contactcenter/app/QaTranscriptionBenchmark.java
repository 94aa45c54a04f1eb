package io.contactcenter.app;

import static org.awaitility.Awaitility.await;

import io.contactcenter.asrtts.SpeechSynthesizer;
import io.contactcenter.pbx.CallEnded;
import io.contactcenter.testinfra.ContactCenterIT;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transcription throughput of the QA queue: {@code bench.recordings} (8) recordings of a two-minute
 * conversation (MaryTTS sentences with the pauses of a real call, a quarter of the time silence)
 * are queued at once, and {@code bench.workers} (2) workers transcribe them with the real Vosk
 * model; first as mixed recordings, then as two-leg calls (each direction apart), or only one of
 * them with {@code bench.mode=mixed} or {@code legs}. Prints and writes {@code
 * app/target/qa-transcription-benchmark.txt}: recordings per minute, audio hours per core-hour (by
 * the JVM's CPU time, and by wall time per worker as before) and the time from queueing to
 * transcript. Not part of the test suite; see docs/benchmarks.md.
 */
@ContactCenterIT
@TestPropertySource(
    properties = {
      "cc.test.context=qa-benchmark",
      "cc.qa.transcription.enabled=true",
      "cc.qa.transcription.poll-interval=200ms",
      "cc.qa.transcription.settle=0s",
      "cc.qa.transcription.workers=${bench.workers:2}"
    })
class QaTranscriptionBenchmark {

  private static final int RATE = 8000;
  private static final String[] LINES = {
    "Hello, thank you for calling, my name is Anna, how can I help you today?",
    "I would like to know why my parcel has not arrived yet.",
    "I am sorry to hear that. Could you give me your order number please?",
    "Yes, it is four seven one one, two three.",
    "Thank you. I can see the parcel left our warehouse on Monday.",
    "It should be delivered tomorrow before noon.",
    "That is fine. Can I change the delivery address?",
    "Of course. Please tell me the new address.",
    "Is there anything else I can help you with?",
    "No, that is all, thank you very much. Goodbye."
  };

  @Autowired SpeechSynthesizer tts;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;

  @Value("${cc.pbx.recordings.dir}")
  Path recordings;

  @Test
  void transcriptionThroughput() throws Exception {
    int count = Integer.getInteger("bench.recordings", 8);
    int workers = Integer.getInteger("bench.workers", 2);
    String mode = System.getProperty("bench.mode", "both");
    Conversation conversation = conversation(Duration.ofMinutes(2));
    // Asterisk creates its spool when it starts; this test needs no call.
    Files.createDirectories(recordings);

    StringBuilder report = new StringBuilder();
    if (!mode.equals("legs")) {
      report.append(run("mixed", count, workers, conversation, false));
    }
    if (!mode.equals("mixed")) {
      report.append(run("legs", count, workers, conversation, true));
    }
    System.out.print(report);
    Files.writeString(Path.of("target/qa-transcription-benchmark.txt"), report);
  }

  /**
   * Queues {@code count} recordings at once and waits for their transcripts. Audio hours are the
   * call's duration (a two-leg call's two legs count once). CPU is this JVM's, where the workers
   * and Vosk run (the database's is not counted).
   */
  private String run(
      String kind, int count, int workers, Conversation conversation, boolean twoLegs)
      throws Exception {
    String prefix = "qa-bench-" + kind + "-";
    double audioSeconds = conversation.mixed().length / 2.0 / RATE;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = prefix + UUID.randomUUID();
      Files.write(recordings.resolve(id + ".wav"), wav(conversation.mixed()));
      if (twoLegs) {
        Files.write(recordings.resolve(id + "-in.wav"), wav(conversation.customer()));
        Files.write(recordings.resolve(id + "-out.wav"), wav(conversation.agent()));
      }
      ids.add(id);
    }
    String loadBefore = loadAverage();
    long cpuBefore = processCpuNanos();
    Instant start = Instant.now();
    for (String id : ids) {
      callEnded(id);
    }
    await()
        .atMost(Duration.ofMinutes(30))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                jdbc.sql(
                            "SELECT count(*) FROM qa_recording WHERE state = 'DONE'"
                                + " AND conversation_id LIKE ?")
                        .param(prefix + "%")
                        .query(Integer.class)
                        .single()
                    == count);
    double wall = Duration.between(start, Instant.now()).toMillis() / 1000.0;
    double cpu = (processCpuNanos() - cpuBefore) / 1e9;
    String loadAfter = loadAverage();
    List<Long> took =
        jdbc.sql(
                "SELECT transcribe_ms FROM qa_recording WHERE conversation_id LIKE ?"
                    + " ORDER BY transcribe_ms")
            .param(prefix + "%")
            .query(Long.class)
            .list();
    List<Long> ready =
        jdbc.sql(
                "SELECT (extract(epoch FROM transcribed_at - enqueued_at) * 1000)::bigint"
                    + " FROM qa_recording WHERE conversation_id LIKE ? ORDER BY 1")
            .param(prefix + "%")
            .query(Long.class)
            .list();
    int words =
        jdbc.sql(
                "SELECT jsonb_array_length(words) FROM qa_recording"
                    + " WHERE conversation_id LIKE ? LIMIT 1")
            .param(prefix + "%")
            .query(Integer.class)
            .single();
    return String.format(
        Locale.ROOT,
        "%s: %d recordings x %.0f s (%d words each), workers: %d, cores: %d, load %s -> %s%n"
            + "  wall: %.1f s -> %.2f recordings per minute%n"
            + "  audio hours per core-hour, by CPU time: %.1f (%.1f core-s, %.3f core-s per"
            + " audio second)%n"
            + "  audio hours per core-hour, by wall time per worker: %.1f%n"
            + "  transcription per recording: min %d ms, median %d ms, max %d ms"
            + " (real-time factor %.3f)%n"
            + "  queued to transcript: median %d ms, max %d ms%n",
        twoLegs ? "two legs" : "mixed",
        count,
        audioSeconds,
        words,
        workers,
        Runtime.getRuntime().availableProcessors(),
        loadBefore,
        loadAfter,
        wall,
        count / wall * 60,
        count * audioSeconds / cpu,
        cpu,
        cpu / (count * audioSeconds),
        count * audioSeconds / (wall * workers),
        took.getFirst(),
        took.get(took.size() / 2),
        took.getLast(),
        took.get(took.size() / 2) / 1000.0 / audioSeconds,
        ready.get(ready.size() / 2),
        ready.getLast());
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** One call: the mixed recording and each direction apart, silent while the other speaks. */
  record Conversation(byte[] mixed, byte[] agent, byte[] customer) {}

  /**
   * The lines again and again, with pauses between them, until the duration is reached; the agent
   * speaks the even lines, the customer the odd ones.
   */
  private Conversation conversation(Duration length) throws IOException {
    List<byte[]> spoken = new ArrayList<>();
    for (String line : LINES) {
      spoken.add(tts.synthesize(line, null).pcm16le8k());
    }
    int bytes = (int) (length.toSeconds() * RATE * 2);
    byte[] mixed = new byte[bytes];
    byte[] agent = new byte[bytes];
    byte[] customer = new byte[bytes];
    int at = 0;
    int i = 0;
    while (at < bytes) {
      byte[] line = spoken.get(i % spoken.size());
      int n = Math.min(line.length, bytes - at);
      System.arraycopy(line, 0, mixed, at, n);
      System.arraycopy(line, 0, i % 2 == 0 ? agent : customer, at, n);
      at += line.length + (800 + (i * 370) % 1200) * RATE / 1000 * 2;
      i++;
    }
    return new Conversation(mixed, agent, customer);
  }

  private void callEnded(String callId) {
    Instant now = Instant.now();
    tx.executeWithoutResult(
        status ->
            events.publishEvent(
                new CallEnded(
                    callId,
                    callId,
                    "PJSIP/customer-0001",
                    "customer",
                    "4000",
                    null,
                    16,
                    "Normal Clearing",
                    now.minusSeconds(120),
                    now.minusSeconds(120),
                    now,
                    120,
                    120)));
  }

  private static byte[] wav(byte[] pcm16le) {
    ByteBuffer b = ByteBuffer.allocate(44 + pcm16le.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + pcm16le.length);
    b.put("WAVE".getBytes(StandardCharsets.US_ASCII));
    b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1);
    b.putShort((short) 1).putInt(RATE).putInt(RATE * 2).putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(pcm16le.length).put(pcm16le);
    return b.array();
  }
}
