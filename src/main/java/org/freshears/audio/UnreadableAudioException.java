package org.freshears.audio;

/** The input cannot be decoded at all. The message is one clear line meant for the user. */
public class UnreadableAudioException extends Exception {
    public UnreadableAudioException(String message) {
        super(message);
    }

    public UnreadableAudioException(String message, Throwable cause) {
        super(message, cause);
    }
}
