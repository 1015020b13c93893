package dev.warren.admin;

import static dev.warren.admin.AdminInput.checkTopicRegex;
import static dev.warren.admin.AdminInput.checkTriple;
import static dev.warren.admin.AdminInput.checkUsername;
import static dev.warren.admin.AdminInput.checkVhost;

import dev.warren.definitions.Definitions;
import dev.warren.password.PasswordHash;
import dev.warren.policy.PermissionTriple;
import dev.warren.policy.TopicPermission;
import dev.warren.policy.UserPolicy;
import dev.warren.store.SecretPasswordHashStore;
import dev.warren.store.SecretStore;
import dev.warren.store.StoreException;
import dev.warren.store.aws.UserItems;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * rabbitmqctl's user and permission verbs over warren's stores. Every change to a user is one
 * transaction through the {@link UserWriter} (consistent read, conditioned write, retried on a
 * race); hashes go to the secret store. Input is checked ({@link AdminInput}) before anything is
 * written.
 */
public final class UserAdmin {

    /** DynamoDB's limit on the actions of one TransactWriteItems call. */
    public static final int MAX_TRANSACTION_ITEMS = UserTransaction.MAX_ITEMS;

    private final UserTable table;
    private final UserWriter writer;
    private final SecretStore secrets;
    private final String secretPrefix;

    public UserAdmin(DynamoDbClient dynamo, String table, SecretStore secrets, String secretPrefix, Clock clock) {
        this.table = new UserTable(dynamo, table);
        this.writer = new UserWriter(this.table, clock);
        this.secrets = secrets;
        this.secretPrefix = secretPrefix;
    }

    public UserAdmin(DynamoDbClient dynamo, String table, SecretStore secrets, String secretPrefix) {
        this(dynamo, table, secrets, secretPrefix, Clock.systemUTC());
    }

    // ---- reads ------------------------------------------------------------------------------

    public String table() {
        return table.name();
    }

    /** The secret that holds the user's hash when the profile names no other. */
    public String secretName(String username) {
        return SecretPasswordHashStore.secretName(secretPrefix, username);
    }

    public Optional<UserPolicy> findUser(String username) {
        checkUsername(username);
        return table.findUser(username);
    }

    /** @throws AdminException naming the user when it does not exist */
    public UserPolicy requireUser(String username) {
        return findUser(username).orElseThrow(() -> noSuchUser(username));
    }

    /** The user's hash, read the way the functions read it (honours a profile's {@code secretId}). */
    public Optional<PasswordHash> findHash(UserPolicy user) {
        return new SecretPasswordHashStore(secrets, secretPrefix).findHash(user);
    }

    /** Every user in the table, by name. */
    public List<UserPolicy> users() {
        return table.users();
    }

    /** Everything, as a definitions export (see {@link DefinitionsExporter}). */
    public Definitions exportDefinitions() {
        return DefinitionsExporter.export(users(), this::findHash);
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
        UserWriter.Written written = writer.write(username, before -> {
            if (before.isPresent()) {
                throw new AdminException("user '" + username + "' already exists");
            }
            return Optional.of(new UserPolicy(username, List.of(), false, false, Map.of(), Map.of(), Optional.empty()));
        });
        try {
            if (hash.isPresent()) {
                secrets.write(secretName(username), SecretPasswordHashStore.secretString(hash.get()));
            } else {
                secrets.delete(secretName(username));
            }
        } catch (RuntimeException e) {
            try {
                writer.undo(username, written);
            } catch (RuntimeException rollback) {
                e.addSuppressed(rollback);
            }
            throw new StoreException(message(e) + " (user '" + username + "' not added)", e);
        }
    }

    /** Removes every item of the user, then its default secret (at once, so the name can be reused). */
    public void deleteUser(String username) {
        checkUsername(username);
        UserWriter.Written written = writer.write(username, before -> Optional.empty());
        boolean nothingStored = written.before().isEmpty() && written.deleted() == 0;
        if (nothingStored && secrets.read(secretName(username)).isEmpty()) {
            throw noSuchUser(username);
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
        List<String> checked = AdminInput.checkTags(tags);
        update(username, u -> new UserPolicy(u.username(), checked, u.disabled(), u.certificateLogin(),
                u.permissions(), u.topicPermissions(), u.secretId()));
    }

    /**
     * Sets the disabled and certificate-login flags; an empty value leaves that flag as it is.
     *
     * @return the user as it was
     */
    public UserPolicy setUserFlags(String username, Optional<Boolean> disabled, Optional<Boolean> certificateLogin) {
        return update(username, u -> new UserPolicy(u.username(), u.tags(), disabled.orElse(u.disabled()),
                certificateLogin.orElse(u.certificateLogin()), u.permissions(), u.topicPermissions(), u.secretId()));
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

    /** Changes an existing user; @return the user as it was */
    private UserPolicy update(String username, UnaryOperator<UserPolicy> change) {
        checkUsername(username);
        return writer.write(username, before -> Optional.of(change.apply(before.orElseThrow(() -> noSuchUser(username)))))
                .before().orElseThrow();
    }

    private static AdminException noSuchUser(String username) {
        return new AdminException("no such user '" + username + "'");
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
