package org.formcoach.cli.record;

import java.io.IOException;
import java.nio.file.Path;

/** A session recording could not be started or had to stop; the message names the file and the reason. */
public final class RecordingException extends IOException {
    private final transient Path file;

    public RecordingException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The file that could not be written. */
    public Path file() {
        return file;
    }
}
