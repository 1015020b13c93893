package dev.warren.cli.admin;

import dev.warren.policy.UserPolicy;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code warren set_user_flags USER [--disabled=true|false] [--certificate-login=true|false]}: the two
 * per-user flags RabbitMQ's internal backend does not have, named like {@code set_user_tags}. They are
 * exported as {@code warren_disabled} and {@code warren_certificate_login}.
 */
@Command(name = "set_user_flags", mixinStandardHelpOptions = true,
        description = {"Set a user's disabled and certificate-login flags (a flag not given stays as it is).",
                "A disabled user is refused on every path; a certificate-login user may log in without a password"
                        + " (x.509 / EXTERNAL). Exported as warren_disabled and warren_certificate_login."},
        footer = {"", "Examples:", "  warren set_user_flags app --disabled=true",
                "  warren set_user_flags gateway --certificate-login=true"})
public final class UserFlagsCommand extends AdminCommand {

    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    @Option(names = "--disabled", arity = "1", paramLabel = "true|false", description = "Refuse the user on every path.")
    Boolean disabled;

    @Option(names = "--certificate-login", arity = "1", paramLabel = "true|false",
            description = "Allow a login without a password (x.509 certificate, EXTERNAL).")
    Boolean certificateLogin;

    @Override
    int run(AdminStores stores) {
        if (disabled == null && certificateLogin == null) {
            throw new IllegalArgumentException("give --disabled=true|false and/or --certificate-login=true|false");
        }
        out().println("Setting flags of user \"" + username + "\" ...");
        UserPolicy before = stores.admin().setUserFlags(username, Optional.ofNullable(disabled),
                Optional.ofNullable(certificateLogin));
        out().println("disabled: " + before.disabled() + " -> " + (disabled == null ? before.disabled() : disabled)
                + ", certificate login: " + before.certificateLogin() + " -> "
                + (certificateLogin == null ? before.certificateLogin() : certificateLogin));
        return OK;
    }
}
