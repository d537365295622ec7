package org.centraerp.connector.mapping;

/** Text from ERP files as quoted in logs, reports and error files: short enough to read, never a whole 5 MB line. */
public final class Quoting {

    /** Longest quote of a value, header or line. */
    public static final int MAX_QUOTE = 200;

    private Quoting() {
    }

    /** The text itself, or its first {@value #MAX_QUOTE} characters and how long it really is. */
    public static String abbreviate(String text) {
        if (text == null || text.length() <= MAX_QUOTE) {
            return text;
        }
        return text.substring(0, MAX_QUOTE) + "… (" + text.length() + " characters in all)";
    }
}
