package dev.warren.admin;

import dev.warren.policy.PermissionRegex;
import dev.warren.policy.PermissionTriple;
import dev.warren.policy.TopicExpansion;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an admin change must satisfy before anything is written: regexes compile, usernames and
 * vhosts are non-empty, tags are lower-case words. Each check throws an {@link AdminException}
 * naming the bad value.
 */
public final class AdminInput {

    /** A tag: a lower-case word. */
    public static final Pattern TAG = Pattern.compile("[a-z0-9_-]+");

    private AdminInput() {
    }

    public static void checkUsername(String username) {
        if (username == null || username.isEmpty()) {
            throw new AdminException("username must not be empty");
        }
    }

    public static void checkVhost(String vhost) {
        if (vhost == null || vhost.isEmpty()) {
            throw new AdminException("vhost must not be empty (the default vhost is '/')");
        }
    }

    /** @param what names the regex in the message, e.g. "configure regex" */
    public static void checkRegex(String what, String regex) {
        PermissionRegex.compileError(regex).ifPresent(error -> {
            throw new AdminException(what + " '" + regex + "' cannot be used: " + error);
        });
    }

    /**
     * A topic regex is compiled after its variables are replaced, as the decision does: Java
     * rejects a bare {@code {username}} that PCRE reads as a literal.
     */
    public static void checkTopicRegex(String what, String regex) {
        String expanded = TopicExpansion.withSampleValues(regex);
        PermissionRegex.compileError(expanded).ifPresent(error -> {
            throw new AdminException(what + " '" + regex + "' cannot be used"
                    + (expanded.equals(regex) ? "" : " (after replacing {username}, {vhost}, {client_id})") + ": " + error);
        });
    }

    public static void checkTriple(PermissionTriple triple) {
        checkRegex("configure regex", triple.configure());
        checkRegex("write regex", triple.write());
        checkRegex("read regex", triple.read());
    }

    /** @return the tags in order, duplicates dropped */
    public static List<String> checkTags(List<String> tags) {
        for (String tag : tags) {
            if (!TAG.matcher(tag).matches()) {
                throw new AdminException("tag '" + tag + "' is not a lower-case word (letters a-z, digits, '_', '-')");
            }
        }
        return List.copyOf(new LinkedHashSet<>(tags));
    }
}
