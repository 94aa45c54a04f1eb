package io.contactcenter.outboundrobot;

final class Events {

  private Events() {}

  static void requireId(String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("an id is required");
    }
  }
}
