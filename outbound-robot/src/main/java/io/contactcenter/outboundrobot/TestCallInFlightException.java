package io.contactcenter.outboundrobot;

/**
 * The user has a test call that is not finished yet: one at a time each (HTTP 429, problem type
 * {@code test-call-in-flight}). Nothing was stored or dialed.
 */
public class TestCallInFlightException extends RuntimeException {

  private final String requestedBy;

  public TestCallInFlightException(String requestedBy) {
    super(requestedBy + " has a test call in flight: wait until it ends");
    this.requestedBy = requestedBy;
  }

  public String requestedBy() {
    return requestedBy;
  }
}
