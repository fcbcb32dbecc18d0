package org.formcoach.cli;

/** Input the user gave us is unusable; reported on stderr with exit code 3. */
public final class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }
}
