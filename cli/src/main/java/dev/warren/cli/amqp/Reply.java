package dev.warren.cli.amqp;

import dev.warren.protocol.DecisionRecord;

/** What goes back to the plugin for one question, and the decision as it is logged. */
record Reply(String body, DecisionRecord record) {
}
