package dev.warren.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warren.e2e.RegexCases.Check;
import dev.warren.e2e.RegexCases.ResourceCheck;
import dev.warren.e2e.RegexCases.TopicCheck;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * warren's regex semantics against the broker's own: random definitions and checks
 * ({@link RegexCases}, from a seed) are imported into the oracle node and asked of
 * {@code rabbit_auth_backend_internal} directly ({@code rabbitmqctl eval}, all checks in one call),
 * and asked of {@code warren serve --definitions} over HTTP. Any disagreement fails, except warren
 * denying a regex that the jar under test itself reports as refused on purpose
 * ({@code PermissionRegex.refusedOnPurpose}, docs/semantics.md). Also re-checks
 * the committed Latin-1 table fixture against the live broker.
 *
 * <p>{@code make e2e} runs seed 16 with 2,000 checks. Hand run with other seeds (comma separated) or
 * sizes: {@code e2e/run -Dtest=RegexDifferentialTest -Dwarren.e2e.regex.seed=1,2,3
 * -Dwarren.e2e.regex.requests=5000} (or WARREN_E2E_REGEX_SEED / WARREN_E2E_REGEX_REQUESTS).
 */
@Order(6)
@ExtendWith(E2eExtension.class)
class RegexDifferentialTest {
    static final String FIXTURE = "shared/src/test/resources/dev/warren/policy/pcre-tables.txt";

    @Test
    @DisplayName("the committed Latin-1 table fixture is still what the broker answers")
    void tablesFixtureMatchesTheLiveBroker(E2e e2e) throws IOException {
        BrokerNode oracle = e2e.node(E2e.ORACLE);
        List<String[]> fixture = Files.readAllLines(e2e.repo.resolve(FIXTURE)).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t", 3)).toList();
        Path terms = e2e.runRoot.resolve("regex-tables.terms");
        Path out = e2e.runRoot.resolve("regex-tables.out");
        Files.writeString(terms, fixture.stream().map(f -> binary(HexFormat.of().parseHex(f[0])) + ".\n")
                .collect(Collectors.joining()));
        oracle.ctl("eval", """
                {ok, Ps} = file:consult("%s"),
                Line = fun(P) ->
                    case re:compile(<<"\\\\A(?:", P/binary, ")\\\\z">>) of
                      {error, _} -> <<"error\\n">>;
                      {ok, C} -> N = lists:sum([1 bsl B || B <- lists:seq(0, 255), re:run(<<B>>, C, [{capture, none}]) =:= match]),
                                 list_to_binary([string:right(integer_to_list(N, 16), 64, $0), "\\n"])
                    end
                  end,
                file:write_file("%s", [Line(P) || P <- Ps]).""".formatted(terms, out)).orThrow();
        List<String> broker = Files.readAllLines(out);
        List<String> differ = new ArrayList<>();
        for (int i = 0; i < fixture.size(); i++) {
            if (!fixture.get(i)[1].equals(broker.get(i))) {
                differ.add(fixture.get(i)[2] + ": fixture " + fixture.get(i)[1] + ", broker " + broker.get(i));
            }
        }
        assertThat(broker).hasSize(fixture.size());
        assertThat(differ).as("regenerate " + FIXTURE + " only if the broker's PCRE changed").isEmpty();
    }

    @Test
    @DisplayName("warren == rabbit_auth_backend_internal on random regexes, names and routing keys")
    void warrenAgreesWithTheInternalBackend(E2e e2e) throws Exception {
        int requests = Integer.parseInt(E2eSettings.setting("warren.e2e.regex.requests", "WARREN_E2E_REGEX_REQUESTS", "2000"));
        for (String seed : E2eSettings.setting("warren.e2e.regex.seed", "WARREN_E2E_REGEX_SEED", "16").split(",")) {
            differential(e2e, Long.parseLong(seed.strip()), requests);
        }
    }

