package dev.warren.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random definitions and checks for the regex differential test, reproducible from a seed:
 * users with non-ASCII names on a few vhosts, permission and topic-permission regexes drawn from
 * pieces operators write (POSIX classes, class escapes, {@code \p{..}}, {@code \x{..}}, bytes of
 * non-ASCII letters, braces, placeholders, options, anchors, groups, some invalid or refused
 * syntax), and resource and topic checks whose names are often built from the same pieces.
 */
final class RegexCases {

    /** A regex piece and strings that may match it. */
    private record Piece(String regex, String... samples) {}

    /** One question, asked of the broker and of warren the same way. */
    sealed interface Check permits ResourceCheck, TopicCheck {
        String user();

        String vhost();

        String pattern();
    }

    record ResourceCheck(String user, String vhost, String kind, String name, String permission, String pattern)
            implements Check {}

    record TopicCheck(String user, String vhost, String exchange, String permission, String routingKey,
                      Map<String, String> variables, String pattern) implements Check {}

    private static final List<Piece> PIECES = List.of(
            new Piece("a", "a", "A"), new Piece("é", "é", "e"), new Piece("ü", "ü"), new Piece("日本", "日本", "日"),
            new Piece("ß", "ß"), new Piece("x", "x"), new Piece("\\.", ".", "x"), new Piece("-", "-"),
            new Piece(".", "a", "é", "\n", "\r"), new Piece("\\w", "a", "é", "_", "1", "-"), new Piece("\\W", "é", "-", " "),
            new Piece("\\d", "1", "٣"), new Piece("\\D", "a", "1"), new Piece("\\s", " ", "\t", "\u00a0", "\u0085"),
            new Piece("\\S", "x", " "), new Piece("\\h", " ", "\u00a0"), new Piece("\\v", "\n", "\u0085"),
            new Piece("[[:digit:]]", "1", "d"), new Piece("[[:alpha:]]", "a", "é", "1"), new Piece("[[:upper:]]", "A", "É", "a"),
            new Piece("[[:lower:]]", "a", "é", "A"), new Piece("[[:punct:]]", ".", "©", "a"), new Piece("[[:^alpha:]]", "1", "é"),
            new Piece("[[:space:]]", " ", "\u00a0"), new Piece("[[:alnum:]]", "1", "ß"), new Piece("[[:xdigit:]]", "f", "g"),
            new Piece("[äöü]", "ä", "ã", "ö"), new Piece("[^a-z]", "a", "é", "B"), new Piece("[a-zé]", "é", "q", "É"),
            new Piece("[\\w.-]", "a.b", "é-"), new Piece("[^\\W]", "é", "_"), new Piece("\\p{L}", "a", "é", "1"),
            new Piece("\\p{Lu}", "A", "É"), new Piece("\\P{L}", "1", "é"), new Piece("\\p{N}", "1", "²"),
            new Piece("\\p{Latin}", "a", "é"), new Piece("\\x{e9}", "é", "\u00e9"), new Piece("\\xc3", "é", "ã"),
            new Piece("\\x{41}", "A"), new Piece("\\x41", "A"), new Piece("\\101", "A"), new Piece("\\cA", "\u0001"),
            new Piece("\\Q.*\\E", ".*", "ab"), new Piece("\\Q{x}\\E", "{x}"), new Piece("{", "{"), new Piece("x{", "x{"),
            new Piece("{x}", "{x}"), new Piece("{,3}", "{,3}"), new Piece("(a|é)", "a", "é"), new Piece("(?:x|ü)", "ü"),
            new Piece("(?i:é)", "É", "é"), new Piece("(?i)a", "A"), new Piece("(?i)[[:upper:]]", "a", "ß"),
            new Piece("\\bfoo\\b", "foo", "fooé", "foo.é"), new Piece("\\Bo", "foo"), new Piece("(?=\\w)", "a"),
            new Piece("(?<=é)", "é"), new Piece("(?<!a)b", "b", "ab"), new Piece("\\y", "y"), new Piece("\\_", "_"),
            new Piece("\\N", "a", "\n"), new Piece("\\R", "\r\n", "\n"), new Piece("(?s).", "\n"), new Piece("(?x) a b", "ab"),
            new Piece("\\t", "\t"), new Piece("\\e", "\u001b"), new Piece("\\8", "8"), new Piece("\\0", "\u0000"),
            new Piece("(?>a+)", "aa"), new Piece("(a)\\1", "aa"), new Piece("\\p{^L}", "1"), new Piece("\\pL", "é"),
            // invalid in PCRE (both deny) and refused by warren on purpose (warren denies)
            new Piece("[", "["), new Piece("(", "("), new Piece("[[:foo:]]", "f"), new Piece("\\x{100}", "Ā"),
            new Piece("a**", "a"), new Piece("[z-a]", "z"), new Piece("\\K", ""), new Piece("(?U)a+", "aa"));

