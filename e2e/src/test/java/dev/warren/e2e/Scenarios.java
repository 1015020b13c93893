package dev.warren.e2e;

import static dev.warren.e2e.Outcome.ACCESS_REFUSED;
import static dev.warren.e2e.Outcome.CHANNEL_403;
import static dev.warren.e2e.Outcome.NOT_ALLOWED;
import static dev.warren.e2e.Outcome.OK;

import dev.warren.e2e.Action.Bind;
import dev.warren.e2e.Action.Connect;
import dev.warren.e2e.Action.Consume;
import dev.warren.e2e.Action.DeclareExchange;
import dev.warren.e2e.Action.DeclareQueue;
import dev.warren.e2e.Action.Get;
import dev.warren.e2e.Action.Publish;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The declarative scenario table, against e2e/definitions.json (examples/definitions.json plus a
 * few users for unanchored regexes, variable expansion and non-ASCII / form-special characters).
 * Each row names the outcome a RabbitMQ operator expects; the test checks that the internal
 * backend (oracle) gives it and that warren gives the same.
 */
final class Scenarios {
    private Scenarios() {}

    record Scenario(String id, String user, String password, String vhost, Action action, Outcome expected) {
        String describe() {
            return id + " " + user + "@" + vhost + " " + action.describe() + " -> " + expected;
        }
    }

    /** Durable objects the scenarios need, per vhost: {"queue", name} or {"exchange", name, type}. */
    static Map<String, List<String[]>> fixtures() {
        Map<String, List<String[]>> m = new LinkedHashMap<>();
        m.put("/", List.of(
                new String[] {"exchange", "app.x", "direct"},
                new String[] {"exchange", "other.x", "direct"},
                new String[] {"exchange", "app.events", "topic"},
                new String[] {"exchange", "myx.ex", "direct"},
                new String[] {"exchange", "topx.ev", "topic"},
                new String[] {"queue", "app.q"},
                new String[] {"queue", "other.q"},
                new String[] {"queue", "legacy-q"},
                new String[] {"queue", "q1"}));
        m.put("iot", List.of(
                new String[] {"queue", "mqtt-subscription-s1"},
                new String[] {"queue", "mqtt-subscription-s2"}));
        m.put("orders", List.of(
                new String[] {"exchange", "ü.ex", "direct"},
                new String[] {"queue", "üq"},
                new String[] {"queue", "tw.q"}));
        return m;
    }

    static final String UNICODE_USER = "ünïcødé";
    static final String UNICODE_PASSWORD = "pässwörd ✓";
    static final String SPECIAL_PASSWORD = "a+b&c=d %e/?#";

