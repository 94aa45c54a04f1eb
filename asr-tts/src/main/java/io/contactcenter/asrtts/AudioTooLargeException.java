package io.contactcenter.asrtts;

/** Audio was longer or bigger than the configured limit for one recognition. */
public class AudioTooLargeException extends IllegalArgumentException {

  public AudioTooLargeException(String message) {
    super(message);
  }
}
