package dev.warren.admin;

import dev.warren.policy.UserPolicy;
import dev.warren.store.StoreException;
import dev.warren.store.aws.UserItemReader;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The one way warren writes a user's items, shared by the admin verbs and {@code import_definitions}:
 * read the partition strongly consistent, compute the wanted user, write the difference in one
 * {@link UserTransaction}; when another writer got there first, read again and retry.
 */
final class UserWriter {

    private static final int ATTEMPTS = 5;

    private final UserTable table;
    private final Clock clock;

    UserWriter(UserTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    /** What one write did. {@code items} are the user's items afterwards, for {@link #undo}. */
    record Written(Optional<UserPolicy> before, List<Map<String, AttributeValue>> items, int changed, int unchanged,
                   int deleted) {
    }

    /**
     * Makes the user what {@code change} returns for the user as it is (empty: no user).
     *
     * @param change may throw (e.g. an {@link AdminException}) to refuse the change; nothing is written then
     */
    Written write(String username, UnaryOperator<Optional<UserPolicy>> change) {
        for (int attempt = 1; ; attempt++) {
            List<Map<String, AttributeValue>> items = table.partition(username);
            Optional<UserPolicy> before = UserItemReader.toPolicy(username, items);
            UserTransaction transaction = UserTransaction.plan(table.name(), username, items, change.apply(before),
                    clock.instant());
            if (commit(transaction)) {
                return new Written(before, transaction.items(), transaction.changed(), transaction.unchanged(),
                        transaction.deleted());
            }
            if (attempt >= ATTEMPTS) {
                throw new StoreException("user '" + username + "' kept changing under this command (" + ATTEMPTS
                        + " attempts); try again");
            }
        }
    }

    /** Removes what {@link #write} wrote, unless the user changed since (then a {@link StoreException}). */
    void undo(String username, Written written) {
        if (!commit(UserTransaction.plan(table.name(), username, written.items(), Optional.empty(), clock.instant()))) {
            throw new StoreException("user '" + username + "' changed meanwhile; not removed");
        }
    }

    /** @return false when the profile changed between our read and our write */
    private boolean commit(UserTransaction transaction) {
        if (transaction.actions().isEmpty()) {
            return true;
        }
        try {
            table.dynamo().transactWriteItems(TransactWriteItemsRequest.builder()
                    .transactItems(transaction.actions()).build());
            return true;
        } catch (TransactionCanceledException e) {
            if (conditionFailed(e)) {
                return false;
            }
            throw table.failure(e);
        } catch (SdkException e) {
            throw table.failure(e);
        }
    }

    /** A condition failed when DynamoDB names ConditionalCheckFailed among the cancellation reasons. */
    private static boolean conditionFailed(TransactionCanceledException e) {
        return e.hasCancellationReasons() && e.cancellationReasons().stream()
                .map(CancellationReason::code).anyMatch("ConditionalCheckFailed"::equals);
    }
}
