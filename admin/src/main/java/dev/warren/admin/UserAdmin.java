package dev.warren.admin;

import dev.warren.store.aws.AwsErrors;
import dev.warren.store.aws.UserItems;
import dev.warren.definitions.Definitions;
import dev.warren.password.PasswordHash;
import dev.warren.policy.AccessPolicy;
import dev.warren.policy.PermissionRegex;
import dev.warren.policy.PermissionTriple;
import dev.warren.policy.TopicPermission;
import dev.warren.policy.UserPolicy;
import dev.warren.store.SecretPasswordHashStore;
import dev.warren.store.SecretStore;
import dev.warren.store.StoreException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * rabbitmqctl's user and permission verbs over warren's stores. Every change to a user is one
 * DynamoDB transaction over that user's items (the profile is always rewritten, conditioned on
 * the {@code updatedAt} that was read, so two admins never interleave half-changes); hashes go to
 * the secret store. Input is validated before anything is written: regexes must compile,
 * usernames and vhosts must be non-empty, tags must be lower-case words. Reads are strongly
 * consistent; listing scans the whole table (an admin operation, never on the decision path).
 */
public final class UserAdmin {

    /** DynamoDB's limit on the actions of one TransactWriteItems call. */
    public static final int MAX_TRANSACTION_ITEMS = 100;
    /** A tag: a lower-case word. */
    public static final Pattern TAG = Pattern.compile("[a-z0-9_-]+");
    private static final int ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final String table;
    private final SecretStore secrets;
    private final String secretPrefix;
    private final Clock clock;

    public UserAdmin(DynamoDbClient dynamo, String table, SecretStore secrets, String secretPrefix, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.secrets = secrets;
        this.secretPrefix = secretPrefix;
        this.clock = clock;
    }

    public UserAdmin(DynamoDbClient dynamo, String table, SecretStore secrets, String secretPrefix) {
        this(dynamo, table, secrets, secretPrefix, Clock.systemUTC());
    }