    private static final List<Piece> TOPIC_PIECES = List.of(new Piece("{username}"), new Piece("{vhost}"),
            new Piece("{client_id}"), new Piece("\\.{username}"), new Piece("^{client_id}/"));

    private static final String[] NOISE = {"a", "b", "é", "ü", "ã", "É", "ß", "日", "-", ".", "_", "1", " ", "\n",
        "\t", "\r", "{", "}", "©", "Ω", "A", "ä", "\u00a0", "foo", "x", "{username}"};
    private static final String[] USER_NAMES = {"josé", "日本", "ivan", "Ünï", "{client_id}", "a.b", "ß-x", "{vhost}"};
    private static final String[] CLIENT_IDS = {"c1", "", "{username}", "{vhost}", "é", "x.y", "{client_id}"};
    private static final String[] KINDS = {"queue", "exchange"};
    private static final String[] PERMISSIONS = {"configure", "write", "read"};
    /** password "test12" (docs/protocol.md §4); the test never logs in. */
    private static final String HASH = "kI3GCqW5JLMJa4iX1lo7X4D6XbYqlLgxIs30+P6tENUV2POR";

    private final Random random;
    private final String prefix;
    private final List<String> users = new ArrayList<>();
    private final List<String> vhosts = new ArrayList<>();
    /** user -> vhost -> [configure, write, read] */
    private final Map<String, Map<String, String[]>> permissions = new LinkedHashMap<>();
    /** user -> vhost|exchange -> [write, read] */
    private final Map<String, Map<String, String[]>> topics = new LinkedHashMap<>();

    RegexCases(long seed, String prefix) {
        this.random = new Random(seed);
        this.prefix = prefix;
        for (int v = 0; v < 4; v++) {
            vhosts.add(prefix + "v" + v + (v % 2 == 0 ? "-é" : ""));
        }
        for (int u = 0; u < 48; u++) {
            String user = prefix + USER_NAMES[u % USER_NAMES.length] + "-" + u;
            users.add(user);
            Map<String, String[]> perms = new LinkedHashMap<>();
            Map<String, String[]> tps = new LinkedHashMap<>();
            for (String vhost : vhosts) {
                if (random.nextInt(3) > 0) {
                    perms.put(vhost, new String[] {pattern(false), pattern(false), pattern(false)});
                    for (String exchange : List.of("amq.topic", "t-é")) {
                        if (random.nextBoolean()) {
                            tps.put(vhost + "|" + exchange, new String[] {pattern(true), pattern(true)});
                        }
                    }
                }
            }
            permissions.put(user, perms);
            topics.put(user, tps);
        }
    }

