package dev.warren.cli.admin;

import dev.warren.password.PasswordHasher;
import dev.warren.store.aws.MotoServer;
import dev.warren.store.aws.SecretsManagerSecretStore;
import java.io.File;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The store tests' {@code moto_server} (started on a free loopback port, stopped by PID) with what
 * the admin tests need on top: clients, the environment for a subprocess, an admin connector.
 */
final class MotoAdmin implements AutoCloseable {

    private final MotoServer server;

    private MotoAdmin(MotoServer server) {
        this.server = server;
    }

    /** Skips the test (assumption) when moto_server is not installed. */
    static MotoAdmin start() throws IOException, InterruptedException {
        Assumptions.assumeTrue(onPath("moto_server"), "moto_server is not on PATH (pip install 'moto[server]')");
        return new MotoAdmin(MotoServer.startOnFreePort());
    }

    String endpoint() {
        return server.endpoint().toString();
    }

    /** What a subprocess needs to reach this server through the standard AWS chain. */
    Map<String, String> environment() {
        return server.awsEnvironment();
    }

    DynamoDbClient dynamo() {
        return DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    SecretsManagerClient secretsManager() {
        return SecretsManagerClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** Admin commands in process, over this server's DynamoDB and Secrets Manager. */
    AdminConnector connector(PasswordHasher hasher) {
        return config -> {
            DynamoDbClient dynamo = dynamo();
            SecretsManagerClient secrets = secretsManager();
            return new AdminStores(config, dynamo, new SecretsManagerSecretStore(secrets), hasher, () -> {
                dynamo.close();
                secrets.close();
            });
        };
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    }

    private static boolean onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, name).canExecute()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        server.close();
    }
}
