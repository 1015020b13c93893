package dev.warren.cli.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates requests to the HTTP edge over the sample definitions: mostly well-formed broker
 * questions (GET and POST, all four paths, right and wrong values), mixed with the cases the
 * rules single out (unknown paths and methods, repeated or wrong Content-Type, repeated or
 * missing parameters, bad percent-encoding, ambiguous framing, control characters, oversized
 * heads and bodies), each labelled with the status the rules demand.
 */
final class FuzzGenerator {

    private static final String[] PATHS = {"/auth/user", "/auth/vhost", "/auth/resource", "/auth/topic"};
    private static final String[] BAD_PATHS = {"/auth/userx", "/auth/user/", "/AUTH/user", "//auth/user", "/auth/%75ser",
        "/auth", "/", "/auth//vhost", "/auth/topic;x", "/auth/vhost.json"};
    private static final String[] BAD_METHODS = {"PUT", "DELETE", "PATCH", "OPTIONS", "get", "Post", "TRACE"};
    private static final String[][] USERS = {{"admin", "admin-secret"}, {"app", "app-secret"},
        {"monitor", "monitor-secret"}, {"legacy", "legacy-secret"}, {"nopass", "x"}, {"gateway", "x"}, {"ghost", "x"}};
    private static final String[] VHOSTS = {"/", "orders", "iot", "nowhere", ""};
    private static final String[] NAMES = {"app.q", "amq.default", "orders", "x", "", "app.\u00e9"};
    private static final String[] FORMS = {"application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded; charset=UTF-8", "Application/X-WWW-Form-Urlencoded"};

    private final Random r;

    FuzzGenerator(Random r) {
        this.r = r;
    }

    FuzzRequest next() {
        String version = r.nextInt(10) == 0 ? "HTTP/1.0" : "HTTP/1.1";
        boolean goodPath = r.nextInt(100) < 88;
        String path = goodPath ? pick(PATHS) : pick(BAD_PATHS);
        boolean goodMethod = r.nextInt(100) < 90;
        String method = goodMethod ? (r.nextBoolean() ? "GET" : "POST") : pick(BAD_METHODS);
        List<String> notes = new ArrayList<>(List.of(method, path, version));
        boolean mustDeny = false;

        List<String[]> params = params(path);
        int mutation = r.nextInt(100);
        if (mutation < 5) {
            params.add(new String[] {"username", "app"});
            mustDeny = true;
            notes.add("repeated username");
        } else if (mutation < 9) {
            params.removeIf(p -> p[0].equals("username"));
            mustDeny = true;
            notes.add("no username");
        } else if (mutation < 13) {
            params.getFirst()[1] = r.nextBoolean() ? "a%zz" : "%C3%28";
            mustDeny = true;
            notes.add("bad encoding");
        } else if (mutation < 20) {
            params.get(r.nextInt(params.size()))[1] = randomEncodedBytes();
            notes.add("random value");
        }
        byte[] form = encode(params);

        List<String[]> headers = new ArrayList<>();
        if (version.equals("HTTP/1.1")) {
            headers.add(new String[] {"Host", "warren.test"});
        }
        if (r.nextInt(4) == 0) {
            headers.add(new String[] {"User-Agent", "fuzz/" + r.nextInt(1000)});
        }
        String target = path;
        byte[] body = new byte[0];
        if (method.equals("POST") || !goodMethod) {
            body = form;
            int type = r.nextInt(100);
            if (type < 70) {
                headers.add(new String[] {"Content-Type", pick(FORMS)});
            } else if (type < 80) {
                headers.add(new String[] {"Content-Type", "text/plain"});
                mustDeny = true;
            } else if (type < 88) {
                mustDeny = true;
                notes.add("no Content-Type");
            } else {
                headers.add(new String[] {"Content-Type", pick(FORMS)});
                headers.add(new String[] {"Content-Type", r.nextBoolean() ? "text/plain" : pick(FORMS)});
                mustDeny = true;
                notes.add("repeated Content-Type");
            }
            if (r.nextInt(8) == 0) {
                target += "?username=admin&password=admin-secret"; // POST reads only the body
            }
        } else {
            target += "?" + new String(form, StandardCharsets.ISO_8859_1);
        }
        int expected = !goodPath ? 404 : !goodMethod ? 405 : 200;
        boolean chunked = body.length > 0 && version.equals("HTTP/1.1") && r.nextInt(4) == 0;
        if (expected == 200 && method.equals("POST") && r.nextInt(50) == 0) {
            body = oversized(body);
            expected = 413;
            notes.add("oversized body");
        }
        if (chunked) {
            headers.add(new String[] {"Transfer-Encoding", "chunked"});
        } else if (body.length > 0) {
            headers.add(new String[] {"Content-Length", Integer.toString(body.length)});
        }
        int trouble = r.nextInt(100);
        if (trouble < 8) {
            notes.add(malformed(headers, version, chunked));
            expected = 400;
        } else if (trouble < 11) {
            notes.add(tooLarge(headers));
            expected = 431;
        }
        return new FuzzRequest(method, target, version, headers, body, chunked, expected,
                mustDeny && expected == 200, String.join(" | ", notes));
    }

