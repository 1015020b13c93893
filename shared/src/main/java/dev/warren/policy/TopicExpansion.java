package dev.warren.policy;

import java.util.List;
import java.util.Map;

/**
 * The broker's expansion of topic-permission variables ({@code expand_topic_permission} in
 * rabbit_auth_backend_internal): {@code maps:fold} over the variable map, whose keys come in
 * order {@code client_id}, {@code username}, {@code vhost}; each {@code {name}} is replaced
 * (globally, verbatim, no regex quoting) in the result of the previous replacement, so a value
 * that itself contains a placeholder is expanded again by a later variable.
 */
public final class TopicExpansion {
    private TopicExpansion() {}

    /** The variables the broker puts in the map, in the order it replaces them. */
    public static final List<String> VARIABLES = List.of("client_id", "username", "vhost");

    /** Plain values (no regex syntax) used wherever a stored topic pattern is checked before any request. */
    private static final Map<String, String> SAMPLE_VALUES = Map.of("client_id", "c", "username", "u", "vhost", "v");

    /**
     * The pattern with plain sample values for its variables: what admin verbs, imports and
     * {@code explain} compile to tell whether a stored topic pattern can ever be used.
     */
    public static String withSampleValues(String pattern) {
        return expand(pattern, SAMPLE_VALUES);
    }

    /**
     * The regex the broker matches for a topic pattern as read (a stored {@code ''} is already
     * {@code ^$}, see {@link TopicPermission#regexFor}); may be empty, which matches everything.
     */
    public static String expand(String pattern, Map<String, String> variables) {
        String result = pattern;
        for (String name : VARIABLES) {
            String value = variables.get(name);
            if (value != null) {
                result = result.replace("{" + name + "}", value);
            }
        }
        return result;
    }
}
