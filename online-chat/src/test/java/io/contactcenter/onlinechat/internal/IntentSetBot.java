package io.contactcenter.onlinechat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.domain.FaqEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The FAQ bot of the public-set benchmarks ({@link PublicIntentSetBenchmark}, {@link
 * OutOfScopeBenchmark}), built by the application's own configuration ({@link ChatConfiguration}:
 * jieba/TF-IDF words and bge-small meaning, the per-language thresholds; {@code -Dcc.chat.…}
 * settings bound as the application binds them) over a knowledge base kept in memory, fed through
 * the import's own parser ({@link FaqImport}); and the report both write.
 */
final class IntentSetBot {

  final ChatProperties properties;
  final BotLexicons lexicons;
  final SentenceEncoders encoders;
  final MemoryKnowledgeBase knowledgeBase = new MemoryKnowledgeBase();
  final IndexedFaqBot bot;
  private final Report report;

  /** Builds the bot and loads the English model (the application loads it once, at start). */
  IntentSetBot(Report report) {
    this.report = report;
    ChatConfiguration configuration = new ChatConfiguration();
    properties = properties();
    report.line(
        "bot settings: meaning %s, synonyms %s", properties.meaning(), properties.synonyms());
    lexicons = configuration.chatBotLexicons(properties, new DefaultResourceLoader());
    encoders = configuration.chatSentenceEncoders(properties, lexicons);
    bot = configuration.faqBot(knowledgeBase, properties, encoders, lexicons);
    encoders.of(ChatLanguage.EN).orElseThrow().encode("warm up");
  }

  /**
   * Imports an FAQ file as {@code POST /api/v1/kb/faqs/import} reads it (entries of the same id
   * replaced) and rebuilds the bot's index, reporting sizes and times.
   */
  FaqImport.Result load(String csv, String what) {
    long from = System.nanoTime();
    FaqImport.Result imported = FaqImport.read(csv);
    double readSeconds = Report.since(from);
    assertThat(imported.problems()).as("import problems").isEmpty();
    knowledgeBase.save(imported.faqs(), Instant.now());
    from = System.nanoTime();
    bot.reload();
    double indexSeconds = Report.since(from);
    int examples = imported.faqs().stream().mapToInt(f -> f.examples().size()).sum();
    report.line(
        "import of %s: %d rows, %d entries, %d examples (%d characters of CSV) read in %.2f s;"
            + " index (words + embedding every text not embedded before) %.1f s",
        what,
        imported.rows(),
        imported.faqs().size(),
        examples,
        csv.length(),
        readSeconds,
        indexSeconds);
    return imported;
  }

  /** The application's settings: defaults, with any {@code -Dcc.chat.…} over them. */
  static ChatProperties properties() {
    Map<String, Object> set = new HashMap<>();
    Properties system = System.getProperties();
    for (String name : system.stringPropertyNames()) {
      if (name.startsWith("cc.chat.")) {
        set.put(name, system.getProperty(name));
      }
    }
    return new Binder(new MapConfigurationPropertySource(set))
        .bindOrCreate("cc.chat", ChatProperties.class);
  }

  /** Lines printed as they come and kept for the report file. */
  static final class Report {
    private final StringBuilder text = new StringBuilder();

    void line(String format, Object... args) {
      String l = String.format(Locale.ROOT, format, args);
      System.out.println(l);
      text.append(l).append('\n');
    }

    /** Writes what was reported to {@code target/<file>}. */
    void write(String file) throws IOException {
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", file), text.toString());
    }

    static String pct(long part, long whole) {
      return String.format(Locale.ROOT, "%.1f %% (%d)", 100.0 * part / whole, part);
    }

    static double since(long fromNanos) {
      return (System.nanoTime() - fromNanos) / 1e9;
    }
  }

  /**
   * The knowledge base kept in memory: what {@link JdbcKnowledgeBase#save} stores, read back as
   * {@link JdbcKnowledgeBase#enabled} reads it (the question first, then each example once; the
   * kind kept).
   */
  static final class MemoryKnowledgeBase extends JdbcKnowledgeBase {
    private final Map<String, FaqImport.Faq> faqs = new LinkedHashMap<>();

    MemoryKnowledgeBase() {
      super(null, null);
    }

    @Override
    void save(List<FaqImport.Faq> saved, Instant at) {
      saved.forEach(f -> faqs.put(f.faqId() + "\u0000" + f.lang().tag(), f));
    }

    @Override
    List<FaqEntry> enabled(ChatLanguage lang) {
      List<FaqEntry> entries = new ArrayList<>();
      faqs.values().stream()
          .filter(f -> f.lang() == lang)
          .sorted(java.util.Comparator.comparing(FaqImport.Faq::faqId))
          .forEach(
              f -> {
                List<String> questions = new ArrayList<>(List.of(f.question()));
                f.examples().stream().filter(e -> !questions.contains(e)).forEach(questions::add);
                entries.add(
                    new FaqEntry(
                        f.faqId(),
                        lang.tag(),
                        f.outOfScope() ? "" : f.answer(),
                        questions,
                        f.outOfScope()));
              });
      return entries;
    }
  }
}