    private List<String[]> params(String path) {
        String[] user = pick(USERS);
        List<String[]> params = new ArrayList<>();
        params.add(new String[] {"username", user[0]});
        switch (path) {
            case "/auth/user" -> {
                int p = r.nextInt(10);
                if (p < 6) {
                    params.add(new String[] {"password", user[1]});
                } else if (p < 9) {
                    params.add(new String[] {"password", "wrong-" + r.nextInt(100)});
                }
            }
            case "/auth/vhost" -> {
                params.add(new String[] {"vhost", pick(VHOSTS)});
                params.add(new String[] {"ip", "127.0.0.1"});
            }
            case "/auth/resource", "/auth/topic" -> {
                boolean topic = path.equals("/auth/topic");
                params.add(new String[] {"vhost", pick(VHOSTS)});
                params.add(new String[] {"resource", topic ? "topic" : pick(new String[] {"exchange", "queue", "topic", "x"})});
                params.add(new String[] {"name", pick(NAMES)});
                params.add(new String[] {"permission", pick(new String[] {"configure", "write", "read", "all"})});
                if (topic) {
                    params.add(new String[] {"routing_key", pick(NAMES)});
                    params.add(new String[] {"variable_map.username", user[0]});
                    params.add(new String[] {"variable_map.vhost", pick(VHOSTS)});
                }
            }
            default -> params.add(new String[] {"vhost", pick(VHOSTS)});
        }
        if (r.nextInt(5) == 0) {
            params.add(new String[] {"tags", "administrator"});
        }
        return params;
    }

    /** One way to frame a request ambiguously, added to its headers; its description. */
    private String malformed(List<String[]> headers, String version, boolean chunked) {
        return switch (r.nextInt(9)) {
            case 0 -> add(headers, "Transfer-Encoding", pick(new String[] {"gzip, chunked", "xchunked", "chunked, identity"}));
            case 1 -> add(headers, "Transfer-Encoding", chunked ? "chunked" : "identity");
            case 2 -> add(headers, "X-Note", "a\rb");
            case 3 -> add(headers, "X\u0000Note", "a");
            case 4 -> add(headers, "X-Note", "a" + (char) (1 + r.nextInt(31)) + "b");
            case 5 -> add(headers, "X-Note ", "space before the colon");
            case 6 -> version.equals("HTTP/1.1") ? remove(headers, "Host") : add(headers, "Transfer-Encoding", "chunked");
            case 7 -> add(headers, "Host", "second.host") + ", " + add(headers, "Host", "third.host");
            default -> add(headers, "X-Note", "a\u007fb");
        };
    }

    private String tooLarge(List<String[]> headers) {
        switch (r.nextInt(3)) {
            case 0 -> {
                for (int i = 0; i < HttpLimits.DEFAULTS.maxHeaderCount() + 1; i++) {
                    headers.add(new String[] {"X-" + i, "v"});
                }
                return "too many headers";
            }
            case 1 -> {
                return add(headers, "X-Long", "l".repeat(HttpLimits.DEFAULTS.maxHeaderLineBytes()));
            }
            default -> {
                for (int i = 0; i < HttpLimits.DEFAULTS.maxHeadBytes() / 2_000 + 1; i++) {
                    headers.add(new String[] {"X-" + i, "k".repeat(2_000)});
                }
                return "head too large";
            }
        }
    }

    private static String add(List<String[]> headers, String name, String value) {
        headers.add(headers.isEmpty() ? 0 : headers.size() - 1, new String[] {name, value});
        return "header " + name.replace("\u0000", "<NUL>") + ": " + value.replace("\r", "<CR>");
    }

    private static String remove(List<String[]> headers, String name) {
        headers.removeIf(h -> h[0].equals(name));
        return "no " + name;
    }

    private byte[] oversized(byte[] form) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(form);
        body.writeBytes("&pad=".getBytes(StandardCharsets.US_ASCII));
        body.writeBytes("p".repeat(128 * 1024 + 1 - form.length + r.nextInt(2_000)).getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    private String randomEncodedBytes() {
        StringBuilder s = new StringBuilder();
        for (int i = r.nextInt(40); i > 0; i--) {
            s.append('%').append(String.format("%02X", r.nextInt(256)));
        }
        return s.toString();
    }

    /** Values percent-encoded as the broker does (UTF-8, reserved bytes escaped), one in ten with {@code +} for spaces. */
    private byte[] encode(List<String[]> params) {
        StringBuilder s = new StringBuilder();
        for (String[] p : params) {
            if (!s.isEmpty()) {
                s.append('&');
            }
            s.append(p[0]).append('=').append(p[1].startsWith("%") || p[1].contains("%zz") ? p[1] : escape(p[1]));
        }
        return s.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private String escape(String value) {
        StringBuilder s = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                s.append((char) c);
            } else if (c == ' ' && r.nextInt(10) == 0) {
                s.append('+');
            } else {
                s.append('%').append(String.format("%02X", c));
            }
        }
        return s.toString();
    }

    private <T> T pick(T[] values) {
        return values[r.nextInt(values.length)];
    }
}
