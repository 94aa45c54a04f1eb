package io.contactcenter.outboundrobot;

import java.util.List;

/**
 * One page of robot calls and how many match the query in all.
 *
 * @param calls the page, newest first
 * @param total calls matching the query on every page
 */
public record RobotCallList(List<RobotAttempt> calls, long total) {

  public RobotCallList {
    calls = List.copyOf(calls);
  }
}
