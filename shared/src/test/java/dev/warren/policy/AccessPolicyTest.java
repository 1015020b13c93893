package dev.warren.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.policy.AuthRequest.ResourceRequest;
import dev.warren.policy.AuthRequest.TopicRequest;
import dev.warren.policy.AuthRequest.VhostRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private final AccessPolicy policy = new AccessPolicy(new PermissionRegex());

    private static UserPolicy user(String name, Map<String, PermissionTriple> perms, List<TopicPermission> topics) {
        Map<UserPolicy.TopicKey, TopicPermission> byKey = new java.util.HashMap<>();
        topics.forEach(t -> byKey.put(new UserPolicy.TopicKey(t.vhost(), t.exchange()), t));
        return new UserPolicy(name, List.of(), false, false, perms, byKey, Optional.empty());
    }

    private final UserPolicy app = user("app", Map.of(
                    "/", new PermissionTriple("^app\\.", "^(app\\.|amq\\.default$)", "^app\\."),
                    "orders", new PermissionTriple("", "", ""),
                    "wide", new PermissionTriple("foo", ".*", "[")),
            List.of(new TopicPermission("/", "events", "^orders\\.{username}\\.", ""),
                    new TopicPermission("/", "vh", "^{vhost}\\.{client_id}$", "^{vhost}\\."),
                    new TopicPermission("/", "loose", "{username}\\.", "")));

    private ResourceRequest resource(String vhost, ResourceKind kind, String name, Permission p) {
        return new ResourceRequest("app", vhost, kind, name, p);
    }

    private TopicRequest topic(String exchange, Permission p, String key, Map<String, String> vars) {
        return new TopicRequest("app", "/", exchange, p, key, vars);
    }

    @Test
    void vhostNeedsAnEntryEvenAnAllEmptyOne() {
        assertThat(policy.checkVhost(app, new VhostRequest("app", "/")).allowed()).isTrue();
        assertThat(policy.checkVhost(app, new VhostRequest("app", "orders")).allowed()).isTrue();
        Decision d = policy.checkVhost(app, new VhostRequest("app", "other"));
        assertThat(d.allowed()).isFalse();
        assertThat(d.reason()).isEqualTo("no permissions on vhost 'other' for user 'app'");
    }

    @Test
    void vhostNamesAreExact() {
        assertThat(policy.checkVhost(app, new VhostRequest("app", "Orders")).allowed()).isFalse();
        assertThat(policy.checkVhost(app, new VhostRequest("app", "orders ")).allowed()).isFalse();
        assertThat(policy.checkVhost(app, new VhostRequest("app", "")).allowed()).isFalse();
    }

    @Test
    void resourceUsesTheRegexOfTheRequestedPermission() {
        assertThat(policy.checkResource(app, resource("/", ResourceKind.QUEUE, "app.q", Permission.CONFIGURE))
                .allowed()).isTrue();
        assertThat(policy.checkResource(app, resource("/", ResourceKind.QUEUE, "other", Permission.CONFIGURE))
                .allowed()).isFalse();
        assertThat(policy.checkResource(app, resource("/", ResourceKind.EXCHANGE, "amq.default", Permission.WRITE))
                .allowed()).isTrue();
        assertThat(policy.checkResource(app, resource("/", ResourceKind.EXCHANGE, "amq.default", Permission.READ))
                .allowed()).isFalse();
        assertThat(policy.checkResource(app, resource("/", ResourceKind.EXCHANGE, "", Permission.WRITE))
                .allowed()).as("the default exchange arrives as amq.default, never as ''").isFalse();
    }

    @Test
    void resourceMatchIsUnanchored() {
        assertThat(policy.checkResource(app, resource("wide", ResourceKind.QUEUE, "xfooy", Permission.CONFIGURE))
                .allowed()).isTrue();
        assertThat(policy.checkResource(app, resource("/", ResourceKind.QUEUE, "x.app.q", Permission.CONFIGURE))
                .allowed()).as("^ in the pattern anchors").isFalse();
    }

    @Test
    void emptyRegexDeniesEveryRealName() {
        for (Permission p : Permission.values()) {
            assertThat(policy.checkResource(app, resource("orders", ResourceKind.QUEUE, "q", p)).allowed()).isFalse();
            assertThat(policy.checkResource(app, resource("orders", ResourceKind.EXCHANGE, "amq.default", p))
                    .allowed()).isFalse();
        }
    }

    @Test
    void denyReasonNamesRegexAndName() {
        Decision d = policy.checkResource(app, resource("/", ResourceKind.QUEUE, "orders", Permission.CONFIGURE));
        assertThat(d.reason()).startsWith("configure regex '^app\\.' does not match 'orders'");
    }

    @Test
    void invalidRegexDenies() {
        Decision d = policy.checkResource(app, resource("wide", ResourceKind.QUEUE, "[", Permission.READ));
        assertThat(d.allowed()).isFalse();
        assertThat(d.reason()).contains("does not compile");
    }

    @Test
    void resourceWithoutVhostEntryDenies() {
        assertThat(policy.checkResource(app, resource("none", ResourceKind.QUEUE, "app.q", Permission.CONFIGURE))
                .reason()).isEqualTo("no permissions on vhost 'none' for user 'app'");
    }

    @Test
    void resourceNamesAreNotExpanded() {
        UserPolicy u = user("bob", Map.of("/", new PermissionTriple("^{username}$", ".*", ".*")), List.of());
        assertThat(policy.checkResource(u, new ResourceRequest("bob", "/", ResourceKind.QUEUE, "bob",
                Permission.CONFIGURE)).allowed()).isFalse();
    }

    @Test
    void topicWithoutPermissionForExchangeIsAllowed() {
        assertThat(policy.checkTopic(app, topic("amq.topic", Permission.WRITE, "anything", Map.of())).allowed())
                .isTrue();
    }

    @Test
    void topicExpandsUsername() {
        Map<String, String> vars = Map.of("username", "app", "vhost", "/");
        assertThat(policy.checkTopic(app, topic("events", Permission.WRITE, "orders.app.created", vars)).allowed())
                .isTrue();
        Decision other = policy.checkTopic(app, topic("events", Permission.WRITE, "orders.bob.created", vars));
        assertThat(other.allowed()).isFalse();
        assertThat(other.reason()).contains("'^orders\\.app\\.'").contains("expanded from '^orders\\.{username}\\.'");
    }

    @Test
    void topicMatchIsUnanchored() {
        Map<String, String> vars = Map.of("username", "app", "vhost", "/");
        assertThat(policy.checkTopic(app, topic("loose", Permission.WRITE, "x.app.y", vars)).allowed()).isTrue();
        assertThat(policy.checkTopic(app, topic("loose", Permission.WRITE, "x.bob.y", vars)).allowed()).isFalse();
        assertThat(policy.checkTopic(app, topic("vh", Permission.READ, "x/.y", vars)).allowed()).isFalse();
        assertThat(policy.checkTopic(app, topic("vh", Permission.READ, "/.y", vars)).allowed()).isTrue();
    }

    @Test
    void topicExpandsVhostAndClientId() {
        Map<String, String> vars = Map.of("username", "app", "vhost", "/", "client_id", "c1");
        assertThat(policy.checkTopic(app, topic("vh", Permission.WRITE, "/.c1", vars)).allowed()).isTrue();
        assertThat(policy.checkTopic(app, topic("vh", Permission.WRITE, "/.c2", vars)).allowed()).isFalse();
    }

    @Test
    void topicEmptyRegexIsCaretDollar() {
        assertThat(policy.checkTopic(app, topic("events", Permission.READ, "orders.app.x",
                Map.of("username", "app"))).allowed()).isFalse();
        assertThat(policy.checkTopic(app, topic("events", Permission.READ, "x", Map.of())).allowed()).isFalse();
        // as in the broker: '' becomes '^$', so only the empty routing key passes
        assertThat(policy.checkTopic(app, topic("events", Permission.READ, "", Map.of())).allowed()).isTrue();
    }

    @Test
    void topicOnAVhostWithoutAPermissionEntryIsDeniedEvenWithoutTopicPermissions() {
        Decision d = policy.checkTopic(app, new TopicRequest("app", "elsewhere", "amq.topic", Permission.WRITE, "k",
                Map.of()));
        assertThat(d.cause()).isEqualTo(Cause.NO_VHOST_PERMISSIONS);
        assertThat(d.reason()).isEqualTo("no permissions on vhost 'elsewhere' for user 'app'");
    }

    @Test
    void topicPermissionIsPerVhost() {
        TopicRequest otherVhost = new TopicRequest("app", "orders", "events", Permission.WRITE, "nope", Map.of());
        assertThat(policy.checkTopic(app, otherVhost).allowed()).isTrue();
    }

    @Test
    void unexpandedPlaceholderIsLiteralTextAsInPcre() {
        // No variable_map.username: the broker leaves '{username}' in place and PCRE reads it as text.
        assertThat(policy.checkTopic(app, topic("events", Permission.WRITE, "orders.{username}.x", Map.of()))
                .allowed()).isTrue();
        assertThat(policy.checkTopic(app, topic("events", Permission.WRITE, "orders.app.x", Map.of()))
                .allowed()).isFalse();
    }

    @Test
    void clientIdAbsentOnAmqpLeavesTheOtherAlternativeUsable() {
        UserPolicy u = user("app", Map.of("/", new PermissionTriple(".*", ".*", ".*")),
                List.of(new TopicPermission("/", "t", "^{username}\\.|^{client_id}\\.", "")));
        Map<String, String> amqp = Map.of("username", "app", "vhost", "/");
        assertThat(policy.checkTopic(u, new TopicRequest("app", "/", "t", Permission.WRITE, "app.x", amqp))
                .allowed()).isTrue();
        assertThat(policy.checkTopic(u, new TopicRequest("app", "/", "t", Permission.WRITE, "bob.x", amqp))
                .allowed()).isFalse();
    }

    @Test
    void aClientIdThatIsAPlaceholderIsExpandedAgainInTheBrokersOrder() {
        // issue #16: client_id is replaced first, then username, in the result of the previous step
        UserPolicy u = user("ivan", Map.of("/", new PermissionTriple(".*", ".*", ".*")),
                List.of(new TopicPermission("/", "t", "^devices/{client_id}/", "")));
        Map<String, String> mqtt = Map.of("username", "ivan", "vhost", "/", "client_id", "{username}");
        assertThat(policy.checkTopic(u, new TopicRequest("ivan", "/", "t", Permission.WRITE, "devices/ivan/x", mqtt))
                .allowed()).isTrue();
        assertThat(policy.checkTopic(u, new TopicRequest("ivan", "/", "t", Permission.WRITE, "devices/{username}/x",
                mqtt)).allowed()).isFalse();
    }

    @Test
    void aPatternThatExpandsToNothingMatchesEverything() {
        // '' becomes '^$' before expansion only; '{client_id}' with an empty client id is '' and matches all
        UserPolicy u = user("m", Map.of("/", new PermissionTriple(".*", ".*", ".*")),
                List.of(new TopicPermission("/", "t", "{client_id}", "")));
        Map<String, String> mqtt = Map.of("username", "m", "vhost", "/", "client_id", "");
        assertThat(policy.checkTopic(u, new TopicRequest("m", "/", "t", Permission.WRITE, "any.key", mqtt))
                .allowed()).isTrue();
        assertThat(policy.checkTopic(u, new TopicRequest("m", "/", "t", Permission.READ, "any.key", mqtt))
                .allowed()).as("stored '' is ^$").isFalse();
    }
}
