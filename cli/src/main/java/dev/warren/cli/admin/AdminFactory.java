package dev.warren.cli.admin;

import picocli.CommandLine;

/** Creates picocli commands, handing admin commands their {@link AdminContext} (tests pass their own). */
public final class AdminFactory implements CommandLine.IFactory {

    private final AdminContext context;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    public AdminFactory(AdminContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        K made = fallback.create(type);
        if (made instanceof AdminCommand command) {
            command.context = context;
        }
        return made;
    }
}
