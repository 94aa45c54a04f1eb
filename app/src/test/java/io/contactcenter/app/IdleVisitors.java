package io.contactcenter.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Idle chat visitors in a process of their own, for {@link
 * ChatLoadBenchmark#idleConnectionsStayOpen}: the server's JVM then holds only the server ends of
 * the sockets, and each process has its own open-file limit. A visitor opens its chat as the widget
 * does ({@code POST /chat/api/sessions}, then the WebSocket {@code /chat/ws} with the visitor
 * token, from the shop's origin) and then stays silent.
 *
 * <p>Arguments: the server's base URL ({@code http://127.0.0.1:port}), the shop's origin, the site,
 * and how many visitors open at a time. Commands, one a line on standard input, each answered by
 * one line on standard output beginning with {@value #REPLY}:
 *
 * <ul>
 *   <li>{@code open n}: opens n more visitors; {@code opened <held> <failed> <last error or ->}.
 *   <li>{@code alive}: {@code alive <sockets still open in both directions> <held>}.
 *   <li>{@code close n}: aborts the n last opened; {@code closed <held>}.
 *   <li>{@code last <text>}: a new visitor says text and waits for the acknowledgement and the
 *       bot's answer; {@code last <conversation> <ms to ack> <ms to answer> <answer>} or {@code
 *       last-failed <why>}.
 *   <li>{@code quit}: aborts every socket, answers {@code bye} and exits.
 * </ul>
 *
 * Not a test (the build runs it only when the benchmark launches it).
 */
public final class IdleVisitors {

  static final String REPLY = "idle-visitors ";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final String origin;
  private final String site;
  private final ExecutorService pool;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Visitor> held = new ArrayList<>();

  private IdleVisitors(String base, String origin, String site, int concurrency) {
    this.base = base;
    this.origin = origin;
    this.site = site;
    this.pool = Executors.newFixedThreadPool(concurrency);
  }

  public static void main(String[] args) throws IOException {
    IdleVisitors visitors = new IdleVisitors(args[0], args[1], args[2], Integer.parseInt(args[3]));
    PrintStream out = System.out;
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String command = in.readLine(); command != null; command = in.readLine()) {
      String[] words = command.trim().split(" ", 2);
      String reply =
          switch (words[0]) {
            case "open" -> visitors.open(Integer.parseInt(words[1]));
            case "alive" -> visitors.alive();
            case "close" -> visitors.close(Integer.parseInt(words[1]));
            case "last" -> visitors.last(words.length > 1 ? words[1] : "where is my parcel");
            case "quit" -> null;
            default -> "unknown " + command;
          };
      if (reply == null) {
        break;
      }
      out.println(REPLY + reply);
      out.flush();
    }
    visitors.close(Integer.MAX_VALUE);
    out.println(REPLY + "bye");
    out.flush();
    // The HTTP client's selector thread is not a daemon thread.
    System.exit(0);
  }

  private String open(int count) {
    List<Future<Visitor>> opening = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      opening.add(pool.submit(() -> connect(session())));
    }
    int failed = 0;
    String error = "-";
    for (Future<Visitor> f : opening) {
      try {
        held.add(f.get(2, TimeUnit.MINUTES));
      } catch (Exception e) {
        failed++;
        Throwable cause = e.getCause() == null ? e : e.getCause();
        error = cause.toString().replace('\n', ' ');
        f.cancel(true);
      }
    }
    return "opened " + held.size() + " " + failed + " " + error;
  }

  private String alive() {
    long open = held.stream().filter(Visitor::open).count();
    return "alive " + open + " " + held.size();
  }

  private String close(int count) {
    for (int i = 0; i < count && !held.isEmpty(); i++) {
      held.remove(held.size() - 1).ws.abort();
    }
    return "closed " + held.size();
  }

  private String last(String text) {
    try {
      Session s = session();
      Visitor v = connect(s);
      long sent = System.nanoTime();
      v.ws
          .sendText(
              JSON.writeValueAsString(
                  java.util.Map.of("type", "message", "clientMessageId", "last", "text", text)),
              true)
          .get(10, TimeUnit.SECONDS);
      long acked = v.ack.get(30, TimeUnit.SECONDS);
      JsonNode answer = v.botAfter(acked).get(30, TimeUnit.SECONDS);
      long answered = System.nanoTime();
      String reply =
          String.format(
              java.util.Locale.ROOT,
              "last %s %.1f %.1f %s",
              s.conversationId,
              (v.ackAt - sent) / 1e6,
              (answered - sent) / 1e6,
              answer.path("text").asText().replace('\n', ' '));
      v.ws.abort();
      return reply;
    } catch (Exception e) {
      return "last-failed " + e.toString().replace('\n', ' ');
    }
  }

  record Session(String conversationId, String token) {}

  private Session session() throws IOException, InterruptedException {
    HttpResponse<String> opened =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/chat/api/sessions"))
                .header("Origin", origin)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"site\":\"" + site + "\",\"lang\":\"en\"}", StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (opened.statusCode() != 200) {
      throw new IOException("session answered " + opened.statusCode() + ": " + opened.body());
    }
    JsonNode body = JSON.readTree(opened.body());
    return new Session(body.get("conversationId").asText(), body.get("visitorToken").asText());
  }

  private Visitor connect(Session s) throws Exception {
    Visitor v = new Visitor();
    v.ws =
        http.newWebSocketBuilder()
            .header("Origin", origin)
            .connectTimeout(Duration.ofSeconds(60))
            .buildAsync(
                URI.create(
                    base.replaceFirst("^http", "ws")
                        + "/chat/ws?conversation="
                        + s.conversationId
                        + "&token="
                        + s.token
                        + "&after=0"),
                v)
            .get(90, TimeUnit.SECONDS);
    return v;
  }

  /**
   * One visitor's socket. Idle visitors only read what the server sends (the greeting); the last
   * visitor also waits for its acknowledgement and the bot's answer.
   */
  static final class Visitor implements WebSocket.Listener {
    volatile WebSocket ws;
    volatile boolean closed;
    volatile long ackAt;
    final CompletableFuture<Long> ack = new CompletableFuture<>();
    private final List<JsonNode> botMessages = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile CompletableFuture<JsonNode> waiting;
    private volatile long waitingAfter = Long.MAX_VALUE;
    private final StringBuilder partial = new StringBuilder();

    boolean open() {
      return !closed && !ws.isInputClosed() && !ws.isOutputClosed();
    }

    /** The first bot message with a seq above {@code seq}. */
    synchronized CompletableFuture<JsonNode> botAfter(long seq) {
      waiting = new CompletableFuture<>();
      waitingAfter = seq;
      botMessages.stream()
          .filter(m -> m.path("seq").asLong() > seq)
          .findFirst()
          .ifPresent(waiting::complete);
      return waiting;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          JsonNode frame = JSON.readTree(partial.toString());
          String type = frame.path("type").asText();
          if (type.equals("ack") && frame.path("clientMessageId").asText().equals("last")) {
            ackAt = System.nanoTime();
            ack.complete(frame.path("seq").asLong());
          } else if (type.equals("message") && frame.path("sender").asText().equals("bot")) {
            synchronized (this) {
              botMessages.add(frame);
              if (waiting != null && frame.path("seq").asLong() > waitingAfter) {
                waiting.complete(frame);
              }
            }
          }
        } catch (IOException e) {
          ack.completeExceptionally(e);
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed = true;
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed = true;
    }
  }
}
