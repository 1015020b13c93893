package dev.warren.store.aws;

import dev.warren.store.StoreException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Short, operator-readable descriptions of SDK failures (one line, no request ids or stack), and
 * the one wording of a failure on the DynamoDB table.
 */
public final class AwsErrors {

    private AwsErrors() {
    }

    /** How every message names the table. */
    public static String table(String table) {
        return "DynamoDB table '" + table + "'";
    }

    /**
     * A failed call on the table.
     *
     * @param whenMissing appended when the table does not exist (e.g. how to create it)
     */
    public static StoreException tableFailure(String table, SdkException e, String whenMissing) {
        if (e instanceof ResourceNotFoundException) {
            return new StoreException(table(table) + " does not exist" + whenMissing, e);
        }
        return new StoreException(table(table) + ": " + describe(e), e);
    }

    public static String describe(SdkException e) {
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return "timed out (" + firstLine(e.getMessage()) + ")";
        }
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails().errorMessage();
            return (code == null ? "error" : code) + (message == null ? "" : ": " + message);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = firstLine(e.getMessage());
        return root == e ? message : message + " (" + root.getClass().getSimpleName() + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
