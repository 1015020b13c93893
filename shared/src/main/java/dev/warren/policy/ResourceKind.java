package dev.warren.policy;

import java.util.Optional;

/** The kind of resource in a resource check. */
public enum ResourceKind {
    EXCHANGE("exchange"),
    QUEUE("queue"),
    TOPIC("topic");

    private final String wireName;

    ResourceKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ResourceKind> fromWire(String value) {
        for (ResourceKind k : values()) {
            if (k.wireName.equals(value)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
