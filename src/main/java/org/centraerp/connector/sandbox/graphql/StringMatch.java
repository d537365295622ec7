package org.centraerp.connector.sandbox.graphql;

import java.util.Locale;

/** Centra's StringMatch filter input: {@code {equals: "..."}} or {@code {contains: "..."}}, case-insensitive. */
public record StringMatch(String equals, String contains) {

    public static boolean matches(StringMatch match, String value) {
        if (match == null) {
            return true;
        }
        if (value == null) {
            return false;
        }
        if (match.equals() != null && !match.equals().equalsIgnoreCase(value)) {
            return false;
        }
        return match.contains() == null
                || value.toLowerCase(Locale.ROOT).contains(match.contains().toLowerCase(Locale.ROOT));
    }
}
