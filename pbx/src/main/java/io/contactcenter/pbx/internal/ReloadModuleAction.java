package io.contactcenter.pbx.internal;

import org.asteriskjava.manager.action.AbstractManagerAction;

/**
 * AMI {@code Reload} of one module (Asterisk-Java has no such action). Asterisk answers after the
 * module has reloaded. Needs the {@code config} (or {@code system}) write permission
 * (manager.conf). Public, as Asterisk-Java reads the fields by reflection: with a package-private
 * class it could not read {@code Module}, sent a bare {@code Reload}, and Asterisk reloaded every
 * module for each softphone credential.
 */
public final class ReloadModuleAction extends AbstractManagerAction {

  private static final long serialVersionUID = 1L;

  private final String module;

  ReloadModuleAction(String module) {
    this.module = module;
  }

  @Override
  public String getAction() {
    return "Reload";
  }

  /** Sent as the action's {@code Module} field. */
  public String getModule() {
    return module;
  }
}
