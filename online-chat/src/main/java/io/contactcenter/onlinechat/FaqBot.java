package io.contactcenter.onlinechat;

/**
 * Answers a question from the FAQ knowledge base by meaning (word segmentation for Chinese). The
 * chat uses it for every visitor message; the hotline (a transcribed question) and tickets
 * (auto-category) can ask it too. Thread-safe; an FAQ edit is seen by the next call.
 */
public interface FaqBot {

  /** Never null; an empty or unmatched text gives {@link BotReply.Action#HANDOFF}. */
  BotReply answer(String text, ChatLanguage language);
}
