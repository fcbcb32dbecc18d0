package org.formcoach.simulator.importer;

/** The input cannot be mapped to a trace at all (not a malformed row: those are counted). */
public final class ImportException extends RuntimeException {
    public ImportException(String message) {
        super(message);
    }
}
