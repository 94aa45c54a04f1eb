package io.contactcenter.app.web;

/**
 * A query parameter the caller got wrong, told by a message key ({@code problem.parameter.*}) and
 * its arguments so that the problem detail is in the caller's language.
 */
class BadParameterException extends IllegalArgumentException {

  private final String key;
  private final transient Object[] args;

  BadParameterException(String key, Object... args) {
    super(key + " " + java.util.Arrays.toString(args));
    this.key = key;
    this.args = args.clone();
  }

  String key() {
    return key;
  }

  Object[] args() {
    return args.clone();
  }
}
