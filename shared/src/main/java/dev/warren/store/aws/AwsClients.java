package dev.warren.store.aws;

import dev.warren.config.WarrenConfig;
import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Builds the SDK clients once, with the url-connection HTTP client, a timeout on every call and
 * every attempt, and bounded retries. Region, credentials and endpoints come from the standard AWS
 * chain ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_DYNAMODB}, ...).
 */
public final class AwsClients {

    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb(WarrenConfig config) {
        return DynamoDbClient.builder()
                .httpClient(httpClient(config))
                .overrideConfiguration(override(config))
                .build();
    }

    public static SecretsManagerClient secretsManager(WarrenConfig config) {
        return SecretsManagerClient.builder()
                .httpClient(httpClient(config))
                .overrideConfiguration(override(config))
                .build();
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
