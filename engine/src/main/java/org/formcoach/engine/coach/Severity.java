package org.formcoach.engine.coach;

/** How far past its threshold a fault is. */
public enum Severity {
    WARN("warn"),
    FAULT("fault");

    private final String wireName;

    Severity(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
