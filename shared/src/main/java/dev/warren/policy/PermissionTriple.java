package dev.warren.policy;

import java.util.Objects;

/** A user's configure/write/read regexes on one vhost, as RabbitMQ stores them. */
public record PermissionTriple(String configure, String write, String read) {

    public PermissionTriple {
        Objects.requireNonNull(configure);
        Objects.requireNonNull(write);
        Objects.requireNonNull(read);
    }

    public String regexFor(Permission permission) {
        return switch (permission) {
            case CONFIGURE -> configure;
            case WRITE -> write;
            case READ -> read;
        };
    }
}
