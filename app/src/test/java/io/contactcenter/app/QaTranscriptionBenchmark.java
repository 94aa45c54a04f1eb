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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transcription throughput of the QA queue: {@code bench.recordings} (8) recordings of a two-minute
 * conversation (MaryTTS sentences with the pauses of a real call, a quarter of the time silence)
 * are queued at once, and {@code bench.workers} (2) workers transcribe them with the real Vosk
 * model (after a warm-up of one two-leg call per worker, not counted); first as mixed recordings,
 * then as two-leg calls (each direction apart), or only one of them with {@code bench.mode=mixed}
 * or {@code legs}. Prints and writes {@code app/target/qa-transcription-benchmark.txt}: recordings
 * per minute, audio hours per core-hour (by the JVM's CPU time, by the workers' threads' CPU time,
 * and by wall time per worker as before), the time from queueing to transcript, and how many words
 * were right and when (word error rate against the lines spoken, and the first and last word's time
 * against the line's sound).
 *
 * <p>{@code bench.mode=paced} measures instead how soon a call's transcript is ready after its
 * hang-up at a steady load: {@code bench.agents} (10) agents in back-to-back two-leg calls of two
 * minutes, so that one call ends every 120 / agents seconds, for {@code bench.calls} (20) calls;
 * run it with the application's defaults ({@code -Dbench.workers=1 -Dbench.settle=3s
 * -Dbench.poll-interval=5s}) for the figure a site would see. Not part of the test suite; see
 * docs/benchmarks.md.
 */
