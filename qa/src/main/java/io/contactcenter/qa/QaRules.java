package io.contactcenter.qa;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The QA rules, stored as data. Changes apply to conversations scored afterwards. Thread-safe. */
public interface QaRules {

  /** Every rule, by section and name. */
  List<QaRule> all();

  Optional<QaRule> find(UUID id);

  QaRule create(RuleDefinition definition);

  /** Replaces a rule's definition; empty when there is no such rule. */
  Optional<QaRule> update(UUID id, RuleDefinition definition);

  /** Deletes a rule; false when there was none. */
  boolean delete(UUID id);
}
