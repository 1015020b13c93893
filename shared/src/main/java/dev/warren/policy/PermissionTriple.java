package dev.warren.policy;

import java.util.Objects;

/** A user's configure/write/read regexes on one vhost, as RabbitMQ stores them. */
public record PermissionTriple(String configure, String write, String read) {

    public PermissionTriple {
        Objects.requireNonNull(configure);
        Objects.requireNonNull(write);
        Objects.requireNonNull(read);
    }

    /** The regex the broker matches for a permission: as stored, except that {@code ''} is {@code ^$}. */
    public String regexFor(Permission permission) {
        return asRead(switch (permission) {
            case CONFIGURE -> configure;
            case WRITE -> write;
            case READ -> read;
        });
    }

    /** rabbit_auth_backend_internal reads a stored {@code ''} as {@code ^$} (only an empty name matches). */
    static String asRead(String stored) {
        return stored.isEmpty() ? "^$" : stored;
    }
}
