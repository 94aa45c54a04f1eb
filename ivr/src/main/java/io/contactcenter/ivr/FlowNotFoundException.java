package io.contactcenter.ivr;

/** No IVR flow has the requested id and version. */
public class FlowNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public FlowNotFoundException(String flowId, int version) {
    super("no IVR flow " + flowId + " version " + version);
  }
}
