package dev.warren.policy;

import java.util.Optional;

/** An access permission as the broker names it. */
public enum Permission {
    CONFIGURE("configure"),
    WRITE("write"),
    READ("read");

    private final String wireName;

    Permission(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Exact, case-sensitive lookup of the broker's word. */
    public static Optional<Permission> fromWire(String value) {
        for (Permission p : values()) {
            if (p.wireName.equals(value)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
