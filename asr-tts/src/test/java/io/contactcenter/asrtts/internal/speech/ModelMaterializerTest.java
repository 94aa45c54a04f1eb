package io.contactcenter.asrtts.internal.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelMaterializerTest {

  private static final Map<String, String> MODEL =
      Map.of(
          "conf/model.conf", "--min-active=200\n",
          "am/final.mdl", "acoustic model",
          "graph/phones/word_boundary.int", "1 nonword\n",
          "uuid", "1234-abcd");

  @TempDir Path temp;

  @Test
  void copiesAModelOutOfAJarOnceAndReusesIt() throws IOException {
    Path jar = jar(temp.resolve("model.jar"), MODEL);
    Path cache = temp.resolve("cache");
    try (URLClassLoader loader = loader(jar)) {
      ModelMaterializer materializer = new ModelMaterializer(loader, cache);

      Path model = materializer.materialize("vosk-models/model-xx", "xx");

      assertThat(model.getParent()).isEqualTo(cache);
      assertThat(model.getFileName().toString()).matches("xx-[0-9a-f]{16}");
      for (Map.Entry<String, String> e : MODEL.entrySet()) {
        assertThat(model.resolve(e.getKey())).hasContent(e.getValue());
      }
      assertThat(model.resolve(ModelMaterializer.MARKER)).exists();
      try (var files = Files.list(cache)) {
        assertThat(files).containsExactly(model);
      }

      // A second start finds the marker and copies nothing.
      Files.writeString(model.resolve("am/final.mdl"), "kept");
      assertThat(new ModelMaterializer(loader, cache).materialize("vosk-models/model-xx", "xx"))
          .isEqualTo(model);
      assertThat(model.resolve("am/final.mdl")).hasContent("kept");
    }
  }

  @Test
  void anotherModelReleaseGetsItsOwnFolder() throws IOException {
    Path cache = temp.resolve("cache");
    Path first;
    try (URLClassLoader loader = loader(jar(temp.resolve("a.jar"), MODEL))) {
      first = new ModelMaterializer(loader, cache).materialize("vosk-models/model-xx", "xx");
    }
    Map<String, String> newer = new java.util.HashMap<>(MODEL);
    newer.put("uuid", "5678-efgh");
    try (URLClassLoader loader = loader(jar(temp.resolve("b.jar"), newer))) {
      Path second = new ModelMaterializer(loader, cache).materialize("vosk-models/model-xx", "xx");
      assertThat(second).isNotEqualTo(first);
      assertThat(second.resolve("uuid")).hasContent("5678-efgh");
    }
  }

  @Test
  void aHalfCopiedFolderWithoutMarkerIsReplaced() throws IOException {
    Path jar = jar(temp.resolve("model.jar"), MODEL);
    Path cache = temp.resolve("cache");
    try (URLClassLoader loader = loader(jar)) {
      Path model = new ModelMaterializer(loader, cache).materialize("vosk-models/model-xx", "xx");
      Files.delete(model.resolve(ModelMaterializer.MARKER));
      Files.delete(model.resolve("am/final.mdl"));

      Path again = new ModelMaterializer(loader, cache).materialize("vosk-models/model-xx", "xx");

      assertThat(again).isEqualTo(model);
      assertThat(again.resolve("am/final.mdl")).hasContent("acoustic model");
      assertThat(again.resolve(ModelMaterializer.MARKER)).exists();
    }
  }

  @Test
  void usesAnExplodedDirectoryInPlace() throws IOException {
    Path classes = temp.resolve("classes");
    for (Map.Entry<String, String> e : MODEL.entrySet()) {
      Path file = classes.resolve("vosk-models/model-xx/" + e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue());
    }
    Files.writeString(
        classes.resolve("vosk-models/model-xx.files"), String.join("\n", MODEL.keySet()));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
      Path model =
          new ModelMaterializer(loader, temp.resolve("cache"))
              .materialize("vosk-models/model-xx", "xx");

      assertThat(model).isEqualTo(classes.resolve("vosk-models/model-xx"));
      assertThat(temp.resolve("cache")).doesNotExist();
    }
  }

  @Test
  void writesDecoderOptionsIntoACopyNeverIntoTheExplodedModel() throws IOException {
    Path classes = temp.resolve("classes");
    for (Map.Entry<String, String> e : MODEL.entrySet()) {
      Path file = classes.resolve("vosk-models/model-xx/" + e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue());
    }
    Files.writeString(
        classes.resolve("vosk-models/model-xx.files"), String.join("\n", MODEL.keySet()));
    Path cache = temp.resolve("cache");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
      ModelMaterializer materializer = new ModelMaterializer(loader, cache);

      // Options the model already has change nothing: the exploded folder is used as it is.
      assertThat(
              materializer.materialize("vosk-models/model-xx", "xx", Map.of("min-active", "200.0")))
          .isEqualTo(classes.resolve("vosk-models/model-xx"));

      Path narrow =
          materializer.materialize(
              "vosk-models/model-xx", "xx", Map.of("min-active", "100", "beam", "9"));
      Path wide = materializer.materialize("vosk-models/model-xx", "xx", Map.of("beam", "12"));

      assertThat(narrow.getParent()).isEqualTo(cache);
      assertThat(narrow.resolve("conf/model.conf")).hasContent("--min-active=100\n--beam=9");
      assertThat(narrow.resolve("am/final.mdl")).hasContent("acoustic model");
      assertThat(wide).isNotEqualTo(narrow);
      assertThat(wide.resolve("conf/model.conf")).hasContent("--min-active=200\n--beam=12");
      assertThat(classes.resolve("vosk-models/model-xx/conf/model.conf"))
          .hasContent("--min-active=200\n");
      assertThat(
              materializer.materialize(
                  "vosk-models/model-xx", "xx", Map.of("beam", "9", "min-active", "100")))
          .isEqualTo(narrow);
    }
  }

  @Test
  void refusesIndexEntriesThatEscapeTheModelFolder() throws IOException {
    Path jar = temp.resolve("evil.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      put(out, "vosk-models/model-xx.files", "../../etc/passwd\n");
      put(out, "vosk-models/model-xx/uuid", "x");
    }
    try (URLClassLoader loader = loader(jar)) {
      ModelMaterializer materializer = new ModelMaterializer(loader, temp.resolve("cache"));
      assertThatThrownBy(() -> materializer.materialize("vosk-models/model-xx", "xx"))
          .hasMessageContaining("escapes");
    }
  }

  @Test
  void saysWhichModelIsMissing() throws IOException {
    try (URLClassLoader loader = new URLClassLoader(new URL[0], null)) {
      ModelMaterializer materializer = new ModelMaterializer(loader, temp.resolve("cache"));
      assertThatThrownBy(() -> materializer.materialize("vosk-models/model-xx", "xx"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("vosk-models/model-xx");
    }
  }

  static Path jar(Path jar, Map<String, String> files) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      put(out, "vosk-models/model-xx.files", String.join("\n", files.keySet()) + "\n");
      for (Map.Entry<String, String> e : files.entrySet()) {
        put(out, "vosk-models/model-xx/" + e.getKey(), e.getValue());
      }
    }
    return jar;
  }

  private static void put(JarOutputStream out, String name, String content) throws IOException {
    out.putNextEntry(new JarEntry(name));
    OutputStream o = out;
    o.write(content.getBytes(StandardCharsets.UTF_8));
    out.closeEntry();
  }

  private static URLClassLoader loader(Path jar) throws IOException {
    return new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
  }
}
