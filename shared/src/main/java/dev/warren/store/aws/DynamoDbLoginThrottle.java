package dev.warren.store.aws;

import dev.warren.cache.LruMap;
import dev.warren.config.WarrenConfig;
import dev.warren.service.LoginThrottle;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@link LoginThrottle} shared by every instance: one counter item per name in the users table
 * ({@link ThrottleItems}), so K failures in total, not K per Lambda instance, throttle a name. A window
 * is opened by the first failure after the previous one ended, as in the per-instance throttle.
 *
 * <ul>
 *   <li>A failure is one conditional UpdateItem: {@code ADD failures 1} only while the stored window has
 *       not ended, so an old window's counter is never extended; when it has ended (or there is none),
 *       a second conditional UpdateItem opens a new one with the count at 1 and the TTL attribute at the
 *       window's end plus {@link #TTL_MARGIN}.</li>
 *   <li>{@link #isThrottled} is one strongly consistent GetItem: a failure another instance counted a
 *       moment ago must count here too (one read unit instead of half of one).</li>
 *   <li>A name found throttled is remembered here until its window ends, in a bounded least recently used
 *       map keyed by the digest: no DynamoDB call for the refused attempts of an attack.</li>
 *   <li>Every failure also goes to the per-instance {@code local} throttle, which decides alone when the
 *       table cannot be read or written: the shared scope is never weaker than the per-instance one, and
 *       an outage never refuses every login. After a failed call the table is left alone for
 *       {@link #PAUSE_AFTER_FAILURE}. Nothing here ever throws into a login.</li>
 *   <li>Each call gets at most half of {@code WARREN_AWS_TIMEOUT_MILLIS}: a read and an update together
 *       fit in one store call's budget, so a login still fits the user function's timeout.</li>
 * </ul>
 */
public final class DynamoDbLoginThrottle implements LoginThrottle {

    private static final System.Logger LOG = System.getLogger("warren.throttle");

    /** How long the item outlives its window before DynamoDB may delete it: covers clocks that differ between instances. */
    public static final Duration TTL_MARGIN = Duration.ofMinutes(5);
    /** After a failed call, how long the per-instance counter decides alone. */
    public static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(5);

    private record Counter(long failures, long windowEnd) {
        static Counter of(Map<String, AttributeValue> item) {
            return new Counter(Long.parseLong(item.get(ThrottleItems.FAILURES).n()),
                    Long.parseLong(item.get(ThrottleItems.WINDOW_END).n()));
        }
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final int maxFailures;
    private final long windowMillis;
    private final LoginThrottle local;
    private final InstantSource clock;
    private final AwsRequestOverrideConfiguration budget;
    private final LruMap<String, Long> throttledUntil;
    private volatile long pausedUntil = Long.MIN_VALUE;

    /** The attribute names an update adding to the count uses, and those one opening a window uses. */
    private static final Map<String, String> COUNTER_NAMES =
            Map.of("#f", ThrottleItems.FAILURES, "#w", ThrottleItems.WINDOW_END);
    private static final Map<String, String> WINDOW_NAMES =
            Map.of("#f", ThrottleItems.FAILURES, "#w", ThrottleItems.WINDOW_END, "#e", ThrottleItems.EXPIRES_AT);

    /**
     * @param config names the table, the limit and window ({@code config.login()}), the bound on names
     *               remembered and the AWS time budget
     * @param local  the per-instance throttle every failure is also counted in
     * @param clock  wall-clock time, compared with the window ends other instances wrote
     */
    public DynamoDbLoginThrottle(DynamoDbClient dynamo, WarrenConfig config, LoginThrottle local, InstantSource clock) {
        if (!config.login().throttled()) {
            throw new IllegalArgumentException("the shared throttle needs a failure limit above 0");
        }
        this.dynamo = dynamo;
        this.table = config.table();
        this.maxFailures = config.login().throttleFailures();
        this.windowMillis = config.login().throttleWindow().toMillis();
        this.local = local;
        this.clock = clock;
        Duration half = config.awsTimeout().dividedBy(2);
        this.budget = AwsRequestOverrideConfiguration.builder()
                .apiCallTimeout(half)
                .apiCallAttemptTimeout(config.awsAttemptTimeout().compareTo(half) < 0 ? config.awsAttemptTimeout() : half)
                .build();
        this.throttledUntil = new LruMap<>(config.cacheMaxEntries());
    }

    @Override
    public boolean isThrottled(String username) {
        long now = clock.millis();
        String digest = ThrottleItems.nameDigest(username);
        if (knownThrottled(digest, now) || local.isThrottled(username)) {
            return true;
        }
        if (now < pausedUntil) {
            return false;
        }
        try {
            Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder()
                    .tableName(table)
                    .key(ThrottleItems.key(digest))
                    .consistentRead(true)
                    .overrideConfiguration(budget)
                    .build()).item();
            return item != null && !item.isEmpty() && remember(digest, Counter.of(item), now);
        } catch (RuntimeException e) {
            unavailable("reading", e, now);
            return false;
        }
    }

    @Override
    public void recordFailure(String username) {
        local.recordFailure(username);
        long now = clock.millis();
        if (now < pausedUntil) {
            return;
        }
        String digest = ThrottleItems.nameDigest(username);
        try {
            remember(digest, count(digest, now), now);
        } catch (RuntimeException e) {
            unavailable("counting a failure in", e, now);
        }
    }

    /** Counts one failure: into the current window, else into a new one (and if another instance opened it meanwhile, into that). */
    private Counter count(String digest, long now) {
        try {
            return add(digest, now);
        } catch (ConditionalCheckFailedException noCurrentWindow) {
            try {
                return open(digest, now);
            } catch (ConditionalCheckFailedException openedMeanwhile) {
                return add(digest, now);
            }
        }
    }

    private Counter add(String digest, long now) {
        return update(digest, "ADD #f :one", "#w > :now", COUNTER_NAMES, Map.of(":one", n(1), ":now", n(now)));
    }

    private Counter open(String digest, long now) {
        long end = now + windowMillis;
        long expiresAt = Math.floorDiv(end, 1000) + TTL_MARGIN.toSeconds();
        return update(digest, "SET #f = :one, #w = :end, #e = :expires", "attribute_not_exists(#w) OR #w <= :now",
                WINDOW_NAMES, Map.of(":one", n(1), ":end", n(end), ":expires", n(expiresAt), ":now", n(now)));
    }

    private Counter update(String digest, String update, String condition, Map<String, String> names,
                           Map<String, AttributeValue> values) {
        return Counter.of(dynamo.updateItem(UpdateItemRequest.builder()
                .tableName(table)
                .key(ThrottleItems.key(digest))
                .updateExpression(update)
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_NEW)
                .overrideConfiguration(budget)
                .build()).attributes());
    }

    /** Whether the counter throttles now; if so the name is remembered until its window ends (at most one window from now). */
    private boolean remember(String digest, Counter counter, long now) {
        if (counter.failures() < maxFailures || counter.windowEnd() <= now) {
            return false;
        }
        throttledUntil.put(digest, Math.min(counter.windowEnd(), now + windowMillis));
        return true;
    }

    private boolean knownThrottled(String digest, long now) {
        Long until = throttledUntil.get(digest);
        if (until == null) {
            return false;
        }
        if (now < until) {
            return true;
        }
        throttledUntil.remove(digest);
        return false;
    }

    private void unavailable(String what, RuntimeException e, long now) {
        pausedUntil = now + PAUSE_AFTER_FAILURE.toMillis();
        String why = e instanceof SdkException sdk ? AwsErrors.describe(sdk) : e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage());
        LOG.log(System.Logger.Level.WARNING, "login throttle: " + what + " " + AwsErrors.table(table) + " failed ("
                + why + "); the per-instance counter alone decides for the next " + PAUSE_AFTER_FAILURE.toSeconds() + " s");
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
