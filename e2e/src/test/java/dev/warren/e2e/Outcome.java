package dev.warren.e2e;

/** What an AMQP client observes. Only the first four are expected by scenarios. */
enum Outcome {
    /** Connection opened and the action succeeded. */
    OK,
    /** Connection refused at login (AuthenticationFailureException / 403 ACCESS_REFUSED at open). */
    ACCESS_REFUSED,
    /** Connection refused at vhost access (530 NOT_ALLOWED at open). */
    NOT_ALLOWED,
    /** The action closed the channel with 403 ACCESS_REFUSED. */
    CHANNEL_403,
    /** The action closed the channel with 404 NOT_FOUND (a fixture is missing). */
    CHANNEL_404,
    /** Anything else: timeouts, dropped connections, other reply codes. */
    ERROR
}
