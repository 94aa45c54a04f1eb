package io.contactcenter.app.web;

/** The text held nothing the synthesizer could speak (only punctuation or symbols, say). */
final class NoAudioSynthesizedException extends RuntimeException {

  NoAudioSynthesizedException(String message) {
    super(message);
  }
}
