package dev.warren.store.aws;

import dev.warren.config.WarrenConfig;
import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

/**
 * Builds the SDK clients once, with the url-connection HTTP client, a timeout on every call and
 * every attempt, and bounded retries. Region, credentials and endpoints come from the standard AWS
 * chain ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_DYNAMODB}, ...).
 */
public final class AwsClients {

    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb(WarrenConfig config) {
        return dynamoDbBuilder(config).httpClient(httpClient(config)).build();
    }

    public static SecretsManagerClient secretsManager(WarrenConfig config) {
        return secretsManagerBuilder(config).httpClient(httpClient(config)).build();
    }

    /** A DynamoDB client builder with this configuration's timeouts and retries, but no HTTP client yet. */
    public static DynamoDbClientBuilder dynamoDbBuilder(WarrenConfig config) {
        return DynamoDbClient.builder().overrideConfiguration(override(config));
    }

    /** A Secrets Manager client builder with this configuration's timeouts and retries, but no HTTP client yet. */
    public static SecretsManagerClientBuilder secretsManagerBuilder(WarrenConfig config) {
        return SecretsManagerClient.builder().overrideConfiguration(override(config));
    }

    static SdkHttpClient httpClient(WarrenConfig config) {
        Duration attempt = config.awsAttemptTimeout();
        Duration connect = attempt.compareTo(Duration.ofSeconds(1)) < 0 ? attempt : Duration.ofSeconds(1);
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(connect)
                .socketTimeout(attempt)
                .build();
    }

    static ClientOverrideConfiguration override(WarrenConfig config) {
        return ClientOverrideConfiguration.builder()
                .apiCallTimeout(config.awsTimeout())
                .apiCallAttemptTimeout(config.awsAttemptTimeout())
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(config.awsMaxAttempts())
                        .build())
                .build();
    }
}
