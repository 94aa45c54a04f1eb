package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.domain.Synonyms;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves the shop's own synonym groups of one language as an admin edited them, over the configured
 * lexicon (ADR 0048 fifth addendum); the bot re-indexes at once, words and meaning, as after an FAQ
 * edit, and the other instances' bots within seconds ({@link KnowledgeBaseSync}, ADR 0058).
 */
final class ShopSynonymEditor {

  static final int MAX_GROUPS = 500;
  static final int MAX_VARIANTS = 100;
  static final int MAX_WORD = 50;

  private final JdbcShopSynonyms store;
  private final KnowledgeBaseSync sync;
  private final Clock clock;

  ShopSynonymEditor(JdbcShopSynonyms store, KnowledgeBaseSync sync, Clock clock) {
    this.store = store;
    this.sync = sync;
    this.clock = clock;
  }

  List<Synonyms.Group> groups(ChatLanguage lang) {
    return store.groups(lang);
  }

  /**
   * Replaces a language's groups (an empty list removes them) after checking them all, and
   * re-indexes the bot.
   *
   * @return the groups as stored (words trimmed, blank variants dropped)
   * @throws IllegalArgumentException naming the group that is malformed or repeats a variant
   */
  // One save at a time, so the stored groups and the bot's are the same last edit.
  synchronized List<Synonyms.Group> save(ChatLanguage lang, List<Synonyms.Group> groups) {
    if (groups == null) {
      throw new SynonymGroupsRejectedException(
          "groups-required", "groups is required (an empty list removes them)");
    }
    if (groups.size() > MAX_GROUPS) {
      throw new SynonymGroupsRejectedException(
          "too-many-groups",
          "at most " + MAX_GROUPS + " synonym groups, got " + groups.size(),
          MAX_GROUPS,
          groups.size());
    }
    List<Synonyms.Group> clean = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      Synonyms.Group group = groups.get(g);
      if (group == null) {
        throw new SynonymGroupsRejectedException(
            "no-canonical",
            "synonym group " + (g + 1) + ": the group's word is required, without spaces",
            g + 1);
      }
      List<String> variants = new ArrayList<>();
      for (String v : group.variants() == null ? List.<String>of() : group.variants()) {
        if (v != null && !v.isBlank()) {
          variants.add(word(g, v));
        }
      }
      if (variants.size() > MAX_VARIANTS) {
        throw new SynonymGroupsRejectedException(
            "too-many-variants",
            "synonym group " + (g + 1) + ": at most " + MAX_VARIANTS + " variants",
            g + 1,
            MAX_VARIANTS);
      }
      String canonical = group.canonical() == null ? "" : word(g, group.canonical());
      clean.add(new Synonyms.Group(canonical, List.copyOf(variants)));
    }
    try {
      Synonyms.of(clean);
    } catch (Synonyms.Rejected e) {
      throw new SynonymGroupsRejectedException(e);
    }
    store.replace(lang, clean, clock.instant());
    // The bot reads the groups back from the table, as every other instance does.
    sync.changed();
    return clean;
  }

  private static String word(int group, String word) {
    String w = word.strip();
    if (w.length() > MAX_WORD) {
      throw new SynonymGroupsRejectedException(
          "word-too-long",
          "synonym group " + (group + 1) + ": a word is longer than " + MAX_WORD + " characters",
          group + 1,
          MAX_WORD);
    }
    return w;
  }
}
