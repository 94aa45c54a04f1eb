package io.contactcenter.tickets;

import java.util.List;
import java.util.Optional;

/**
 * Saved ticket list views. Whether a user may share a view (supervisors and admins) is the caller's
 * decision, from the user's roles.
 *
 * <p>Thread-safe. Bad names or filters are {@link IllegalArgumentException}s naming the problem.
 */
public interface TicketViews {

  /** The user's own views, then the views shared by others, each by name. */
  List<SavedView> visibleTo(String user);

  /** A view the user may use (their own or a shared one). */
  Optional<SavedView> find(String viewId, String user);

  /**
   * Saves a view under the owner's name: saving a name the owner used before replaces that view's
   * filter (and whether it is shared).
   *
   * @param name 1-100 characters
   */
  SavedView save(String owner, String name, boolean shared, TicketFilter filter);

  /**
   * Deletes a view: the owner's own, or a shared one when {@code mayManageShared} (a supervisor).
   *
   * @return false when there is no such view the user may delete
   */
  boolean delete(String viewId, String user, boolean mayManageShared);
}
