package io.contactcenter.asrtts.internal.speech;

import io.contactcenter.asrtts.UnsupportedLanguageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;

/**
 * The Vosk models, one per language, each loaded once on first use (a few seconds, logged) and
 * shared by every recognizer. Thread-safe. Closing frees their native memory.
 */
final class VoskModels implements AutoCloseable {

  static final String BUILT_IN_RESOURCE = "vosk-models/model-en-us";
  private static final Logger log = LoggerFactory.getLogger(VoskModels.class);

  private final Map<String, Supplier<Path>> sources;
  private final Map<String, Model> loaded = new ConcurrentHashMap<>();
  private final VoskDecoderPool decoders;
  private volatile boolean closed;

  VoskModels(SpeechProperties properties, ClassLoader classLoader) {
    Map<String, Supplier<Path>> map = new LinkedHashMap<>();
    ModelMaterializer materializer = new ModelMaterializer(classLoader, properties.modelCacheDir());
    map.put(
        SpeechProperties.BUILT_IN_LANGUAGE,
        () ->
            materializer.materialize(
                BUILT_IN_RESOURCE,
                SpeechProperties.BUILT_IN_LANGUAGE,
                properties.decoder().modelConf()));
    properties.models().forEach((language, model) -> map.put(language, model::path));
    this.sources = Map.copyOf(map);
    this.decoders = new VoskDecoderPool(properties.decoder().idleRecognizers());
  }

  /** Recognizers for these models, reused from one utterance to the next. */
  VoskDecoderPool decoders() {
    return decoders;
  }

  Set<String> languages() {
    return sources.keySet();
  }

  /**
   * The model for a language, loading it on first use.
   *
   * @throws UnsupportedLanguageException when none is configured
   */
  Model model(String language) {
    Model model = loaded.get(language);
    if (model != null) {
      return model;
    }
    Supplier<Path> source = sources.get(language);
    if (source == null) {
      throw new UnsupportedLanguageException(language, sources.keySet());
    }
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("speech models are closed");
      }
      // Copying the packaged model out of the jar and loading it: never on a virtual thread (see
      // PlatformThreads).
      return loaded.computeIfAbsent(
          language, l -> PlatformThreads.call("vosk-model-" + l, () -> load(l, source.get())));
    }
  }

  private static Model load(String language, Path directory) {
    if (!Files.isDirectory(directory.resolve("conf"))
        && !Files.isDirectory(directory.resolve("am"))) {
      throw new IllegalStateException(
          "Vosk model for '"
              + language
              + "' not found: "
              + directory
              + " is not a model directory");
    }
    LibVosk.setLogLevel(LogLevel.WARNINGS);
    log.info(
        "loading Vosk model '{}' from {} (first use: takes a few seconds)", language, directory);
    long started = System.nanoTime();
    try {
      Model model = new Model(directory.toString());
      log.info(
          "loaded Vosk model '{}' in {} ms", language, (System.nanoTime() - started) / 1_000_000);
      return model;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load Vosk model from " + directory, e);
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    decoders.close();
    loaded.values().forEach(Model::close);
    loaded.clear();
  }
}
