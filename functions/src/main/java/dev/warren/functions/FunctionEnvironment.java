package dev.warren.functions;

import dev.warren.config.ConfigException;
import dev.warren.config.WarrenConfig;
import dev.warren.definitions.DefinitionsException;
import dev.warren.definitions.DefinitionsReader;
import dev.warren.functions.caller.CallerAuthentication;
import dev.warren.functions.caller.CallerSettings;
import dev.warren.policy.AuthPath;
import dev.warren.protocol.AnswerBody;
import dev.warren.protocol.DecisionLog;
import dev.warren.protocol.HttpEdge;
import dev.warren.service.AuthService;
import dev.warren.service.AuthServices;
import dev.warren.store.InMemoryStore;
import dev.warren.store.aws.AwsClients;
import dev.warren.store.aws.SecretsManagerSecretStore;
import dev.warren.wiring.AwsAuthService;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds what a handler needs from the function's environment, once, at init (so SnapStart
 * snapshots it): configuration, caller check, SDK clients and caches, but no key derivation and no
 * request. A missing setting fails the init with a message naming it, not the first request.
 *
 * <ul>
 *   <li>{@code WARREN_TABLE} (required here), {@code WARREN_SECRET_PREFIX} and the cache and timeout
 *       settings of {@link WarrenConfig}: DynamoDB and Secrets Manager through {@link AwsAuthService}.</li>
 *   <li>{@code WARREN_CALLER_AUTH} and the other {@link CallerSettings}: who may call (required).</li>
 *   <li>{@code WARREN_DENY_REASONS}: {@code true} makes refusals answer {@code deny <reason>} (RabbitMQ 4.3+).</li>
 *   <li>{@code WARREN_THROTTLE_FAILURES}, {@code _WINDOW_SECONDS}, {@code _SCOPE} (the user function's only):
 *       the brute-force throttle, per instance or shared through the table's counter items.</li>
 *   <li>{@code WARREN_LOCAL_DEFINITIONS}: a RabbitMQ definitions file answered from memory instead,
 *       for {@code sam local invoke} and the runtime-client test; never set in the template.</li>
 * </ul>
 */
public final class FunctionEnvironment {

    public static final String TABLE = WarrenConfig.TABLE;
    public static final String LOCAL_DEFINITIONS = "WARREN_LOCAL_DEFINITIONS";

    private final Map<String, String> env;

    private FunctionEnvironment(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public static FunctionEnvironment fromSystem() {
        return of(System.getenv());
    }

    public static FunctionEnvironment of(Map<String, String> env) {
        return new FunctionEnvironment(env);
    }

    /** What one function's handler runs: its caller check, then its edge. */
    public ApiGatewayAdapter adapter(AuthPath function) {
        return function(function).adapter();
    }

    /** One function as Lambda runs it: its adapter, and its SnapStart priming with the same edge settings. */
    public record Parts(ApiGatewayAdapter adapter, SnapStartPriming priming) {
    }

    /**
     * The adapter and the priming of one function; the priming reseeds the adapter's decision
     * service after a restore.
     */
    public Parts function(AuthPath path) {
        WarrenConfig config = config();
        CallerAuthentication callers = callerAuthentication(config);
        AuthService service = authService(config);
        DecisionLog log = decisionLog(path);
        AnswerBody bodies = AnswerBody.of(config.denyReasons());
        SnapStartPriming.OfflineServices offline = value(LOCAL_DEFINITIONS) != null
                ? PrimingStores::inMemory
                : user -> PrimingStores.aws(user, config);
        return new Parts(new ApiGatewayAdapter(new HttpEdge(service, log, bodies), callers),
                new SnapStartPriming(path, callers, service, offline, other -> new HttpEdge(other, log, bodies)));
    }

    /** Who may call, from {@link CallerSettings}: required, so a function never answers anyone by default. */
    public CallerAuthentication callerAuthentication() {
        return callerAuthentication(config());
    }

    private CallerAuthentication callerAuthentication(WarrenConfig config) {
        return CallerSettings.fromEnvironment(env,
                () -> new SecretsManagerSecretStore(AwsClients.secretsManager(config)), config.secretTtl());
    }

    /** The edge for one function: the decision service plus Powertools logs and metrics. */
    public HttpEdge edge(AuthPath function) {
        return edge(function, config());
    }

    private HttpEdge edge(AuthPath function, WarrenConfig config) {
        return new HttpEdge(authService(config), decisionLog(function), AnswerBody.of(config.denyReasons()));
    }

    DecisionLog decisionLog(AuthPath function) {
        return PowertoolsDecisionLog.create(function, env);
    }

    /** The decision service this environment names; throws IllegalStateException when it names none. */
    public AuthService authService() {
        return authService(config());
    }

    private AuthService authService(WarrenConfig config) {
        String definitions = value(LOCAL_DEFINITIONS);
        if (definitions != null) {
            try {
                InMemoryStore store = new InMemoryStore(DefinitionsReader.read(Path.of(definitions)));
                return AuthServices.over(store, store);
            } catch (DefinitionsException e) {
                throw new IllegalStateException(LOCAL_DEFINITIONS + "=" + definitions + ": " + e.getMessage(), e);
            }
        }
        String table = value(TABLE);
        if (table == null) {
            throw new IllegalStateException(TABLE + " is not set: give the name of the warren DynamoDB table"
                    + " (or " + LOCAL_DEFINITIONS + " for local use)");
        }
        return AwsAuthService.fromConfig(config);
    }

    /** Every setting, validated once; a bad one fails the init naming the variable. */
    private WarrenConfig config() {
        try {
            return WarrenConfig.fromEnvironment(env);
        } catch (ConfigException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private String value(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v;
    }
}
