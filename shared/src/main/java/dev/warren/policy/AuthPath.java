package dev.warren.policy;

import java.util.Optional;

/** The four questions the broker's HTTP backend asks, each at one exact path. */
public enum AuthPath {
    USER("/auth/user"),
    VHOST("/auth/vhost"),
    RESOURCE("/auth/resource"),
    TOPIC("/auth/topic");

    private final String path;

    AuthPath(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    /** Lower-case name as used in logs and metrics ("user", "vhost", ...). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Exact match only: no trailing slash, no case folding, no decoding. */
    public static Optional<AuthPath> fromRawPath(String rawPath) {
        for (AuthPath p : values()) {
            if (p.path.equals(rawPath)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
