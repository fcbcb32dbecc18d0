package org.formcoach.engine.coach;

/** Bird-dog: the lifted arm. */
public enum Side {
    LEFT("left"),
    RIGHT("right");

    private final String wireName;

    Side(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public Side opposite() {
        return this == LEFT ? RIGHT : LEFT;
    }
}
