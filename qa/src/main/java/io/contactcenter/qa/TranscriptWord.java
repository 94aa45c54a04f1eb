package io.contactcenter.qa;

/**
 * One recognized word of a conversation.
 *
 * @param word the word, lower case; for a chat, a whole message as written
 * @param startMs when it starts, milliseconds from the start of the recording
 * @param endMs when it ends
 * @param confidence the recognizer's confidence, 0 to 1
 * @param speaker who said it
 */
public record TranscriptWord(
    String word, long startMs, long endMs, double confidence, Speaker speaker) {}
