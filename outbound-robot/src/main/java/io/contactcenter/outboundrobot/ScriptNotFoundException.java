package io.contactcenter.outboundrobot;

/** There is no such version of a dialogue script, saved or built-in. */
public class ScriptNotFoundException extends RuntimeException {

  public ScriptNotFoundException(String scriptId, int version) {
    super("no script " + scriptId + " v" + version);
  }
}
