package io.contactcenter.onlinechat.internal.domain;

import java.util.List;

/** Splits a text into the terms FAQ matching compares; implementations are thread-safe. */
@FunctionalInterface
public interface Tokenizer {

  List<String> terms(String text);
}
