package io.contactcenter.ivr.internal;

import io.contactcenter.ivr.FlowProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed access to one mapping of a flow being read by the {@link FlowReader}, adding each problem
 * to {@code problems} at its path ({@code at} is the mapping's path with a trailing dot, or empty
 * at the top) and returning null or a fallback instead of throwing.
 */
record FlowFields(Map<?, ?> map, String at, List<FlowProblem> problems) {

  boolean has(String name) {
    return map.get(name) != null;
  }

  String text(String name, boolean required) {
    Object value = map.get(name);
    if (value == null || String.valueOf(value).isBlank()) {
      if (required) {
        problems.add(FlowProblem.of(at + name, "missing", "missing"));
      }
      return null;
    }
    if (value instanceof Map || value instanceof List) {
      problems.add(FlowProblem.of(at + name, "single-value", "must be a single value"));
      return null;
    }
    return String.valueOf(value).strip();
  }

  int integer(String name, int fallback) {
    Object value = map.get(name);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Integer i) {
      return i;
    }
    problems.add(FlowProblem.of(at + name, "whole-number", "must be a whole number"));
    return fallback;
  }

  Map<?, ?> map(String name, boolean required) {
    Object value = map.get(name);
    if (value == null) {
      if (required) {
        problems.add(FlowProblem.of(at + name, "missing", "missing"));
      }
      return null;
    }
    if (value instanceof Map<?, ?> m) {
      return m;
    }
    problems.add(FlowProblem.of(at + name, "mapping", "must be a mapping"));
    return null;
  }

  List<?> list(String name) {
    Object value = map.get(name);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> l) {
      return l;
    }
    problems.add(FlowProblem.of(at + name, "list", "must be a list"));
    return List.of();
  }

  List<String> texts(String name) {
    List<String> texts = new ArrayList<>();
    Object value = map.get(name);
    if (value == null) {
      return texts;
    }
    if (!(value instanceof List<?> l)) {
      problems.add(FlowProblem.of(at + name, "list", "must be a list"));
      return texts;
    }
    for (Object o : l) {
      if (o == null || o instanceof Map || o instanceof List) {
        problems.add(FlowProblem.of(at + name, "texts", "must be a list of texts"));
        continue;
      }
      texts.add(String.valueOf(o).strip());
    }
    return texts;
  }
}