    static List<Scenario> all() {
        List<Scenario> s = new ArrayList<>();
        Connect connect = new Connect();
        // ---- login (user path): passwords in the three hash formats, wrong / empty / missing users
        s.add(new Scenario("login-01", "admin", "admin-secret", "/", connect, OK));
        s.add(new Scenario("login-02", "app", "app-secret", "/", connect, OK));
        s.add(new Scenario("login-03", "app", "wrong", "/", connect, ACCESS_REFUSED));
        s.add(new Scenario("login-04", "app", "", "/", connect, ACCESS_REFUSED));
        s.add(new Scenario("login-05", "App", "app-secret", "/", connect, ACCESS_REFUSED));
        s.add(new Scenario("login-06", "app ", "app-secret", "/", connect, ACCESS_REFUSED));
        s.add(new Scenario("login-07", "nobody", "app-secret", "/", connect, ACCESS_REFUSED));
        s.add(new Scenario("login-08", "nopass", "", "/", connect, ACCESS_REFUSED));
        s.add(new Scenario("login-09", "nopass", "anything", "/", connect, ACCESS_REFUSED));
        s.add(new Scenario("login-10", "gateway", "", "iot", connect, ACCESS_REFUSED));
        s.add(new Scenario("login-11", "gateway", "x", "iot", connect, ACCESS_REFUSED));
        s.add(new Scenario("login-12", "monitor", "monitor-secret", "/", connect, OK)); // sha512
        s.add(new Scenario("login-13", "monitor", "monitor-secreT", "/", connect, ACCESS_REFUSED));
        s.add(new Scenario("login-14", "legacy", "legacy-secret", "/", connect, OK)); // md5
        s.add(new Scenario("login-15", "legacy", "legacy-secret ", "/", connect, ACCESS_REFUSED));
        s.add(new Scenario("login-16", "sensor-1", "sensor-secret", "iot", connect, OK)); // no hashing_algorithm
        s.add(new Scenario("login-17", UNICODE_USER, UNICODE_PASSWORD, "orders", connect, OK));
        s.add(new Scenario("login-18", UNICODE_USER, "passwörd ✓", "orders", connect, ACCESS_REFUSED));
        s.add(new Scenario("login-19", "unicode", UNICODE_PASSWORD, "orders", connect, ACCESS_REFUSED));
        s.add(new Scenario("login-20", "special", SPECIAL_PASSWORD, "orders", connect, OK)); // + & = % / ? # in a form
        s.add(new Scenario("login-21", "special", "a b&c=d %e/?#", "orders", connect, ACCESS_REFUSED)); // '+' is not ' '
        s.add(new Scenario("login-22", "two words", "two words pw", "orders", connect, OK));
        s.add(new Scenario("login-23", "guest", "guest", "/", connect, ACCESS_REFUSED));

        // ---- vhost access
        s.add(new Scenario("vhost-01", "app", "app-secret", "orders", connect, OK)); // all-empty permission entry
        s.add(new Scenario("vhost-02", "app", "app-secret", "iot", connect, NOT_ALLOWED));
        s.add(new Scenario("vhost-03", "monitor", "monitor-secret", "iot", connect, NOT_ALLOWED));
        s.add(new Scenario("vhost-04", "sensor-1", "sensor-secret", "/", connect, NOT_ALLOWED));
        s.add(new Scenario("vhost-05", "admin", "admin-secret", "iot", connect, OK));
        s.add(new Scenario("vhost-06", "app", "app-secret", "no-such-vhost", connect, NOT_ALLOWED));
        s.add(new Scenario("vhost-07", "app", "app-secret", "ORDERS", connect, NOT_ALLOWED));
        s.add(new Scenario("vhost-08", "app", "wrong", "orders", connect, ACCESS_REFUSED)); // login first
        s.add(new Scenario("vhost-09", "gateway", "", "iot", connect, ACCESS_REFUSED));

        // ---- configure: queue / exchange declare
        s.add(new Scenario("configure-01", "app", "app-secret", "/", new DeclareQueue("app.tmp"), OK));
        s.add(new Scenario("configure-02", "app", "app-secret", "/", new DeclareQueue("other.tmp"), CHANNEL_403));
        s.add(new Scenario("configure-03", "app", "app-secret", "/", new DeclareQueue("xapp.tmp"), CHANNEL_403));
        s.add(new Scenario("configure-04", "app", "app-secret", "/", new DeclareQueue("app"), CHANNEL_403));
        s.add(new Scenario("configure-05", "app", "app-secret", "orders", new DeclareQueue("anything"), CHANNEL_403)); // '' regex
        s.add(new Scenario("configure-06", "ua", "ua-secret", "/", new DeclareQueue("myq1"), OK)); // unanchored q\d
        s.add(new Scenario("configure-07", "ua", "ua-secret", "/", new DeclareQueue("q"), CHANNEL_403));
        s.add(new Scenario("configure-08", "legacy", "legacy-secret", "/", new DeclareQueue("legacy-tmp"), OK));
        s.add(new Scenario("configure-09", "legacy", "legacy-secret", "/", new DeclareQueue("legacy_tmp"), CHANNEL_403));
        s.add(new Scenario("configure-10", "monitor", "monitor-secret", "/", new DeclareQueue("app.m"), CHANNEL_403));
        s.add(new Scenario("configure-11", "app", "app-secret", "/", new DeclareExchange("app.ex2", "direct"), OK));
        s.add(new Scenario("configure-12", "app", "app-secret", "/", new DeclareExchange("other.ex2", "direct"), CHANNEL_403));
        s.add(new Scenario("configure-13", UNICODE_USER, UNICODE_PASSWORD, "orders", new DeclareQueue("ütmp"), OK));
        s.add(new Scenario("configure-14", UNICODE_USER, UNICODE_PASSWORD, "orders", new DeclareQueue("utmp"), CHANNEL_403));
        s.add(new Scenario("configure-15", "two words", "two words pw", "orders", new DeclareQueue("tw.tmp"), OK));
        s.add(new Scenario("configure-16", "sensor-1", "sensor-secret", "iot", new DeclareQueue("mqtt-subscription-tmp"), OK));

        // ---- write: publish (the default exchange is checked as amq.default)
        s.add(new Scenario("write-01", "app", "app-secret", "/", new Publish("", "anything"), OK));
        s.add(new Scenario("write-02", "app", "app-secret", "/", new Publish("app.x", "k"), OK));
        s.add(new Scenario("write-03", "app", "app-secret", "/", new Publish("other.x", "k"), CHANNEL_403));
        s.add(new Scenario("write-04", "app", "app-secret", "/", new Publish("amq.direct", "k"), CHANNEL_403));
        s.add(new Scenario("write-05", "legacy", "legacy-secret", "/", new Publish("", "legacy-q"), CHANNEL_403));
        s.add(new Scenario("write-06", "monitor", "monitor-secret", "/", new Publish("", "app.q"), CHANNEL_403));
        s.add(new Scenario("write-07", "admin", "admin-secret", "/", new Publish("", "app.q"), OK));
        s.add(new Scenario("write-08", "ua", "ua-secret", "/", new Publish("myx.ex", "k"), OK)); // unanchored x\.
        s.add(new Scenario("write-09", UNICODE_USER, UNICODE_PASSWORD, "orders", new Publish("ü.ex", "k"), OK));
        s.add(new Scenario("write-10", "app", "app-secret", "orders", new Publish("", "k"), CHANNEL_403));
        s.add(new Scenario("write-11", "special", SPECIAL_PASSWORD, "orders", new Publish("", "k"), OK));

        // ---- bind (write on queue, read on exchange) and consume / get (read on queue)
        s.add(new Scenario("bind-01", "app", "app-secret", "/", new Bind("app.q", "app.x", "k"), OK));
        s.add(new Scenario("bind-02", "app", "app-secret", "/", new Bind("app.q", "other.x", "k"), CHANNEL_403));
        s.add(new Scenario("bind-03", "app", "app-secret", "/", new Bind("other.q", "app.x", "k"), CHANNEL_403));
        s.add(new Scenario("bind-04", "ua", "ua-secret", "/", new Bind("q1", "myx.ex", "k"), OK));
        s.add(new Scenario("bind-05", "ua", "ua-secret", "/", new Bind("q1", "amq.direct", "k"), CHANNEL_403));
        s.add(new Scenario("read-01", "app", "app-secret", "/", new Consume("app.q"), OK));
        s.add(new Scenario("read-02", "app", "app-secret", "/", new Consume("other.q"), CHANNEL_403));
        s.add(new Scenario("read-03", "monitor", "monitor-secret", "/", new Consume("other.q"), OK));
        s.add(new Scenario("read-04", "monitor", "monitor-secret", "/", new Get("app.q"), OK));
        s.add(new Scenario("read-05", "legacy", "legacy-secret", "/", new Consume("app.q"), CHANNEL_403));
        s.add(new Scenario("read-06", "legacy", "legacy-secret", "/", new Get("legacy-q"), OK));
        s.add(new Scenario("read-07", "app", "app-secret", "orders", new Consume("tw.q"), CHANNEL_403));
        s.add(new Scenario("read-08", "two words", "two words pw", "orders", new Get("tw.q"), OK));
        s.add(new Scenario("read-09", UNICODE_USER, UNICODE_PASSWORD, "orders", new Consume("üq"), OK));

        // ---- topic permissions (publish = write, bind = read), {username} / {vhost} expansion
        s.add(new Scenario("topic-01", "app", "app-secret", "/", new Publish("app.events", "orders.new"), OK));
        s.add(new Scenario("topic-02", "app", "app-secret", "/", new Publish("app.events", "billing.new"), CHANNEL_403));
        s.add(new Scenario("topic-03", "app", "app-secret", "/", new Publish("app.events", "xorders.new"), CHANNEL_403));
        s.add(new Scenario("topic-04", "app", "app-secret", "/", new Bind("app.q", "app.events", "orders.#"), CHANNEL_403)); // read ''
        s.add(new Scenario("topic-05", "admin", "admin-secret", "/", new Publish("app.events", "billing.new"), OK)); // no topic perms
        s.add(new Scenario("topic-06", "sensor-1", "sensor-secret", "iot", new Publish("amq.topic", "sensors.sensor-1.temp"), OK));
        s.add(new Scenario("topic-07", "sensor-1", "sensor-secret", "iot", new Publish("amq.topic", "sensors.sensor-2.temp"), CHANNEL_403));
        s.add(new Scenario("topic-08", "sensor-1", "sensor-secret", "iot", new Publish("amq.topic", "sensors.sensor-1x.temp"), CHANNEL_403));
        s.add(new Scenario("topic-09", "sensor-2", "sensor2-secret", "iot", new Publish("amq.topic", "sensors.sensor-2.temp"), OK));
        s.add(new Scenario("topic-10", "sensor-2", "sensor2-secret", "iot", new Publish("amq.topic", "sensors.sensor-1.temp"), CHANNEL_403));
        s.add(new Scenario("topic-11", "sensor-1", "sensor-secret", "iot", new Bind("mqtt-subscription-s1", "amq.topic", "commands.sensor-1.#"), OK));
        s.add(new Scenario("topic-12", "sensor-1", "sensor-secret", "iot", new Bind("mqtt-subscription-s1", "amq.topic", "commands.sensor-2.#"), CHANNEL_403));
        s.add(new Scenario("topic-13", "sensor-2", "sensor2-secret", "iot", new Bind("mqtt-subscription-s2", "amq.topic", "sensors.sensor-2.*"), OK));
        s.add(new Scenario("topic-14", "ua", "ua-secret", "/", new Publish("topx.ev", "a./.b"), OK)); // {vhost} = "/"
        s.add(new Scenario("topic-15", "ua", "ua-secret", "/", new Publish("topx.ev", "a.b"), CHANNEL_403));
        s.add(new Scenario("topic-16", "ua", "ua-secret", "/", new Bind("q1", "topx.ev", "xuax"), OK)); // {username} unanchored
        s.add(new Scenario("topic-17", "ua", "ua-secret", "/", new Bind("q1", "topx.ev", "other"), CHANNEL_403));
        // An empty topic regex is '^$' in the internal backend: it still matches an empty routing key.
        s.add(new Scenario("topic-18", "app", "app-secret", "/", new Bind("app.q", "app.events", ""), OK));
        s.add(new Scenario("topic-19", "app", "app-secret", "/", new Publish("app.events", ""), CHANNEL_403));
        // No permission entry on the vhost: warren's topic path denies (no user oracle); the broker
        // never gets that far, it refuses the connection on the vhost check, as the oracle shows.
        s.add(new Scenario("topic-20", "sensor-1", "sensor-secret", "/", new Publish("app.events", "orders.new"), NOT_ALLOWED));
        s.add(new Scenario("topic-21", "app", "app-secret", "iot", new Bind("mqtt-subscription-s1", "amq.topic", "x.#"), NOT_ALLOWED));
        return List.copyOf(s);
    }
}
