package dev.warren.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warren.policy.AuthPath;
import dev.warren.policy.AuthRequest.ResourceRequest;
import dev.warren.policy.AuthRequest.TopicRequest;
import dev.warren.policy.AuthRequest.UserRequest;
import dev.warren.policy.AuthRequest.VhostRequest;
import dev.warren.policy.Permission;
import dev.warren.policy.ResourceKind;
import dev.warren.protocol.RequestParser.ParseResult;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestParserTest {

    private static ParseResult parse(AuthPath path, String form) throws Exception {
        return RequestParser.parse(path, FormDecoder.decode(form.getBytes(StandardCharsets.UTF_8)));
    }

    private static Object parsed(AuthPath path, String form) throws Exception {
        ParseResult result = parse(path, form);
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).request();
    }

    private static String rejected(AuthPath path, String form) throws Exception {
        ParseResult result = parse(path, form);
        assertThat(result).isInstanceOf(ParseResult.Rejected.class);
        return ((ParseResult.Rejected) result).reason();
    }

    @Test
    void user() throws Exception {
        assertThat(parsed(AuthPath.USER, "username=a+b&password=p%26q&vhost=v&client_id=c"))
                .isEqualTo(new UserRequest("a b", Optional.of("p&q")));
        assertThat(parsed(AuthPath.USER, "username=a")).isEqualTo(new UserRequest("a", Optional.empty()));
        assertThat(parsed(AuthPath.USER, "username=a&password=")).isEqualTo(new UserRequest("a", Optional.of("")));
    }

    @Test
    void userRequestNeverPrintsThePassword() throws Exception {
        assertThat(parsed(AuthPath.USER, "username=a&password=hunter2").toString()).doesNotContain("hunter2");
    }

    @Test
    void vhostIgnoresIpAndTags() throws Exception {
        assertThat(parsed(AuthPath.VHOST, "username=u&vhost=%2F&ip=1.2.3.4&tags=a"))
                .isEqualTo(new VhostRequest("u", "/"));
    }

    @Test
    void resource() throws Exception {
        assertThat(parsed(AuthPath.RESOURCE,
                "username=u&vhost=v&resource=exchange&name=amq.default&permission=write&tags="))
                .isEqualTo(new ResourceRequest("u", "v", ResourceKind.EXCHANGE, "amq.default", Permission.WRITE));
    }

    @Test
    void topicCarriesVariables() throws Exception {
        TopicRequest t = (TopicRequest) parsed(AuthPath.TOPIC, "username=u&vhost=v&resource=topic&name=amq.topic"
                + "&permission=read&routing_key=a.b&variable_map.username=u&variable_map.vhost=v"
                + "&variable_map.client_id=c1");
        assertThat(t.variables()).isEqualTo(Map.of("username", "u", "vhost", "v", "client_id", "c1"));
        assertThat(t.routingKey()).isEqualTo("a.b");
        assertThat(t.exchange()).isEqualTo("amq.topic");
    }

    @Test
    void emptyRoutingKeyIsAValue() throws Exception {
        TopicRequest t = (TopicRequest) parsed(AuthPath.TOPIC,
                "username=u&vhost=v&resource=topic&name=x&permission=write&routing_key=");
        assertThat(t.routingKey()).isEmpty();
    }

    @Test
    void rejections() throws Exception {
        assertThat(rejected(AuthPath.USER, "password=p")).isEqualTo("missing parameter 'username'");
        assertThat(rejected(AuthPath.USER, "Username=a&password=p")).isEqualTo("missing parameter 'username'");
        assertThat(rejected(AuthPath.USER, "username=a&username=b&password=p")).contains("given 2 times");
        assertThat(rejected(AuthPath.USER, "username=a&password=p&password=q")).contains("given 2 times");
        assertThat(rejected(AuthPath.VHOST, "username=a")).isEqualTo("missing parameter 'vhost'");
        assertThat(rejected(AuthPath.RESOURCE, "username=u&vhost=v&resource=Queue&name=n&permission=read"))
                .isEqualTo("unknown resource 'Queue'");
        assertThat(rejected(AuthPath.RESOURCE, "username=u&vhost=v&resource=queue&name=n&permission=all"))
                .isEqualTo("unknown permission 'all'");
        assertThat(rejected(AuthPath.RESOURCE, "username=u&vhost=v&resource=queue&permission=read"))
                .isEqualTo("missing parameter 'name'");
        assertThat(rejected(AuthPath.TOPIC, "username=u&vhost=v&resource=exchange&name=x&permission=write"
                + "&routing_key=k")).contains("resource must be 'topic'");
        assertThat(rejected(AuthPath.TOPIC, "username=u&vhost=v&resource=topic&name=x&permission=configure"
                + "&routing_key=k")).contains("configure");
        assertThat(rejected(AuthPath.TOPIC, "username=u&vhost=v&resource=topic&name=x&permission=write"))
                .isEqualTo("missing parameter 'routing_key'");
        assertThat(rejected(AuthPath.TOPIC, "username=u&vhost=v&resource=topic&name=x&permission=write"
                + "&routing_key=k&variable_map.username=u&variable_map.username=w")).contains("given 2 times");
    }

    @Test
    void duplicatesOfUnusedParametersAreHarmless() throws Exception {
        assertThat(parsed(AuthPath.VHOST, "username=u&vhost=v&tags=a&tags=b")).isEqualTo(new VhostRequest("u", "v"));
    }
}
