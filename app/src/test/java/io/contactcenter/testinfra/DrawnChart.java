package io.contactcenter.testinfra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * What Chart.js drew on a page's canvas (ADR 0036), read from the chart itself: its labels, each
 * dataset's values by the dataset's label, the value axis's title, and how many of the canvas's
 * pixels are painted (an empty or undrawn canvas has none). {@link #apiJson} reads an API answer in
 * the same session, so a test compares the chart with the numbers the server gave the page.
 *
 * @param labels the category (or time) labels, in order
 * @param datasets each dataset's values (null where it has none), by its label, in order
 * @param valueTitle the value axis's title, or null without one
 * @param paintedPixels pixels of the canvas that are not transparent
 * @param width the canvas's width on the page, in CSS pixels
 */
public record DrawnChart(
    List<String> labels,
    Map<String, List<Double>> datasets,
    String valueTitle,
    long paintedPixels,
    long width) {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String READ =
      """
      const canvas = document.getElementById(arguments[0]);
      const chart = canvas && window.Chart && Chart.getChart(canvas);
      if (!chart) return null;
      const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) painted++;
      const axis = chart.options.indexAxis === 'y' ? 'x' : 'y';
      const title = chart.options.scales?.[axis]?.title;
      return JSON.stringify({
        labels: chart.data.labels.map(String),
        datasets: chart.data.datasets.map(d => ({ label: String(d.label), data: d.data })),
        valueTitle: title && title.display ? String(title.text) : null,
        painted,
        width: canvas.clientWidth
      });
      """;

  /** The chart on canvas {@code #canvasId}, or null while there is none. */
  public static DrawnChart of(WebDriver browser, String canvasId) {
    Object read = ((JavascriptExecutor) browser).executeScript(READ, canvasId);
    if (read == null) {
      return null;
    }
    try {
      JsonNode chart = JSON.readTree((String) read);
      List<String> labels = new ArrayList<>();
      chart.get("labels").forEach(l -> labels.add(l.asText()));
      Map<String, List<Double>> datasets = new LinkedHashMap<>();
      for (JsonNode set : chart.get("datasets")) {
        List<Double> values = new ArrayList<>();
        set.get("data").forEach(v -> values.add(v.isNull() ? null : v.asDouble()));
        datasets.put(set.get("label").asText(), values);
      }
      JsonNode title = chart.get("valueTitle");
      return new DrawnChart(
          labels,
          datasets,
          title.isNull() ? null : title.asText(),
          chart.get("painted").asLong(),
          chart.get("width").asLong());
    } catch (Exception e) {
      throw new IllegalStateException("unreadable chart " + read, e);
    }
  }

  /** One dataset's values. */
  public List<Double> values(String dataset) {
    List<Double> values = datasets.get(dataset);
    if (values == null) {
      throw new AssertionError("no dataset " + dataset + " in " + datasets.keySet());
    }
    return values;
  }

  /** The value of one dataset at a label. */
  public Double value(String dataset, String label) {
    int at = labels.indexOf(label);
    if (at < 0) {
      throw new AssertionError("no label " + label + " in " + labels);
    }
    return values(dataset).get(at);
  }

  /** The last value of one dataset (the latest sample of a time series). */
  public Double last(String dataset) {
    List<Double> values = values(dataset);
    return values.isEmpty() ? null : values.get(values.size() - 1);
  }

  /** A GET of the API with the browser's session, as the page's own script would make it. */
  public static JsonNode apiJson(WebDriver browser, String path) {
    Object body =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], {headers: {Accept: 'application/json'}})"
                    + ".then(r => r.text()).then(done, e => done('error: ' + e));",
                path);
    try {
      return JSON.readTree((String) body);
    } catch (Exception e) {
      throw new IllegalStateException("not JSON from " + path + ": " + body, e);
    }
  }
}
