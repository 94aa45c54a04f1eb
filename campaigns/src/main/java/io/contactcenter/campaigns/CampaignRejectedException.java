package io.contactcenter.campaigns;

import java.util.List;

/**
 * A rule refuses the request, e.g. starting a campaign with no valid contact; {@code problems}
 * names each.
 */
public class CampaignRejectedException extends RuntimeException {

  private final List<String> problems;

  public CampaignRejectedException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
