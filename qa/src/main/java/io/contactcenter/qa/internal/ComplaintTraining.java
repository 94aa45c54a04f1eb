package io.contactcenter.qa.internal;

import io.contactcenter.qa.internal.domain.ComplaintModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** QA's complaint training rows on the classpath ({@value #RESOURCE}) and the model they train. */
final class ComplaintTraining {

  static final String RESOURCE = "qa/complaints/training.tsv";

  private ComplaintTraining() {}

  /** The training rows. */
  static List<ComplaintModel.Example> rows() {
    InputStream in = ComplaintTraining.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
    }
    try (var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return ComplaintModel.read(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read classpath:" + RESOURCE, e);
    }
  }

  /** The model trained on {@link #rows()} (milliseconds). */
  static ComplaintModel model() {
    return ComplaintModel.train(rows());
  }
}
