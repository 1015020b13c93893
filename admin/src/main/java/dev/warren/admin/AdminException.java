package dev.warren.admin;

/**
 * An admin change that was refused before anything was written: unknown user, a user that
 * already exists, a regex that does not compile, a bad tag. The message names the cause.
 */
public class AdminException extends RuntimeException {

    public AdminException(String message) {
        super(message);
    }
}
