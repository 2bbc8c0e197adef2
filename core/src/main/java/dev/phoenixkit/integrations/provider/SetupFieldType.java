package dev.phoenixkit.integrations.provider;

import java.util.Locale;

/** The input kind of a {@link SetupField}, as PhoenixKit's setup form renders it. */
public enum SetupFieldType {
    /** A one-line text input. */
    TEXT,
    /** A masked input; the value is a secret. */
    PASSWORD,
    /** A multi-line text input. */
    TEXTAREA,
    /** A numeric input. */
    NUMBER,
    /** A choice among {@link SetupField#options()}. */
    SELECT;

    /** @return the lowercase name PhoenixKit uses, for example {@code "password"} */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
