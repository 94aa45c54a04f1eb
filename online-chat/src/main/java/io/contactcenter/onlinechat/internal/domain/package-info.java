/**
 * The bot's pure logic: tokenized FAQ matching by TF-IDF cosine, the answer / clarify / handoff
 * decision, and recognizing an order question. No Spring, no I/O.
 */
package io.contactcenter.onlinechat.internal.domain;
