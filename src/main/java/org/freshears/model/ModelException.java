package org.freshears.model;

/**
 * A reference model cannot be trained, loaded or used as asked: too few genres or tracks, a model folder that
 * is missing or written by a newer Fresh Ears, an unknown genre. The message is one clear line for the user;
 * the command line answers it with exit status 2.
 */
public class ModelException extends IllegalArgumentException {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
