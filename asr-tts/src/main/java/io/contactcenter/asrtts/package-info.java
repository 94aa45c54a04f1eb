/**
 * Speech recognition (Vosk), speech synthesis (MaryTTS) and reply-intent labels for the IVR and the
 * outbound robot.
 */
package io.contactcenter.asrtts;