    private String pattern(boolean topic) {
        int shape = random.nextInt(20);
        if (shape == 0) {
            return "";
        }
        if (shape == 1) {
            return ".*";
        }
        StringBuilder p = new StringBuilder(random.nextInt(3) == 0 ? "^" : "");
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            Piece piece = topic && random.nextInt(3) == 0 ? pick(TOPIC_PIECES) : pick(PIECES);
            p.append(piece.regex());
            p.append(new String[] {"", "", "", "+", "*", "?", "{2}", "{1,3}", "+?"}[random.nextInt(9)]);
        }
        return p.append(random.nextInt(3) == 0 ? "$" : "").toString();
    }

    /** A name likely to be near the pattern: samples of its pieces, placeholders filled, plus noise. */
    private String subject(String pattern, Map<String, String> variables) {
        StringBuilder s = new StringBuilder();
        if (random.nextInt(4) > 0) {
            for (Piece piece : PIECES) {
                if (pattern.contains(piece.regex()) && piece.samples().length > 0 && random.nextInt(3) > 0) {
                    String sample = piece.samples()[random.nextInt(piece.samples().length)];
                    s.append(random.nextBoolean() ? sample : sample.repeat(2));
                }
            }
            for (Map.Entry<String, String> v : variables.entrySet()) {
                if (pattern.contains("{" + v.getKey() + "}") && random.nextBoolean()) {
                    s.append(random.nextBoolean() ? v.getValue() : "{" + v.getKey() + "}").append(random.nextBoolean() ? "/" : ".");
                }
            }
        }
        for (int k = random.nextInt(3); k > 0; k--) {
            String noise = NOISE[random.nextInt(NOISE.length)];
            s.insert(random.nextInt(s.length() + 1), noise);
        }
        return s.toString();
    }

    List<Check> checks(int count) {
        List<Check> out = new ArrayList<>();
        while (out.size() < count) {
            String user = users.get(random.nextInt(users.size()));
            List<Map.Entry<String, String[]>> perms = new ArrayList<>(permissions.get(user).entrySet());
            List<Map.Entry<String, String[]>> tps = new ArrayList<>(topics.get(user).entrySet());
            if (perms.isEmpty()) {
                continue;
            }
            if (!tps.isEmpty() && random.nextInt(5) < 2) {
                Map.Entry<String, String[]> t = tps.get(random.nextInt(tps.size()));
                String[] vx = t.getKey().split("\\|", 2);
                boolean write = random.nextBoolean();
                String stored = t.getValue()[write ? 0 : 1];
                Map<String, String> vars = new LinkedHashMap<>(Map.of("username", user, "vhost", vx[0]));
                if (random.nextBoolean()) {
                    vars.put("client_id", CLIENT_IDS[random.nextInt(CLIENT_IDS.length)]);
                }
                out.add(new TopicCheck(user, vx[0], vx[1], write ? "write" : "read", subject(stored, vars), vars, stored));
            } else {
                Map.Entry<String, String[]> p = perms.get(random.nextInt(perms.size()));
                int which = random.nextInt(3);
                String stored = p.getValue()[which];
                out.add(new ResourceCheck(user, p.getKey(), KINDS[random.nextInt(2)], subject(stored, Map.of()),
                        PERMISSIONS[which], stored));
            }
        }
        return out;
    }

    /** Every stored pattern, each once. */
    java.util.Set<String> patterns() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        permissions.values().forEach(m -> m.values().forEach(t -> out.addAll(List.of(t))));
        topics.values().forEach(m -> m.values().forEach(t -> out.addAll(List.of(t))));
        return out;
    }

    /**
     * RabbitMQ definitions (import_definitions / warren serve --definitions), each stored pattern
     * passed through {@code stored} (the broker refuses to import a regex it cannot compile).
     */
    ObjectNode definitions(java.util.function.UnaryOperator<String> stored) {
        ObjectMapper om = new ObjectMapper();
        ObjectNode root = om.createObjectNode();
        ArrayNode us = root.putArray("users");
        ArrayNode vs = root.putArray("vhosts");
        ArrayNode ps = root.putArray("permissions");
        ArrayNode ts = root.putArray("topic_permissions");
        vhosts.forEach(v -> vs.addObject().put("name", v));
        for (String user : users) {
            us.addObject().put("name", user).put("password_hash", HASH)
                    .put("hashing_algorithm", "rabbit_password_hashing_sha256").put("tags", "");
            permissions.get(user).forEach((vhost, t) -> ps.addObject().put("user", user).put("vhost", vhost)
                    .put("configure", stored.apply(t[0])).put("write", stored.apply(t[1]))
                    .put("read", stored.apply(t[2])));
            topics.get(user).forEach((key, t) -> {
                String[] vx = key.split("\\|", 2);
                ts.addObject().put("user", user).put("vhost", vx[0]).put("exchange", vx[1])
                        .put("write", stored.apply(t[0])).put("read", stored.apply(t[1]));
            });
        }
        return root;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
