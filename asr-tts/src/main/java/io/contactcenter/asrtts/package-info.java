/**
 * Speech for the IVR and the outbound robot: speech recognition (Vosk), speech synthesis (MaryTTS),
 * and the {@link io.contactcenter.asrtts.ReplyClassifier} that labels what a callee said (English
 * or Chinese) and picks out a callback time. Speech-library types never leave this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "ASR/TTS")
package io.contactcenter.asrtts;
