package io.contactcenter.tickets;

import io.contactcenter.common.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tags to add to and remove from an open ticket. Validates itself: each tag as when a ticket is
 * opened (1-40 letters, digits, _ or -, lower-cased, duplicates dropped), at least one tag to add
 * or remove, and no tag both added and removed; a problem is an {@link InvalidInputException}
 * naming it.
 *
 * @param add tags the ticket should have; one it has already is left as it is
 * @param remove tags the ticket should no longer have; one it does not have is ignored
 */
public record TagChange(List<String> add, List<String> remove) {

  public TagChange {
    add = Texts.tags(add);
    remove = Texts.tags(remove);
    if (add.isEmpty() && remove.isEmpty()) {
      throw new InvalidInputException(
          "problem.tags.nothing", "give at least one tag to add or to remove");
    }
    for (String tag : add) {
      if (remove.contains(tag)) {
        throw new InvalidInputException(
            "problem.tags.add-and-remove", "tag '" + tag + "' is both added and removed", tag);
      }
    }
  }

  /**
   * The tags a ticket with {@code current} tags has after this change: its own in their order
   * without the removed ones, then the added ones it did not have.
   *
   * @throws InvalidInputException when the ticket would have more tags than a ticket may have (20)
   */
  public List<String> applyTo(List<String> current) {
    List<String> tags = new ArrayList<>(current);
    tags.removeAll(remove);
    for (String tag : add) {
      if (!tags.contains(tag)) {
        tags.add(tag);
      }
    }
    return Texts.tags(tags);
  }
}
