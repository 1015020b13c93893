package dev.warren.testing;

import dev.warren.definitions.Definitions;
import dev.warren.definitions.DefinitionsReader;
import dev.warren.password.PasswordHasher;
import dev.warren.service.AuthService;
import dev.warren.service.AuthServices;
import dev.warren.store.InMemoryStore;

/** A small definitions file, in RabbitMQ's export format, shared by the tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * Users: app/app-secret (sha256, no tags), admin/test12 (sha256 vector, tags administrator and
     * monitoring), "josé"/"pässwörd ✓", nopass (empty hash), gateway (certificate login), off (disabled).
     */
    public static final String DEFINITIONS = """
            {
              "rabbit_version": "3.10.8",
              "users": [
                {"name": "app", "password_hash": "Xm96iykYroUBHWbS2bkUHDyY8ANqCPuhJBcM18IvHgNppqCg",
                 "hashing_algorithm": "rabbit_password_hashing_sha256", "tags": [], "limits": {}},
                {"name": "admin", "password_hash": "kI3GCqW5JLMJa4iX1lo7X4D6XbYqlLgxIs30+P6tENUV2POR",
                 "tags": "administrator,monitoring"},
                {"name": "josé", "password_hash": "AQIDBFMzTOSi9NasAbmuRjokUDCz/YFO7kQiUV8nBVInUYQI",
                 "hashing_algorithm": "rabbit_password_hashing_sha256", "tags": ["mqtt"]},
                {"name": "nopass", "password_hash": "", "tags": []},
                {"name": "gateway", "password_hash": "", "tags": ["device"], "warren_certificate_login": true},
                {"name": "off", "password_hash": "kI3GCqW5JLMJa4iX1lo7X4D6XbYqlLgxIs30+P6tENUV2POR",
                 "tags": [], "warren_disabled": true}
              ],
              "vhosts": [{"name": "/"}, {"name": "orders"}, {"name": "ünï code"}],
              "permissions": [
                {"user": "app", "vhost": "/", "configure": "^app\\\\.", "write": "^(app\\\\.|amq\\\\.default$)", "read": "^app\\\\."},
                {"user": "app", "vhost": "orders", "configure": "", "write": "", "read": ""},
                {"user": "admin", "vhost": "/", "configure": ".*", "write": ".*", "read": ".*"},
                {"user": "josé", "vhost": "ünï code", "configure": "^(.*a){12}$", "write": "é", "read": "["},
                {"user": "nopass", "vhost": "/", "configure": ".*", "write": ".*", "read": ".*"},
                {"user": "gateway", "vhost": "/", "configure": ".*", "write": ".*", "read": ".*"},
                {"user": "off", "vhost": "/", "configure": ".*", "write": ".*", "read": ".*"}
              ],
              "topic_permissions": [
                {"user": "app", "vhost": "/", "exchange": "amq.topic", "write": "^{username}\\\\.{vhost}\\\\.", "read": ""}
              ],
              "queues": [], "exchanges": [], "bindings": [], "policies": []
            }
            """;

    public static Definitions definitions() {
        try {
            return DefinitionsReader.parse(DEFINITIONS);
        } catch (dev.warren.definitions.DefinitionsException e) {
            throw new AssertionError(e);
        }
    }

    public static AuthService service() {
        InMemoryStore store = new InMemoryStore(definitions());
        return AuthServices.over(store, store, new PasswordHasher(1_000));
    }
}
