package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.testinfra.ContactCenterIT;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The speech API with the real engines: MaryTTS speech comes back from Vosk as the same words,
 * replies get intent labels, and bad input gets a clear 400 or 413.
 */
@ContactCenterIT
class SpeechApiIT {

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final String admin =
      "Basic "
          + Base64.getEncoder()
              .encodeToString(
                  ("admin:" + ContactCenterIT.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

  @Test
  void synthesizedTelephoneSpeechIsTranscribedBackToTheSameWords() throws Exception {
    HttpResponse<byte[]> wav = synthesize("Please call me back tomorrow.");

    assertThat(wav.statusCode()).isEqualTo(200);
    assertThat(wav.headers().firstValue("Content-Type").orElseThrow()).startsWith("audio/wav");
    assertThat(sampleRateOf(wav.body())).isEqualTo(8000);

    JsonNode transcript = transcribe(withLeadingSilence(wav.body()), "en", null);
    assertThat(transcript.get("text").asText()).contains("call me back tomorrow");
    assertThat(transcript.get("words")).isNotEmpty();
    assertThat(transcript.get("durationMs").asLong()).isPositive();
  }

  @Test
  void chineseIsSpokenButOnlyEnglishIsHeardAndTheApiSaysSo() throws Exception {
    HttpResponse<String> languages =
        http.send(
            HttpRequest.newBuilder(uri("/api/v1/speech/languages"))
                .header("Authorization", admin)
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(languages.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(languages.body());
    assertThat(body.get("speaks").toString()).contains("\"en\"", "\"zh\"");
    assertThat(body.get("listens").toString()).isEqualTo("[\"en\"]");

    HttpResponse<byte[]> chinese = synthesize("您好，您的订单尾款还未支付。");
    assertThat(chinese.statusCode()).isEqualTo(200);
    assertThat(sampleRateOf(chinese.body())).isEqualTo(8000);
    // Several seconds of 8 kHz speech, not the silence MaryTTS makes of Chinese characters.
    assertThat(chinese.body().length).isGreaterThan(2 * 16000);
  }

  @Test
  void aPhraseListMakesSpokenDigitsExact() throws Exception {
    byte[] wav = synthesize("four, seven, one, one.").body();

    JsonNode transcript =
        transcribe(
            withLeadingSilence(wav), "en", "zero,oh,one,two,three,four,five,six,seven,eight,nine");

    assertThat(transcript.get("text").asText()).isEqualTo("four seven one one");
  }

  @Test
  void silenceIsAnEmptyTranscriptNotAnError() throws Exception {
    JsonNode transcript = transcribe(wav(new byte[16000], 8000), "en", null);

    assertThat(transcript.get("text").asText()).isEmpty();
  }

  @Test
  void repliesAreLabelledWithACallbackTime() throws Exception {
    HttpResponse<String> zh =
        post(
            "/api/v1/intents/classify",
            "{\"text\":\"我现在在开会,明天下午再打给我吧\",\"lang\":\"zh\",\"campaignType\":\"balance\"}");
    HttpResponse<String> en =
        post(
            "/api/v1/intents/classify",
            "{\"text\":\"i already paid it yesterday\",\"campaignType\":\"balance\"}");

    JsonNode later = json.readTree(zh.body());
    assertThat(later.get("label").asText()).isEqualTo("call_back_later");
    assertThat(later.get("callbackAt").asText()).contains("T14:00");
    assertThat(json.readTree(en.body()).get("label").asText()).isEqualTo("already_done");
  }

  @Test
  void badInputIsRefusedWithTheReason() throws Exception {
    HttpResponse<String> notWav =
        transcribeRaw("ID3\u0003fake mp3 frames".getBytes(StandardCharsets.ISO_8859_1), "en", null);
    assertThat(notWav.statusCode()).isEqualTo(400);
    assertThat(notWav.body()).contains("unsupported-audio").contains("PCM 16-bit");

    HttpResponse<String> tooBig = transcribeRaw(wav(new byte[11 * 1024 * 1024], 8000), "en", null);
    assertThat(tooBig.statusCode()).isEqualTo(413);

    HttpResponse<String> french = transcribeRaw(wav(new byte[1600], 8000), "fr", null);
    assertThat(french.statusCode()).isEqualTo(400);
    assertThat(french.body()).contains("en");

    assertThat(post("/api/v1/intents/classify", "{\"text\":\"  \"}").statusCode()).isEqualTo(400);
    assertThat(post("/api/v1/intents/classify", "{\"text\":\"hi\",\"lang\":\"fr\"}").body())
        .contains("en", "zh");
    HttpResponse<String> longText =
        post("/api/v1/speech/synthesize", "{\"text\":\"" + "a".repeat(1001) + "\"}");
    assertThat(longText.statusCode()).isEqualTo(400);
    assertThat(longText.body()).contains("1000 characters");
  }

  @Test
  void aWavWhoseChunkClaimsTwoGigabytesIsA400NamingTheChunk() throws Exception {
    byte[] wav = wav(new byte[1600], 8000);
    // A LIST chunk of 2^31 bytes between fmt and data: the size no longer overflows the reader.
    ByteBuffer chunk = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    chunk.put("LIST".getBytes(StandardCharsets.US_ASCII)).putInt(Integer.MIN_VALUE);
    byte[] withList = new byte[wav.length + 16];
    System.arraycopy(wav, 0, withList, 0, 36);
    System.arraycopy(chunk.array(), 0, withList, 36, 16);
    System.arraycopy(wav, 36, withList, 52, wav.length - 36);

    HttpResponse<String> response = transcribeRaw(withList, "en", null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("type").asText()).contains("unsupported-audio");
    assertThat(problem.get("detail").asText()).contains("WAV chunk 'LIST' claims 2147483648 bytes");
  }

  private HttpResponse<byte[]> synthesize(String text) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri("/api/v1/speech/synthesize"))
            .header("Authorization", admin)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(new Text(text))))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  record Text(String text) {}

  private JsonNode transcribe(byte[] wav, String language, String phrases) throws Exception {
    HttpResponse<String> response = transcribeRaw(wav, language, phrases);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private HttpResponse<String> transcribeRaw(byte[] audio, String language, String phrases)
      throws IOException, InterruptedException {
    String boundary = "cc-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"audio\"; filename=\"a.wav\"\r\n"
                + "Content-Type: audio/wav\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(audio);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    String query = "?language=" + language + (phrases == null ? "" : "&phrases=" + phrases);
    return http.send(
        HttpRequest.newBuilder(uri("/api/v1/speech/transcribe" + query))
            .header("Authorization", admin)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", admin)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static int sampleRateOf(byte[] wav) {
    return ByteBuffer.wrap(wav, 24, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }

  /** A caller starts speaking a moment after the prompt: one second of silence first. */
  private static byte[] withLeadingSilence(byte[] wav8k) {
    byte[] pcm = java.util.Arrays.copyOfRange(wav8k, 44, wav8k.length);
    byte[] padded = new byte[16000 + pcm.length];
    System.arraycopy(pcm, 0, padded, 16000, pcm.length);
    return wav(padded, 8000);
  }

  private static byte[] wav(byte[] pcm16le, int rate) {
    ByteBuffer b = ByteBuffer.allocate(44 + pcm16le.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + pcm16le.length);
    b.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
        .putInt(16)
        .putShort((short) 1)
        .putShort((short) 1);
    b.putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(pcm16le.length).put(pcm16le);
    return b.array();
  }
}