    private void differential(E2e e2e, long seed, int requests) throws Exception {
        BrokerNode oracle = e2e.node(E2e.ORACLE);
        RegexCases cases = new RegexCases(seed, "rx" + seed + "-");
        Path definitions = e2e.runRoot.resolve("regex-definitions-" + seed + ".json");
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(definitions.toFile(), cases.definitions(p -> p));
        // The broker will not store a regex it cannot compile: its copy has (*FAIL) there (denies
        // every check), warren's keeps the regex, and warren must deny every check against it too.
        Set<String> rejected = brokerRejects(oracle, cases.patterns(), e2e.runRoot.resolve("regex-patterns-" + seed));
        Path brokerDefinitions = e2e.runRoot.resolve("regex-definitions-" + seed + "-broker.json");
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(brokerDefinitions.toFile(),
                cases.definitions(p -> rejected.contains(p) ? "(*FAIL)" : p));
        List<Check> checks = cases.checks(requests);

        WarrenServer warren = new WarrenServer("regex-" + seed, e2e.warrenCommand,
                List.of("--definitions", definitions.toString()), e2e.serveArgs, Map.of(), e2e.runRoot);
        CompletableFuture<Void> up = CompletableFuture.runAsync(() -> warren.start(Duration.ofMinutes(4)));
        long t0 = System.nanoTime();
        oracle.ctl("import_definitions", brokerDefinitions.toString()).orThrow();
        String brokerAnswers = askBroker(oracle, checks, e2e.runRoot.resolve("regex-checks-" + seed));
        long t1 = System.nanoTime();
        List<Boolean> warrenAnswers;
        try {
            up.join();
            warrenAnswers = askWarren(warren.port, checks);
        } finally {
            warren.stop();
        }
        long t2 = System.nanoTime();

        Predicate<String> refusedOnPurpose = refusedOnPurpose(e2e);
        List<String> disagreements = new ArrayList<>();
        int allows = 0;
        int refused = 0;
        int brokerErrors = 0;
        for (int i = 0; i < checks.size(); i++) {
            char b = brokerAnswers.charAt(i);
            boolean brokerAllows = b == '1';
            allows += brokerAllows ? 1 : 0;
            brokerErrors += b == 'E' ? 1 : 0;
            if (brokerAllows == warrenAnswers.get(i)) {
                continue;
            }
            if (brokerAllows && refusedOnPurpose.test(matched(checks.get(i)))) {
                refused++;
                continue;
            }
            disagreements.add("broker " + (brokerAllows ? "allows" : "denies") + ", warren "
                    + (warrenAnswers.get(i) ? "allows" : "denies") + ": " + checks.get(i));
        }
        System.out.printf("[e2e] regex differential, seed %d: %d checks, broker allows %d, broker errors (deny) %d,"
                        + " %d of %d patterns rejected by the broker, refused on purpose %d, disagreements %d;"
                        + " broker %.1f s, warren %.1f s%n", seed, checks.size(), allows, brokerErrors, rejected.size(),
                cases.patterns().size(), refused, disagreements.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        assertThat(allows).as("the generator should produce allows and denies").isBetween(checks.size() / 10,
                checks.size() * 9 / 10);
        assertThat(disagreements).as("seed " + seed + " (definitions in " + definitions + ")")
                .hasSizeLessThanOrEqualTo(0);
    }

    /** The regex the broker matched for a check: {@code ''} read as {@code ^$}, topic variables expanded in map order. */
    static String matched(Check check) {
        String pattern = check.pattern().isEmpty() ? "^$" : check.pattern();
        if (check instanceof TopicCheck t) {
            for (String name : List.of("client_id", "username", "vhost")) {
                String value = t.variables().get(name);
                pattern = value == null ? pattern : pattern.replace("{" + name + "}", value);
            }
        }
        return pattern;
    }

    /**
     * warren's own verdict, from the jar under test: is the regex valid PCRE that warren refuses on
     * purpose (docs/semantics.md)? Only then may warren deny what the broker allows.
     */
    private static Predicate<String> refusedOnPurpose(E2e e2e) throws Exception {
        int jarArg = e2e.warrenCommand.indexOf("-jar");
        Path jar = jarArg >= 0 ? Path.of(e2e.warrenCommand.get(jarArg + 1)) : e2e.repo.resolve("cli/target/warren-cli.jar");
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
        Method refused = loader.loadClass("dev.warren.policy.PermissionRegex").getMethod("refusedOnPurpose", String.class);
        return regex -> {
            try {
                return (Boolean) refused.invoke(null, regex);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** The patterns {@code re:compile} rejects (one eval). */
    private static Set<String> brokerRejects(BrokerNode oracle, Set<String> patterns, Path base) throws IOException {
        List<String> all = List.copyOf(patterns);
        Path terms = Path.of(base + ".terms");
        Path out = Path.of(base + ".out");
        Files.writeString(terms, all.stream().map(p -> binary(p) + ".\n").collect(Collectors.joining()));
        oracle.ctl("eval", """
                {ok, Ps} = file:consult("%s"),
                file:write_file("%s", [case re:compile(P) of {ok, _} -> $1; _ -> $0 end || P <- Ps]).""".formatted(terms, out))
                .orThrow();
        String ok = Files.readString(out, StandardCharsets.ISO_8859_1);
        assertThat(ok).hasSize(all.size());
        Set<String> rejected = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            if (ok.charAt(i) == '0') {
                rejected.add(all.get(i));
            }
        }
        return rejected;
    }

    /** All checks in one {@code rabbitmqctl eval}: a string of 1 (allow), 0 (deny) and E (the check crashed: deny). */
    private static String askBroker(BrokerNode oracle, List<Check> checks, Path base) throws IOException {
        Path terms = Path.of(base + ".terms");
        Path out = Path.of(base + ".out");
        StringBuilder t = new StringBuilder();
        for (Check c : checks) {
            if (c instanceof ResourceCheck r) {
                t.append("{r,").append(binary(r.user())).append(',').append(binary(r.vhost())).append(',').append(r.kind())
                        .append(',').append(binary(r.name())).append(',').append(r.permission()).append("}.\n");
            } else if (c instanceof TopicCheck tc) {
                t.append("{t,").append(binary(tc.user())).append(',').append(binary(tc.vhost())).append(',')
                        .append(binary(tc.exchange())).append(',').append(tc.permission()).append(',')
                        .append(binary(tc.routingKey())).append(",[").append(tc.variables().entrySet().stream()
                                .map(e -> "{" + binary(e.getKey()) + "," + binary(e.getValue()) + "}")
                                .collect(Collectors.joining(","))).append("]}.\n");
            }
        }
        Files.writeString(terms, t);
        oracle.ctl("eval", """
                {ok, Cs} = file:consult("%s"),
                M = rabbit_auth_backend_internal,
                A = fun({r, U, V, K, N, P}) -> M:check_resource_access({auth_user, U, [], none}, {resource, V, K, N}, P, #{});
                       ({t, U, V, X, P, RK, Vs}) -> M:check_topic_access({auth_user, U, [], none}, {resource, V, topic, X}, P,
                                                       #{routing_key => RK, variable_map => maps:from_list(Vs)})
                    end,
                file:write_file("%s", [try A(C) of true -> $1; false -> $0 catch _:_ -> $E end || C <- Cs]).""".formatted(terms, out))
                .orThrow();
        String answers = Files.readString(out, StandardCharsets.ISO_8859_1);
        assertThat(answers).hasSize(checks.size());
        return answers;
    }

    private static List<Boolean> askWarren(int port, List<Check> checks) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<Boolean>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Check c : checks) {
                URI uri = URI.create("http://127.0.0.1:" + port + query(c));
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        inFlight.acquire();
                        try {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                                    .build(), HttpResponse.BodyHandlers.ofString());
                            assertThat(r.statusCode()).as(uri.toString()).isEqualTo(200);
                            return r.body().startsWith("allow");
                        } finally {
                            inFlight.release();
                        }
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(uri + ": " + e, e);
                    }
                }, pool));
            }
            return answers.stream().map(CompletableFuture::join).toList();
        }
    }

    private static String query(Check c) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("username", c.user());
        q.put("vhost", c.vhost());
        String path;
        if (c instanceof ResourceCheck r) {
            path = "/auth/resource";
            q.put("resource", r.kind());
            q.put("name", r.name());
            q.put("permission", r.permission());
        } else {
            TopicCheck t = (TopicCheck) c;
            path = "/auth/topic";
            q.put("resource", "topic");
            q.put("name", t.exchange());
            q.put("permission", t.permission());
            q.put("routing_key", t.routingKey());
            t.variables().forEach((k, v) -> q.put("variable_map." + k, v));
        }
        return path + "?" + q.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An Erlang binary literal of the text's UTF-8 bytes. */
    private static String binary(String text) {
        return binary(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String binary(byte[] bytes) {
        StringBuilder b = new StringBuilder("<<");
        for (int i = 0; i < bytes.length; i++) {
            b.append(i == 0 ? "" : ",").append(bytes[i] & 0xff);
        }
        return b.append(">>").toString();
    }
}
