package io.contactcenter.app;

import static org.awaitility.Awaitility.await;

import com.sun.management.OperatingSystemMXBean;
import io.contactcenter.asrtts.SpeechSynthesizer;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentSettings;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactQueued;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.routing.WithdrawReason;
import io.contactcenter.testinfra.CapturedEvents;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.FreePorts;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.Repository;
import io.contactcenter.testinfra.TestInfrastructure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Many callers at once through the speech hotline (4001) into the support queue, against the real
 * Asterisk: one SIPp process places N calls at a ramp rate, each call's media going to a caller
 * endpoint of this test (its own UDP port in the SDP) that listens to the prompts and answers like
 * a person who waits for the end of each prompt. At the menu it presses 1 (RFC 4733, payload type
 * 96); asked for the order number it says a number of its own (digit words synthesized once with
 * MaryTTS and joined, so every caller's number and so every read-back is different); to the
 * read-back it says "no"; asked again for the number it presses 0 and # for an agent, hears "please
 * hold" and waits in the queue with music until SIPp hangs up. Asked to key the number instead of
 * hearing it read back (the IVR did not hear it whole: a prompt after the number shorter than the
 * read-back's), it presses 0 and # at once, as a person who wants an agent would; such callers are
 * counted apart, and the report says which digit the IVR missed. One agent of the queue is logged
 * in and not ready, so every caller stays queued.
 *
 * <p>Measured on the caller's side, from RTP: a key's latency is from the end packet of its
 * telephone-event (the moment Asterisk takes the digit) to the first audible frame received after
 * it; a phrase's latency is from sending the phrase's last voiced frame to the first audible frame
 * received after it. A call fails when SIPp fails it (e.g. Asterisk hung up before SIPp did), when
 * a step waits longer than {@code bench.step-timeout} for a prompt, or when it was never queued.
 *
 * <p>Prints counts and p50/p95/max and writes them to {@code
 * app/target/inbound-load-benchmark.txt}. Not part of the test suite (failsafe runs {@code *IT}
 * only; see docs/benchmarks.md). Settings: {@code -Dbench.callers=100} (or levels run one after the
 * other: {@code 25,50,100}), {@code -Dbench.rate=2} (calls started per second), {@code
 * -Dbench.hold} (seconds from answer to hang-up; default the ramp plus 60 s), {@code
 * -Dbench.known-orders=false} (the callers' numbers are not orders the IVR knows), {@code
 * -Dbench.early-end-of-answer=300ms} (the product's pause after a complete answer).
 */
@ContactCenterIT
// The product's default (the ITs' shared context shortens it to 4 s): a caller who waits for the
// end
// of a prompt and then says six digits needs it.
// -Dbench.early-end-of-answer measures another pause after a complete answer (ADR 0056, 0062).
@TestPropertySource(
    properties = {
      "cc.ivr.hotline.input-timeout=6s",
      "cc.ivr.hotline.early-end-of-answer=${bench.early-end-of-answer:300ms}"
    })
// A context of its own: closed after the class, so it does not keep the FastAGI port.
@DirtiesContext
class InboundLoadBenchmark {

  /** Peak amplitude (of 32767) that makes a received frame audible. */
  private static final int AUDIBLE = 1000;

  /** How long the line stays quiet before a caller takes a prompt to be over. */
  /** A prompt after the number shorter than this is not the read-back (about 8 s). */
  private static final long READ_BACK_NANOS = Duration.ofSeconds(5).toNanos();

  /**
   * Quiet after a short prompt that tells the caller it was asked to key (a gap between the
   * read-back's parts is shorter; the keys question then waits 6 s).
   */
  private static final long KEYS_PROMPT_QUIET_NANOS = Duration.ofMillis(2500).toNanos();

  /**
   * Whether each caller's number is an order the order data knows ({@code -Dbench.known-orders},
   * default true), as a real caller's own order is; false: numbers nobody knows, as before ADR
   * 0062.
   */
  private static final boolean KNOWN_ORDERS =
      Boolean.parseBoolean(System.getProperty("bench.known-orders", "true"));

  private static final long QUIET_NANOS =
      Duration.ofMillis(Long.getLong("bench.quiet-ms", 800)).toNanos();

  private static final String[] DIGITS = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"
  };

  static LocalAsterisk asterisk;

  @Autowired HealthEndpoint health;
  @Autowired SpeechSynthesizer tts;
  @Autowired AgentDirectory agents;
  @Autowired AgentDesk desk;
  @Autowired ContactRouting routing;
  @Autowired CapturedEvents events;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void startAsterisk() {
    asterisk = TestInfrastructure.asterisk();
  }

  @Test
  void callersThroughTheIvrIntoTheQueue() throws Exception {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> health.healthForPath("ami").getStatus().equals(Status.UP));
    // One level after the other in the same application: "25,50,100".
    for (String level : System.getProperty("bench.callers", "100").split(",")) {
      level(Integer.parseInt(level.strip()));
      // Let Asterisk and the application finish the last hang-ups before the next level.
      TimeUnit.SECONDS.sleep(10);
    }
  }

  private void level(int callers) throws Exception {
    double rate = Double.parseDouble(System.getProperty("bench.rate", "2"));
    long hold = Long.getLong("bench.hold", (long) Math.ceil(callers / rate) + 60);
    Duration stepTimeout = Duration.ofSeconds(Long.getLong("bench.step-timeout", 30));

    // One agent of the queue is logged in but not ready: callers are queued (with no agent logged
    // in the ACD says goodbye) and nobody takes them.
    String agent = "bench-" + UUID.randomUUID().toString().substring(0, 6);
    agents.save(new AgentSettings(agent, Map.of("support", 3), 0, 0, 0, "agent-99@trunk-test"));
    desk.logIn(agent);

    byte[][] digitWords = new byte[10][];
    for (int d = 0; d < 10; d++) {
      digitWords[d] = trimSilence(tts.synthesize(DIGITS[d], null).pcm16le8k());
    }
    byte[] no = trimSilence(tts.synthesize("no", null).pcm16le8k());
    // A warm-up call's worth of the constant prompts is in the synthesizer's cache from any earlier
    // run; the read-backs (a number per caller) are not.
    List<Caller> all = new ArrayList<>();
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "bench-callers-tick"));
    Path dir = Files.createTempDirectory("inbound-bench");
    Path ports = dir.resolve("ports.csv");
    StringBuilder csv = new StringBuilder("SEQUENTIAL\n");
    for (int i = 0; i < callers; i++) {
      String number =
          String.format("%06d", ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
      Caller c = new Caller(i, number, phrase(number, digitWords), no, stepTimeout.toNanos());
      all.add(c);
      if (KNOWN_ORDERS) {
        // A caller asks about an order of their own: the order data knows the number (ADR 0062).
        jdbc.sql(
                "INSERT INTO ivr_order (order_id, state, updated_at) VALUES (?, 'SHIPPED', now())"
                    + " ON CONFLICT (order_id) DO NOTHING")
            .param(number)
            .update();
      }
      csv.append(c.port()).append('\n');
    }
    Files.writeString(ports, csv.toString());

    Instant started = Instant.now().minusSeconds(1);
    String loadBefore = loadAverage();
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuBefore = os.getProcessCpuTime();
    long wallBefore = System.nanoTime();
    ticker.scheduleAtFixedRate(() -> all.forEach(Caller::tick), 20, 20, TimeUnit.MILLISECONDS);

    Path stats = dir.resolve("stats.csv");
    List<String> cmd =
        List.of(
            "sipp",
            "127.0.0.1:" + asterisk.ports().sip(),
            "-sf",
            Repository.root().resolve("pbx/asterisk/sipp/inbound-caller-media.xml").toString(),
            "-s",
            "4001",
            "-i",
            "127.0.0.1",
            "-p",
            Integer.toString(FreePorts.next()),
            "-inf",
            ports.toString(),
            "-m",
            Integer.toString(callers),
            "-l",
            Integer.toString(callers),
            "-r",
            "1",
            "-rp",
            Long.toString(Math.round(1000 / rate)),
            "-d",
            Long.toString(hold * 1000),
            "-timeout",
            (hold + callers / rate + 120) + "s",
            "-timeout_error",
            "-trace_stat",
            "-stf",
            stats.toString(),
            "-fd",
            "1",
            "-trace_err",
            "-error_file",
            dir.resolve("errors.log").toString(),
            "-nostdin");
    Path log = dir.resolve("sipp.log");
    Process sipp =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean ended = sipp.waitFor(hold + (long) (callers / rate) + 180, TimeUnit.SECONDS);
    if (!ended) {
      sipp.destroyForcibly();
    }
    long wall = System.nanoTime() - wallBefore;
    double appCores = (double) (os.getProcessCpuTime() - cpuBefore) / wall;
    String loadAfter = loadAverage();
    ticker.shutdownNow();
    all.forEach(Caller::close);

    int[] sippCounts = sippCounts(stats);
    // Cross-check on the product's side: sessions handed to an agent, contacts queued.
    int sessionsToAgent =
        jdbc.sql("SELECT count(*) FROM ivr_session WHERE started_at >= ? AND outcome = 'TO_AGENT'")
            .param(Timestamp.from(started))
            .query(Integer.class)
            .single();
    long queued =
        events.ofType(ContactQueued.class).stream()
            .filter(q -> q.channel() == ContactChannel.VOICE && q.at().isAfter(started))
            .count();
    desk.logOut(agent);
    jdbc.sql("SELECT id FROM routing_contact WHERE state = 'WAITING' AND channel = 'VOICE'")
        .query(String.class)
        .list()
        .forEach(id -> routing.withdraw(new ContactId(id), WithdrawReason.CANCELLED));

    List<Long> keys = new ArrayList<>();
    List<Long> speech = new ArrayList<>();
    List<Long> agentKeys = new ArrayList<>();
    List<Long> noes = new ArrayList<>();
    Map<String, Integer> failures = new TreeMap<>();
    int reachedQueue = 0;
    List<Long> reasks = new ArrayList<>();
    int askedToKey = 0;
    for (Caller c : all) {
      reasks.addAll(c.reaskMillis);
      askedToKey += c.askedToKey ? 1 : 0;
      keys.addAll(c.keyMillis);
      agentKeys.addAll(c.agentKeyMillis);
      speech.addAll(c.speechMillis);
      noes.addAll(c.noMillis);
      if (c.state == State.IN_QUEUE) {
        reachedQueue++;
      } else {
        failures.merge("stuck " + c.state + (c.timedOut ? " (timed out)" : ""), 1, Integer::sum);
      }
    }
    String report =
        String.format(
            Locale.ROOT,
            "Inbound load: %d callers at %.1f/s, hold %d s, %s%n"
                + "  SIPp: %d successful, %d failed%s%n"
                + "  callers through the IVR to \"please hold\" (caller side): %d of %d; not: %s%n"
                + "  product side: %d sessions TO_AGENT, %d voice contacts queued%n"
                + "  key -> prompt, 1 at the menu: %s%n"
                + "  key -> prompt, 0# for an agent: %s%n"
                + "  key -> prompt, both: %s%n"
                + "  end of speech -> prompt, the order number: %s%n"
                + "  callers asked to key the number (not heard whole), keyed 0#: %d;"
                + " end of speech -> that prompt: %s%n"
                + "  end of speech -> prompt, \"no\" to the read-back: %s%n"
                + "  end of speech -> prompt, both: %s%n"
                + "  app process CPU %.2f cores; load average before %s, after %s%n"
                + "  callers' numbers known orders: %s%n",
            callers,
            rate,
            hold,
            Instant.now(),
            sippCounts[0],
            sippCounts[1],
            ended ? "" : " (SIPp did not end: killed)",
            reachedQueue,
            callers,
            failures,
            sessionsToAgent,
            queued,
            summary(keys),
            summary(agentKeys),
            summary(both(keys, agentKeys)),
            summary(speech),
            askedToKey,
            summary(reasks),
            summary(noes),
            summary(both(speech, noes)),
            appCores,
            loadBefore,
            loadAfter,
            KNOWN_ORDERS);
    System.out.println(report);
    all.stream()
        .filter(
            c ->
                c.state != State.IN_QUEUE
                    || both(c.keyMillis, c.agentKeyMillis).stream().anyMatch(m -> m > 1000)
                    || both(c.speechMillis, c.noMillis).stream().anyMatch(m -> m > 1500 || m < 100))
        .limit(20)
        .forEach(c -> System.out.println("  caller " + c.index + " " + c.state + " " + c.trace));
    // What the IVR heard, per session of this level.
    List<String> visits =
        jdbc.sql("SELECT visits::text FROM ivr_session WHERE started_at >= ?")
            .param(Timestamp.from(started))
            .query(String.class)
            .list();
    for (String token : List.of("\"speech:no\"", "no-input", "no-match", "\"keys:0\"")) {
      System.out.printf(
          "  sessions with %s: %d of %d%n",
          token, visits.stream().filter(v -> v.contains(token)).count(), visits.size());
    }
    // What the order-number node heard beside what the callers said: whole, one digit dropped
    // (and where), or other.
    String heardLine = numbersHeard(all, visits);
    System.out.println("  " + heardLine);
    // The read-back's latency by what was heard: session k is caller k's (SIPp places the calls in
    // the order of the ports file, 1/rate apart). A number heard as said is a known order and ends
    // early (ADR 0062); a misheard one is no order and waits the trailing silence.
    List<String> inOrder =
        jdbc.sql("SELECT visits::text FROM ivr_session WHERE started_at >= ? ORDER BY started_at")
            .param(Timestamp.from(started))
            .query(String.class)
            .list();
    List<Long> heardAsSaid = new ArrayList<>();
    List<Long> misheard = new ArrayList<>();
    for (int i = 0; i < Math.min(all.size(), inOrder.size()); i++) {
      Caller c = all.get(i);
      (c.number.equals(firstNumber(inOrder.get(i))) ? heardAsSaid : misheard)
          .addAll(c.speechMillis);
    }
    String splitLine =
        "end of speech -> read-back, number heard as said: "
            + summary(heardAsSaid)
            + "; heard otherwise: "
            + summary(misheard);
    System.out.println("  " + splitLine);
    heardLine = heardLine + System.lineSeparator() + "  " + splitLine;
    // A few whole sessions that took a no-input exit: where an answer was lost.
    visits.stream()
        .filter(v -> v.contains("no-input"))
        .limit(5)
        .forEach(v -> System.out.println("  session with no-input: " + v));
    if (callers <= 5) {
      jdbc.sql("SELECT path, visits::text FROM ivr_session WHERE started_at >= ?")
          .param(Timestamp.from(started))
          .query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
          .list()
          .forEach(v -> System.out.println("  session " + v));
    }
    System.out.println("SIPp errors (first 40 lines):");
    Path errors = dir.resolve("errors.log");
    if (Files.exists(errors)) {
      Files.readAllLines(errors).stream().limit(40).forEach(System.out::println);
    }
    Path out = Path.of("target/inbound-load-benchmark.txt");
    Files.writeString(
        out,
        report + "  " + heardLine + System.lineSeparator(),
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
  }

  /** The first number of two or more digits a session heard by speech; null if none. */
  private static String firstNumber(String visits) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"speech:([a-z ]+)\"").matcher(visits);
    while (m.find()) {
      StringBuilder digits = new StringBuilder();
      for (String w : m.group(1).split(" ")) {
        int d = List.of(DIGITS).indexOf(w);
        if (d >= 0) {
          digits.append(d);
        }
      }
      if (digits.length() > 1) {
        return digits.toString();
      }
    }
    return null;
  }

  /**
   * Classifies the first spoken number of each session against the callers' numbers: said whole,
   * one digit dropped (by its position, 1 to 6), or other (with the first few heard).
   */
  private static String numbersHeard(List<Caller> all, List<String> visits) {
    java.util.Set<String> said = new java.util.HashSet<>();
    all.forEach(c -> said.add(c.number));
    java.util.regex.Pattern speech = java.util.regex.Pattern.compile("\"speech:([a-z ]+)\"");
    int whole = 0;
    int[] dropped = new int[7];
    int others = 0;
    List<String> other = new ArrayList<>();
    for (String v : visits) {
      String heard = null;
      java.util.regex.Matcher m = speech.matcher(v);
      while (heard == null && m.find()) {
        StringBuilder digits = new StringBuilder();
        for (String w : m.group(1).split(" ")) {
          int d = List.of(DIGITS).indexOf(w);
          if (d >= 0) {
            digits.append(d);
          }
        }
        if (digits.length() > 1) {
          heard = digits.toString();
        }
      }
      if (heard == null) {
        continue;
      }
      if (said.contains(heard)) {
        whole++;
        continue;
      }
      int at = 0;
      for (String n : said) {
        for (int i = 0; i < n.length() && at == 0; i++) {
          if ((n.substring(0, i) + n.substring(i + 1)).equals(heard)) {
            at = i + 1;
          }
        }
      }
      if (at > 0) {
        dropped[at]++;
      } else {
        others++;
        if (other.size() < 8) {
          other.add(heard);
        }
      }
    }
    return String.format(
        Locale.ROOT,
        "order numbers heard: %d whole; one digit dropped at position 1..6: %s; other: %d %s",
        whole,
        java.util.Arrays.toString(java.util.Arrays.copyOfRange(dropped, 1, 7)),
        others,
        other);
  }

  private static List<Long> both(List<Long> a, List<Long> b) {
    List<Long> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static String summary(List<Long> millis) {
    if (millis.isEmpty()) {
      return "no samples";
    }
    List<Long> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    return String.format(
        Locale.ROOT,
        "n=%d p50 %d ms, p95 %d ms, max %d ms",
        sorted.size(),
        percentile(sorted, 50),
        percentile(sorted, 95),
        sorted.getLast());
  }

  private static long percentile(List<Long> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  /** SuccessfulCall(C) and FailedCall(C) from the last line of SIPp's statistics file. */
  private static int[] sippCounts(Path stats) throws IOException {
    if (!Files.exists(stats)) {
      return new int[] {-1, -1};
    }
    List<String> lines = Files.readAllLines(stats);
    if (lines.size() < 2) {
      return new int[] {-1, -1};
    }
    List<String> header = List.of(lines.getFirst().split(";"));
    String[] last = lines.getLast().split(";");
    return new int[] {
      Integer.parseInt(last[header.indexOf("SuccessfulCall(C)")].strip()),
      Integer.parseInt(last[header.indexOf("FailedCall(C)")].strip())
    };
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
    } catch (IOException e) {
      return "?";
    }
  }

  /** The number said as a person would: digit words, a short pause after the third. */
  private static byte[] phrase(String number, byte[][] digitWords) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < number.length(); i++) {
      out.writeBytes(digitWords[number.charAt(i) - '0']);
      out.writeBytes(new byte[(i == 2 ? 300 : 80) * 16]);
    }
    return trimSilence(out.toByteArray());
  }

  /** The audio without leading and trailing samples below the speech threshold. */
  private static byte[] trimSilence(byte[] pcm) {
    int samples = pcm.length / 2;
    int first = 0;
    int last = samples - 1;
    while (first < samples && Math.abs(sample(pcm, first)) < 300) {
      first++;
    }
    while (last > first && Math.abs(sample(pcm, last)) < 300) {
      last--;
    }
    byte[] out = new byte[(last - first + 1) * 2];
    System.arraycopy(pcm, first * 2, out, 0, out.length);
    return out;
  }

  private static short sample(byte[] pcm, int i) {
    return (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
  }

  enum State {
    MENU,
    KEYED_MENU,
    ASKED_NUMBER,
    SPEAKING,
    SPOKE_NUMBER,
    READ_BACK,
    SAYING_NO,
    SAID_NO,
    ASKED_AGAIN,
    KEYED_AGENT,
    IN_QUEUE
  }

  /**
   * One caller's phone: receives Asterisk's RTP (PCMU) on its port, notes when frames are audible,
   * and on each 20 ms tick sends a frame: silence, a frame of its phrase, or a telephone-event.
   */
  static final class Caller implements AutoCloseable {
    private final int index;
    private final String number;
    private final byte[] phrase;
    private final byte[] no;
    private byte[] speaking;
    private final long stepTimeoutNanos;
    private final DatagramSocket socket;
    private final Thread receiver;
    final List<Long> keyMillis = Collections.synchronizedList(new ArrayList<>());
    final List<Long> agentKeyMillis = Collections.synchronizedList(new ArrayList<>());
    final List<Long> noMillis = Collections.synchronizedList(new ArrayList<>());
    final List<String> trace = Collections.synchronizedList(new ArrayList<>());
    final List<Long> speechMillis = Collections.synchronizedList(new ArrayList<>());
    volatile State state = State.MENU;
    volatile boolean timedOut;

    /** Whether the IVR asked this caller to key the number instead of reading it back. */
    volatile boolean askedToKey;

    final List<Long> reaskMillis = Collections.synchronizedList(new ArrayList<>());
    private long promptStarted;
    private long promptMillis;

    private volatile SocketAddress remote;
    private volatile long lastAudible;
    private volatile long firstAudibleAfterMark;
    private volatile long mark;
    private long stepStarted = System.nanoTime();
    private int sequence = ThreadLocalRandom.current().nextInt(0, 60000);
    private long timestamp;
    private final int ssrc = ThreadLocalRandom.current().nextInt();
    private int phraseAt = -1;
    private char dtmf;
    private String dtmfNext = "";
    private int dtmfGap;
    private int dtmfTick = -1;
    private long dtmfTimestamp;

    Caller(int index, String number, byte[] phrase, byte[] no, long stepTimeoutNanos)
        throws IOException {
      this.index = index;
      this.number = number;
      this.phrase = phrase;
      this.no = no;
      this.stepTimeoutNanos = stepTimeoutNanos;
      this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      this.receiver = Thread.ofVirtual().name("bench-caller-" + index).start(this::receive);
    }

    int port() {
      return socket.getLocalPort();
    }

    private void receive() {
      byte[] buffer = new byte[2048];
      while (!socket.isClosed()) {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
          socket.receive(packet);
        } catch (IOException closed) {
          return;
        }
        long at = System.nanoTime();
        int length = packet.getLength();
        if (length <= 12 || (buffer[1] & 0x7f) != 0) {
          continue; // not PCMU
        }
        remote = packet.getSocketAddress();
        int header = 12 + 4 * (buffer[0] & 0x0f);
        int peak = 0;
        for (int i = header; i < length; i++) {
          peak = Math.max(peak, Math.abs(RtpEar.ulawToLinear(buffer[i])));
        }
        if (peak >= AUDIBLE) {
          lastAudible = at;
          if (mark != 0 && firstAudibleAfterMark == 0 && at > mark) {
            firstAudibleAfterMark = at;
          }
        }
      }
    }

    /** Whether a prompt was heard since the step began and the line has been quiet since. */
    private boolean promptOver(long now) {
      return lastAudible > stepStarted && now - lastAudible > QUIET_NANOS;
    }

    private void next(State s, long now) {
      state = s;
      stepStarted = now;
    }

    /** Called every 20 ms by the shared ticker: moves the caller on and sends one frame. */
    void tick() {
      if (remote == null) {
        return; // not answered yet: the first frame Asterisk sends tells where to send ours
      }
      long now = System.nanoTime();
      switch (state) {
        case MENU -> {
          if (promptOver(now)) {
            press("1");
            next(State.KEYED_MENU, now);
          }
        }
        case KEYED_MENU -> heard(State.ASKED_NUMBER, keyMillis, now);
        case ASKED_NUMBER -> {
          if (promptOver(now)) {
            speaking = phrase;
            phraseAt = 0;
            next(State.SPEAKING, now);
          }
        }
        case SPEAKING -> {
          if (phraseAt < 0) {
            // The last voiced frame went out in the previous tick (mark set then).
            next(State.SPOKE_NUMBER, now);
          }
        }
        case SPOKE_NUMBER -> heard(State.READ_BACK, speechMillis, now);
        case READ_BACK -> {
          if (!promptOver(now)) {
            break;
          }
          if (lastAudible - promptStarted >= READ_BACK_NANOS) {
            speaking = no;
            phraseAt = 0;
            next(State.SAYING_NO, now);
          } else if (now - lastAudible > KEYS_PROMPT_QUIET_NANOS) {
            // Not the read-back (some 8 s, its parts a moment apart when synthesis lags) but
            // "Please key your order number, then the hash key." (some 3 s) and then silence:
            // the number was not heard whole. A person keys now; this one wants an agent, so it
            // keys 0 and #, as it would after its "no".
            askedToKey = true;
            speechMillis.removeLast();
            reaskMillis.add(promptMillis);
            press("0#");
            next(State.KEYED_AGENT, now);
          }
        }
        case SAYING_NO -> {
          if (phraseAt < 0) {
            next(State.SAID_NO, now);
          }
        }
        case SAID_NO -> heard(State.ASKED_AGAIN, noMillis, now);
        case ASKED_AGAIN -> {
          if (promptOver(now)) {
            // The number question takes up to 12 keys: # sends the 0 at once.
            press("0#");
            next(State.KEYED_AGENT, now);
          }
        }
        case KEYED_AGENT -> heard(State.IN_QUEUE, agentKeyMillis, now);
        case IN_QUEUE -> {}
      }
      if (state != State.IN_QUEUE && now - stepStarted > stepTimeoutNanos) {
        timedOut = true;
      }
      send(now);
    }

    private void heard(State then, List<Long> samples, long now) {
      long first = firstAudibleAfterMark;
      if (mark != 0 && first != 0) {
        promptStarted = first;
        promptMillis = (first - mark) / 1_000_000;
        samples.add((first - mark) / 1_000_000);
        trace.add(state + " " + (first - mark) / 1_000_000);
        mark = 0;
        firstAudibleAfterMark = 0;
        next(then, now);
      }
    }

    /** Keys one after the other, 100 ms each with 100 ms between them. */
    private void press(String digits) {
      dtmf = digits.charAt(0);
      dtmfNext = digits.substring(1);
      dtmfTick = 0;
      dtmfTimestamp = timestamp;
    }

    private void send(long now) {
      byte[] packet;
      if (dtmfTick < 0 && !dtmfNext.isEmpty() && ++dtmfGap >= 5) {
        dtmfGap = 0;
        press(dtmfNext);
      }
      if (dtmfTick >= 0) {
        // RFC 4733: 5 packets of the event (100 ms held), then its end packet three times.
        int event = dtmf == '*' ? 10 : dtmf == '#' ? 11 : dtmf - '0';
        boolean end = dtmfTick >= 5;
        int duration = Math.min(dtmfTick + 1, 5) * 160;
        packet = header(96, dtmfTick == 0, dtmfTimestamp, 4);
        packet[12] = (byte) event;
        packet[13] = (byte) ((end ? 0x80 : 0) | 10);
        packet[14] = (byte) (duration >> 8);
        packet[15] = (byte) duration;
        if (dtmfTick == 5 && dtmfNext.isEmpty()) {
          mark = now; // the last key is complete: Asterisk takes the digit on this packet
          firstAudibleAfterMark = 0;
        }
        dtmfTick = dtmfTick == 7 ? -1 : dtmfTick + 1;
        if (dtmfTick < 0) {
          timestamp += 8 * 160;
        }
      } else {
        packet = header(0, false, timestamp, 160);
        for (int i = 0; i < 160; i++) {
          int s = 0;
          if (phraseAt >= 0) {
            int at = phraseAt + i;
            s = at < speaking.length / 2 ? sample(speaking, at) : 0;
          }
          packet[12 + i] = RtpEar.linearToUlaw(s);
        }
        if (phraseAt >= 0) {
          phraseAt += 160;
          if (phraseAt >= speaking.length / 2) {
            phraseAt = -1;
            mark = now; // the phrase's last voiced frame is out
            firstAudibleAfterMark = 0;
          }
        }
        timestamp += 160;
      }
      sequence = (sequence + 1) & 0xffff;
      try {
        socket.send(new DatagramPacket(packet, packet.length, remote));
      } catch (IOException e) {
        // Closed at the end.
      }
    }

    private byte[] header(int payloadType, boolean marker, long ts, int payload) {
      byte[] packet = new byte[12 + payload];
      packet[0] = (byte) 0x80;
      packet[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
      packet[2] = (byte) (sequence >> 8);
      packet[3] = (byte) sequence;
      packet[4] = (byte) (ts >> 24);
      packet[5] = (byte) (ts >> 16);
      packet[6] = (byte) (ts >> 8);
      packet[7] = (byte) ts;
      packet[8] = (byte) (ssrc >> 24);
      packet[9] = (byte) (ssrc >> 16);
      packet[10] = (byte) (ssrc >> 8);
      packet[11] = (byte) ssrc;
      return packet;
    }

    @Override
    public void close() {
      socket.close();
      receiver.interrupt();
    }
  }
}
