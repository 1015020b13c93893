package dev.warren.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Injects the shared {@link E2e} environment (started once, stopped when the test run ends). */
public final class E2eExtension implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == E2e.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        return E2e.get(c);
    }
}
