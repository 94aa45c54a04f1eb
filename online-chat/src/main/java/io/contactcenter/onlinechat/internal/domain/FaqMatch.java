package io.contactcenter.onlinechat.internal.domain;

/** An FAQ and how well a question matches it, 0 (nothing shared) to 1 (same terms). */
public record FaqMatch(FaqEntry faq, double score) {}