@ContactCenterIT
@DirtiesContext
@TestPropertySource(
    properties = {
      "cc.test.context=qa-benchmark",
      "cc.qa.transcription.enabled=true",
      "cc.qa.transcription.poll-interval=${bench.poll-interval:200ms}",
      "cc.qa.transcription.settle=${bench.settle:0s}",
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

    // Not counted: one two-leg call per worker first, so that neither measured run pays for cold
    // recognizers (a new one spends about three times the CPU on its first utterances) and the JIT.
    run("warmup", workers, workers, conversation, true);
    StringBuilder report = new StringBuilder();
    if (mode.equals("paced")) {
      report.append(
          paced(
              Integer.getInteger("bench.calls", 20),
              Integer.getInteger("bench.agents", 10),
              workers,
              conversation));
      System.out.print(report);
      Files.writeString(Path.of("target/qa-transcription-benchmark.txt"), report);
      return;
    }
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
    long workerCpuBefore = workerCpuNanos();
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
    double workerCpu = (workerCpuNanos() - workerCpuBefore) / 1e9;
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
    // Not DISTINCT: the same audio may come out a word or two apart from recording to recording.
    List<String> transcripts =
        jdbc.sql("SELECT words::text FROM qa_recording WHERE conversation_id LIKE ?")
            .param(prefix + "%")
            .query(String.class)
            .list();
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    List<List<Map<String, Object>>> heard = new ArrayList<>();
    for (String t : transcripts) {
      heard.add(json.readValue(t, new com.fasterxml.jackson.core.type.TypeReference<>() {}));
    }
    return String.format(
        Locale.ROOT,
        "%s: %d recordings x %.0f s (%d words each), workers: %d, cores: %d, load %s -> %s%n"
            + "  wall: %.1f s -> %.2f recordings per minute%n"
            + "  audio hours per core-hour, by CPU time: %.1f (%.1f core-s, %.3f core-s per"
            + " audio second)%n"
            + "  audio hours per core-hour, by the workers' threads' CPU time (Vosk runs on"
            + " them): %.1f (%.1f core-s)%n"
            + "  audio hours per core-hour, by wall time per worker: %.1f%n"
            + "  transcription per recording: min %d ms, median %d ms, max %d ms"
            + " (real-time factor %.3f)%n"
            + "  queued to transcript: median %d ms, max %d ms%n%s",
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
        count * audioSeconds / workerCpu,
        workerCpu,
        count * audioSeconds / (wall * workers),
        took.getFirst(),
        took.get(took.size() / 2),
        took.getLast(),
        took.get(took.size() / 2) / 1000.0 / audioSeconds,
        ready.get(ready.size() / 2),
        ready.getLast(),
        accuracy(conversation, heard));
  }

  /**
   * Two-leg calls ending one by one, as {@code agents} agents in back-to-back calls end them: each
   * call's transcript-ready time is measured from its hang-up (the {@code CallEnded} event) to the
   * queue's {@code transcribed_at}, so the settle delay, the polling and any wait behind earlier
   * calls count.
   */
  private String paced(int calls, int agents, int workers, Conversation conversation)
      throws Exception {
    String prefix = "qa-bench-paced-";
    double callSeconds = conversation.mixed().length / 2.0 / RATE;
    long spacingMs = Math.round(callSeconds * 1000 / agents);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      String id = prefix + UUID.randomUUID();
      Files.write(recordings.resolve(id + ".wav"), wav(conversation.mixed()));
      Files.write(recordings.resolve(id + "-in.wav"), wav(conversation.customer()));
      Files.write(recordings.resolve(id + "-out.wav"), wav(conversation.agent()));
      ids.add(id);
    }
    String loadBefore = loadAverage();
    long cpuBefore = processCpuNanos();
    Map<String, Instant> hungUp = new java.util.HashMap<>();
    long start = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      long due = start + i * spacingMs * 1_000_000L;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
      }
      hungUp.put(ids.get(i), Instant.now());
      callEnded(ids.get(i));
    }
    await()
        .atMost(Duration.ofMinutes(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                jdbc.sql(
                            "SELECT count(*) FROM qa_recording WHERE state = 'DONE'"
                                + " AND conversation_id LIKE ?")
                        .param(prefix + "%")
                        .query(Integer.class)
                        .single()
                    == calls);
    double cpu = (processCpuNanos() - cpuBefore) / 1e9;
    String loadAfter = loadAverage();
    Map<String, Long> readyById = new java.util.HashMap<>();
    jdbc.sql(
            "SELECT conversation_id, transcribed_at FROM qa_recording"
                + " WHERE conversation_id LIKE ?")
        .param(prefix + "%")
        .query(
            (rs, n) -> {
              Instant done = rs.getTimestamp("transcribed_at").toInstant();
              String id = rs.getString("conversation_id");
              readyById.put(id, Duration.between(hungUp.get(id), done).toMillis());
              return null;
            })
        .list();
    // In hang-up order: whether the wait grows from the first calls to the last (a backlog).
    List<Long> inOrder = ids.stream().map(readyById::get).toList();
    List<Long> ready = new ArrayList<>(inOrder);
    java.util.Collections.sort(ready);
    List<Long> took =
        jdbc.sql(
                "SELECT transcribe_ms FROM qa_recording WHERE conversation_id LIKE ?"
                    + " ORDER BY transcribe_ms")
            .param(prefix + "%")
            .query(Long.class)
            .list();
    double busy = took.stream().mapToLong(Long::longValue).sum() / 1000.0;
    double span = (calls - 1) * spacingMs / 1000.0;
    return String.format(
        Locale.ROOT,
        "paced: %d two-leg calls x %.0f s, one ending every %.1f s (%d agents in back-to-back"
            + " calls), workers: %d, cores: %d, load %s -> %s%n"
            + "  transcript ready after hang-up: min %d ms, median %d ms, p95 %d ms, max %d ms"
            + " (goal: p95 <= call length, %.0f s)%n"
            + "  ready after hang-up by hang-up order, first / middle / last third medians:"
            + " %d / %d / %d ms%n"
            + "  transcription itself: median %d ms, p95 %d ms; worker busy %.0f s in %.0f s of"
            + " hang-ups (utilisation %.2f)%n"
            + "  CPU: %.1f core-s for %.0f s of calls (%.3f core-s per second of call)%n",
        calls,
        callSeconds,
        spacingMs / 1000.0,
        agents,
        workers,
        Runtime.getRuntime().availableProcessors(),
        loadBefore,
        loadAfter,
        ready.getFirst(),
        ready.get(ready.size() / 2),
        ready.get((int) Math.ceil(ready.size() * 0.95) - 1),
        ready.getLast(),
        callSeconds,
        thirdMedian(inOrder, 0),
        thirdMedian(inOrder, 1),
        thirdMedian(inOrder, 2),
        took.get(took.size() / 2),
        took.get((int) Math.ceil(took.size() * 0.95) - 1),
        busy,
        span,
        busy / workers / Math.max(span, 1),
        cpu,
        calls * callSeconds,
        cpu / (calls * callSeconds));
  }

  /** The median of one third (0, 1 or 2) of the values, in their order. */
  private static long thirdMedian(List<Long> values, int third) {
    int size = values.size() / 3;
    List<Long> part =
        new ArrayList<>(
            values.subList(third * size, third == 2 ? values.size() : (third + 1) * size));
    java.util.Collections.sort(part);
    return part.get(part.size() / 2);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** CPU time of the transcription workers' threads, the speech engine's native code included. */
  private static long workerCpuNanos() {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("qa-transcription-")) {
        sum += Math.max(0, threads.getThreadCpuTime(t.threadId()));
      }
    }
    return sum;
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * One call: the mixed recording and each direction apart, silent while the other speaks, and
   * where each line was placed.
   */
  record Conversation(byte[] mixed, byte[] agent, byte[] customer, List<Placed> lines) {}

  /** A line as placed in the call: who said it, and from when to when its sound runs. */
  record Placed(String text, boolean agent, long soundStartMs, long soundEndMs) {}

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
    List<Placed> placed = new ArrayList<>();
    int at = 0;
    int i = 0;
    while (at < bytes) {
      byte[] line = spoken.get(i % spoken.size());
      int n = Math.min(line.length, bytes - at);
      System.arraycopy(line, 0, mixed, at, n);
      System.arraycopy(line, 0, i % 2 == 0 ? agent : customer, at, n);
      if (n == line.length) {
        // Only whole lines are scored; the call ends in the middle of the last one.
        placed.add(
            new Placed(
                LINES[i % LINES.length],
                i % 2 == 0,
                (at + soundStart(line)) / 2 * 1000L / RATE,
                (at + soundEnd(line)) / 2 * 1000L / RATE));
      }
      at += line.length + (800 + (i * 370) % 1200) * RATE / 1000 * 2;
      i++;
    }
    return new Conversation(mixed, agent, customer, placed);
  }

  /** The first byte of a sample louder than -50 dBFS (the synthesizer's clip may begin quiet). */
  private static int soundStart(byte[] pcm16le) {
    for (int i = 0; i + 1 < pcm16le.length; i += 2) {
      if (Math.abs(sample(pcm16le, i)) > SOUND) {
        return i;
      }
    }
    return pcm16le.length;
  }

  /** Just after the last sample louder than -50 dBFS. */
  private static int soundEnd(byte[] pcm16le) {
    for (int i = (pcm16le.length & ~1) - 2; i >= 0; i -= 2) {
      if (Math.abs(sample(pcm16le, i)) > SOUND) {
        return i + 2;
      }
    }
    return 0;
  }

  private static final int SOUND = (int) (32768 * Math.pow(10, -50 / 20.0));

  private static int sample(byte[] pcm16le, int at) {
    return (short) ((pcm16le[at] & 0xFF) | (pcm16le[at + 1] << 8));
  }

  /**
   * How well the transcripts match what was said, and when. Each recognized word belongs to the
   * line whose sound it overlaps (300 ms of slack each side); a word in no line is an insertion.
   * Word errors are counted per line (edit distance of the words), so a right word at the wrong
   * time is an error too; with two legs a word of the wrong party is also counted apart. Timing:
   * how far the first word's start and the last word's end are from the line's sound (positive:
   * after it).
   */
  static String accuracy(Conversation conversation, List<List<Map<String, Object>>> transcripts) {
    int lines = conversation.lines().size();
    long lastEndMs = conversation.mixed().length / 2 * 1000L / RATE;
    int spoken = 0;
    for (Placed p : conversation.lines()) {
      spoken += reference(p.text()).size();
    }
    List<Double> rates = new ArrayList<>();
    int recognized = 0;
    int inserted = 0;
    int wrongSpeaker = 0;
    List<Long> startErrors = new ArrayList<>();
    List<Long> endErrors = new ArrayList<>();
    for (List<Map<String, Object>> words : transcripts) {
      List<List<String>> heard = new ArrayList<>();
      for (int i = 0; i < lines; i++) {
        heard.add(new ArrayList<>());
      }
      long[] first = new long[lines];
      long[] last = new long[lines];
      java.util.Arrays.fill(first, -1);
      int errors = 0;
      recognized += words.size();
      for (Map<String, Object> w : words) {
        long start = ((Number) w.get("startMs")).longValue();
        long end = ((Number) w.get("endMs")).longValue();
        int line = -1;
        for (int i = 0; i < lines; i++) {
          Placed p = conversation.lines().get(i);
          if (start < p.soundEndMs() + 300 && end > p.soundStartMs() - 300) {
            line = i;
            break;
          }
        }
        if (line < 0) {
          // the words of the cut last line are not scored, and not insertions
          if (start < lastEndMs - 6000) {
            inserted++;
            errors++;
          }
          continue;
        }
        heard.get(line).add((String) w.get("word"));
        if (first[line] < 0) {
          first[line] = start;
        }
        last[line] = end;
        String speaker = (String) w.get("speaker");
        boolean agent = conversation.lines().get(line).agent();
        if (!speaker.equals("UNKNOWN") && speaker.equals("CUSTOMER") == agent) {
          wrongSpeaker++;
        }
      }
      for (int i = 0; i < lines; i++) {
        Placed p = conversation.lines().get(i);
        errors += editDistance(reference(p.text()), heard.get(i));
        if (first[i] >= 0) {
          startErrors.add(first[i] - p.soundStartMs());
          endErrors.add(last[i] - p.soundEndMs());
        }
      }
      rates.add(100.0 * errors / spoken);
    }
    rates.sort(null);
    startErrors.sort(null);
    endErrors.sort(null);
    return String.format(
        Locale.ROOT,
        "  words: %.1f recognized per recording of %d spoken in %d whole lines; word error rate"
            + " mean %.1f %% (min %.1f %%, max %.1f %%), %d words outside any line, %d words given"
            + " to the wrong party (all recordings)%n"
            + "  first word's start - the line's sound start: min %d ms, median %d ms, max %d ms;"
            + " last word's end - sound end: min %d ms, median %d ms, max %d ms%n",
        recognized / (double) transcripts.size(),
        spoken,
        lines,
        rates.stream().mapToDouble(Double::doubleValue).average().orElse(0),
        rates.getFirst(),
        rates.getLast(),
        inserted,
        wrongSpeaker,
        startErrors.getFirst(),
        startErrors.get(startErrors.size() / 2),
        startErrors.getLast(),
        endErrors.getFirst(),
        endErrors.get(endErrors.size() / 2),
        endErrors.getLast());
  }

  private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

  private static List<String> reference(String text) {
    List<String> out = new ArrayList<>();
    for (String w : WHITESPACE.split(text.toLowerCase(Locale.ROOT).replaceAll("[^a-z' ]", " "))) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  private static int editDistance(List<String> a, List<String> b) {
    int[] previous = new int[b.size() + 1];
    int[] current = new int[b.size() + 1];
    for (int j = 0; j <= b.size(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.size(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.size(); j++) {
        int substitute = previous[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.size()];
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