    // ---- validation -------------------------------------------------------------------------

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
            throw new AdminException(what + " '" + regex + "' does not compile: " + error);
        });
    }

    /**
     * A topic regex is compiled after its variables are replaced, as the decision does: Java
     * rejects a bare {@code {username}} that PCRE reads as a literal.
     */
    public static void checkTopicRegex(String what, String regex) {
        String expanded = AccessPolicy.expand(regex, Map.of("username", "u", "vhost", "v", "client_id", "c"));
        PermissionRegex.compileError(expanded).ifPresent(error -> {
            throw new AdminException(what + " '" + regex + "' does not compile"
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

    // ---- reads ------------------------------------------------------------------------------

    public String table() {
        return table;
    }

    /** The secret that holds the user's hash when the profile names no other. */
    public String secretName(String username) {
        return SecretPasswordHashStore.secretName(secretPrefix, username);
    }

    public Optional<UserPolicy> findUser(String username) {
        checkUsername(username);
        return UserItems.toPolicy(username, partition(username));
    }

    /** @throws AdminException naming the user when it does not exist */
    public UserPolicy requireUser(String username) {
        return findUser(username).orElseThrow(() -> noSuchUser(username));
    }

    /** The user's hash, read the way the functions read it (honours a profile's {@code secretId}). */
    public Optional<PasswordHash> findHash(UserPolicy user) {
        return new SecretPasswordHashStore(secrets, secretPrefix).findHash(user);
    }

    /** Every user in the table, by name. Partitions without a profile item are not users and are skipped. */
    public List<UserPolicy> users() {
        Map<String, List<Map<String, AttributeValue>>> partitions = new TreeMap<>();
        Map<String, AttributeValue> start = null;
        try {
            do {
                ScanRequest.Builder scan = ScanRequest.builder().tableName(table).consistentRead(true);
                if (start != null) {
                    scan.exclusiveStartKey(start);
                }
                ScanResponse response = dynamo.scan(scan.build());
                for (Map<String, AttributeValue> item : response.items()) {
                    AttributeValue pk = item.get(UserItems.PK);
                    if (pk != null && pk.s() != null && pk.s().startsWith(UserItems.USER_PREFIX)) {
                        partitions.computeIfAbsent(pk.s().substring(UserItems.USER_PREFIX.length()),
                                k -> new ArrayList<>()).add(item);
                    }
                }
                start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey() : null;
            } while (start != null);
        } catch (SdkException e) {
            throw storeError(e);
        }
        List<UserPolicy> users = new ArrayList<>();
        partitions.forEach((name, items) -> UserItems.toPolicy(name, items).ifPresent(users::add));
        return users;
    }

    /**
     * Everything, as a definitions export: users with their hash exactly as stored (algorithm and
     * text), tags, warren's flags, permissions and topic permissions. Vhosts are not stored by
     * warren: they are the vhosts that some permission or topic permission names.
     */
    public Definitions exportDefinitions() {
        List<Definitions.User> users = new ArrayList<>();
        List<Definitions.Permission> permissions = new ArrayList<>();
        List<Definitions.TopicPermissionEntry> topics = new ArrayList<>();
        TreeSet<String> vhosts = new TreeSet<>();
        for (UserPolicy user : users()) {
            users.add(new Definitions.User(user.username(), findHash(user), user.tags(), user.certificateLogin(),
                    user.disabled()));
            new TreeMap<>(user.permissions()).forEach((vhost, triple) -> {
                permissions.add(new Definitions.Permission(user.username(), vhost, triple));
                vhosts.add(vhost);
            });
            user.topicPermissions().values().stream()
                    .sorted(Comparator.comparing(TopicPermission::vhost).thenComparing(TopicPermission::exchange))
                    .forEach(topic -> {
                        topics.add(new Definitions.TopicPermissionEntry(user.username(), topic));
                        vhosts.add(topic.vhost());
                    });
        }
        return new Definitions(users, List.copyOf(vhosts), permissions, topics);
    }

    // ---- writes -----------------------------------------------------------------------------

    /**
     * Creates a user with no tags and no permissions. The items are written first, then the hash;
     * if the hash cannot be written the user is removed again, so no half-added user remains.
     *
     * @param hash empty for a user that cannot log in with a password
     */
    public void addUser(String username, Optional<PasswordHash> hash) {
        checkUsername(username);
        UserPolicy created = new UserPolicy(username, List.of(), false, false, Map.of(), Map.of(), Optional.empty());
        List<Map<String, AttributeValue>> written = null;
        for (int attempt = 1; written == null; attempt++) {
            List<Map<String, AttributeValue>> items = partition(username);
            if (UserItems.toPolicy(username, items).isPresent()) {
                throw new AdminException("user '" + username + "' already exists");
            }
            try {
                written = transact(username, items, Optional.of(created));
            } catch (Conflict e) {
                giveUpAfter(attempt, username);
            }
        }
        try {
            if (hash.isPresent()) {
                secrets.write(secretName(username), SecretPasswordHashStore.secretString(hash.get()));
            } else {
                secrets.delete(secretName(username));
            }
        } catch (RuntimeException e) {
            try {
                transact(username, written, Optional.empty());
            } catch (RuntimeException rollback) {
                e.addSuppressed(rollback);
            }
            throw new StoreException(message(e) + " (user '" + username + "' not added)", e);
        }
    }

    /** Removes every item of the user, then its default secret (at once, so the name can be reused). */
    public void deleteUser(String username) {
        checkUsername(username);
        for (int attempt = 1; ; attempt++) {
            List<Map<String, AttributeValue>> items = partition(username);
            if (UserItems.toPolicy(username, items).isEmpty()) {
                boolean leftover = secrets.read(secretName(username)).isPresent();
                if (leftover) {
                    secrets.delete(secretName(username));
                }
                if (items.isEmpty() && !leftover) {
                    throw noSuchUser(username);
                }
            }
            try {
                if (!items.isEmpty()) {
                    transact(username, items, Optional.empty());
                }
                break;
            } catch (Conflict e) {
                giveUpAfter(attempt, username);
            }
        }
        secrets.delete(secretName(username));
    }

    /** Replaces the user's hash in its default secret. */
    public void changePassword(String username, PasswordHash hash) {
        UserPolicy user = requireOwnSecret(username);
        secrets.write(secretName(user.username()), SecretPasswordHashStore.secretString(hash));
    }

    /** Removes the user's hash: it can no longer log in with a password. */
    public void clearPassword(String username) {
        UserPolicy user = requireOwnSecret(username);
        secrets.delete(secretName(user.username()));
    }

    /** Replaces the user's tags (an empty list clears them). */
    public void setUserTags(String username, List<String> tags) {
        List<String> checked = checkTags(tags);
        update(username, u -> new UserPolicy(u.username(), checked, u.disabled(), u.certificateLogin(),
                u.permissions(), u.topicPermissions(), u.secretId()));
    }

    public void setPermissions(String username, String vhost, PermissionTriple triple) {
        checkUsername(username);
        checkVhost(vhost);
        checkTriple(triple);
        update(username, u -> {
            Map<String, PermissionTriple> permissions = new HashMap<>(u.permissions());
            permissions.put(vhost, triple);
            return withPermissions(u, permissions, u.topicPermissions());
        });
    }

    /** @return false when the user had no permissions on the vhost (nothing changed) */
    public boolean clearPermissions(String username, String vhost) {
        checkUsername(username);
        checkVhost(vhost);
        UserPolicy before = update(username, u -> {
            Map<String, PermissionTriple> permissions = new HashMap<>(u.permissions());
            permissions.remove(vhost);
            return withPermissions(u, permissions, u.topicPermissions());
        });
        return before.permissions().containsKey(vhost);
    }

    public void setTopicPermissions(String username, TopicPermission topic) {
        checkUsername(username);
        checkVhost(topic.vhost());
        if (topic.exchange().isEmpty()) {
            throw new AdminException("exchange must not be empty");
        }
        checkTopicRegex("write regex", topic.write());
        checkTopicRegex("read regex", topic.read());
        update(username, u -> {
            Map<UserPolicy.TopicKey, TopicPermission> topics = new HashMap<>(u.topicPermissions());
            topics.put(new UserPolicy.TopicKey(topic.vhost(), topic.exchange()), topic);
            return withPermissions(u, u.permissions(), topics);
        });
    }

    /**
     * Removes the user's topic permissions on the vhost: for one exchange, or all of them.
     *
     * @return how many were removed
     */
    public int clearTopicPermissions(String username, String vhost, Optional<String> exchange) {
        checkUsername(username);
        checkVhost(vhost);
        UserPolicy before = update(username, u -> {
            Map<UserPolicy.TopicKey, TopicPermission> topics = new HashMap<>(u.topicPermissions());
            topics.keySet().removeIf(k -> k.vhost().equals(vhost)
                    && (exchange.isEmpty() || k.exchange().equals(exchange.get())));
            return withPermissions(u, u.permissions(), topics);
        });
        return (int) before.topicPermissions().keySet().stream()
                .filter(k -> k.vhost().equals(vhost) && (exchange.isEmpty() || k.exchange().equals(exchange.get())))
                .count();
    }

    // ---- internals --------------------------------------------------------------------------

    private static UserPolicy withPermissions(UserPolicy u, Map<String, PermissionTriple> permissions,
                                              Map<UserPolicy.TopicKey, TopicPermission> topics) {
        return new UserPolicy(u.username(), u.tags(), u.disabled(), u.certificateLogin(), permissions, topics,
                u.secretId());
    }

    private UserPolicy requireOwnSecret(String username) {
        UserPolicy user = requireUser(username);
        if (user.secretId().isPresent()) {
            throw new AdminException("user '" + username + "' reads its hash from secret '" + user.secretId().get()
                    + "' (profile attribute " + UserItems.SECRET_ID + "); change it there");
        }
        return user;
    }

    /** Read, change, write back in one transaction; retried when another writer got there first. */
    private UserPolicy update(String username, UnaryOperator<UserPolicy> change) {
        checkUsername(username);
        for (int attempt = 1; ; attempt++) {
            List<Map<String, AttributeValue>> items = partition(username);
            UserPolicy before = UserItems.toPolicy(username, items).orElseThrow(() -> noSuchUser(username));
            try {
                transact(username, items, Optional.of(change.apply(before)));
                return before;
            } catch (Conflict e) {
                giveUpAfter(attempt, username);
            }
        }
    }

    private static void giveUpAfter(int attempt, String username) {
        if (attempt >= ATTEMPTS) {
            throw new StoreException("user '" + username + "' kept changing under this command (" + ATTEMPTS
                    + " attempts); try again");
        }
    }

    /**
     * Makes the user's partition hold exactly {@code next}'s items (or nothing), in one
     * transaction: the profile is always written (or deleted), conditioned on the profile that was
     * read; other items are put only when they differ and deleted when no longer wanted. Items with
     * sort keys warren does not know are left alone unless the user is deleted.
     *
     * @return the items written
     */
    private List<Map<String, AttributeValue>> transact(String username, List<Map<String, AttributeValue>> existing,
                                                       Optional<UserPolicy> next) {
        String pk = UserItems.partitionKey(username);
        Map<String, Map<String, AttributeValue>> bySortKey = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : existing) {
            bySortKey.put(item.get(UserItems.SK).s(), item);
        }
        Map<String, AttributeValue> oldProfile = bySortKey.get(UserItems.PROFILE);
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        String condition;
        if (oldProfile == null) {
            condition = "attribute_not_exists(#pk)";
            names.put("#pk", UserItems.PK);
        } else if (oldProfile.get(UserItems.UPDATED_AT) == null) {
            condition = "attribute_not_exists(#u)";
            names.put("#u", UserItems.UPDATED_AT);
        } else {
            condition = "#u = :u";
            names.put("#u", UserItems.UPDATED_AT);
            values.put(":u", oldProfile.get(UserItems.UPDATED_AT));
        }
        List<TransactWriteItem> actions = new ArrayList<>();
        List<Map<String, AttributeValue>> written = new ArrayList<>();
        if (next.isPresent()) {
            for (Map<String, AttributeValue> item : UserItems.items(next.get(), clock.instant())) {
                String sk = item.get(UserItems.SK).s();
                Map<String, AttributeValue> old = bySortKey.remove(sk);
                written.add(item);
                if (sk.equals(UserItems.PROFILE)) {
                    Put.Builder put = Put.builder().tableName(table).item(item).conditionExpression(condition)
                            .expressionAttributeNames(names);
                    if (!values.isEmpty()) {
                        put.expressionAttributeValues(values);
                    }
                    actions.add(TransactWriteItem.builder().put(put.build()).build());
                } else if (old == null || !withoutTimestamp(old).equals(withoutTimestamp(item))) {
                    actions.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build())
                            .build());
                }
            }
            bySortKey.keySet().removeIf(sk -> !sk.startsWith(UserItems.PERM_PREFIX)
                    && !sk.startsWith(UserItems.TOPIC_PREFIX));
        }
        for (String sk : bySortKey.keySet()) {
            Delete.Builder delete = Delete.builder().tableName(table).key(UserItems.key(pk, sk));
            if (sk.equals(UserItems.PROFILE)) {
                delete.conditionExpression(condition).expressionAttributeNames(names);
                if (!values.isEmpty()) {
                    delete.expressionAttributeValues(values);
                }
            }
            actions.add(TransactWriteItem.builder().delete(delete.build()).build());
        }
        if (actions.size() > MAX_TRANSACTION_ITEMS) {
            throw new AdminException("changing user '" + username + "' needs " + actions.size()
                    + " item writes in one transaction; DynamoDB allows " + MAX_TRANSACTION_ITEMS
                    + " (split the change, or remove some permissions first)");
        }
        if (actions.isEmpty()) {
            return written;
        }
        try {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(actions).build());
        } catch (TransactionCanceledException e) {
            if (conditionFailed(e)) {
                throw new Conflict();
            }
            throw storeError(e);
        } catch (SdkException e) {
            throw storeError(e);
        }
        return written;
    }

    private static boolean conditionFailed(TransactionCanceledException e) {
        if (e.hasCancellationReasons()) {
            for (CancellationReason reason : e.cancellationReasons()) {
                if ("ConditionalCheckFailed".equals(reason.code())) {
                    return true;
                }
            }
            return false;
        }
        return String.valueOf(e.getMessage()).contains("ConditionalCheckFailed");
    }

    /** The user's items, read strongly consistent (a change must see the previous one). */
    private List<Map<String, AttributeValue>> partition(String username) {
        try {
            return UserItems.queryPartition(dynamo, table, username, true);
        } catch (SdkException e) {
            throw storeError(e);
        }
    }

    private static Map<String, AttributeValue> withoutTimestamp(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> copy = new HashMap<>(item);
        copy.remove(UserItems.UPDATED_AT);
        return copy;
    }

    private StoreException storeError(SdkException e) {
        if (e instanceof ResourceNotFoundException) {
            return new StoreException("DynamoDB table '" + table + "' does not exist (create it with"
                    + " `warren add_user --create-table ...`, `warren import_definitions FILE`, or deploy template.yaml)",
                    e);
        }
        return new StoreException("DynamoDB table '" + table + "': " + AwsErrors.describe(e), e);
    }

    private static AdminException noSuchUser(String username) {
        return new AdminException("no such user '" + username + "'");
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The profile changed between our read and our write. */
    private static final class Conflict extends RuntimeException {
        Conflict() {
            super(null, null, false, false);
        }
    }
}
