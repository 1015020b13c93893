package dev.warren.cli;

/** The one-line cause a command prints after {@code warren VERB: }: the exception's message, else its type. */
public final class ErrorLine {

    private ErrorLine() {
    }

    public static String of(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
