package org.centraerp.connector.sandbox.graphql;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.Instant;
import java.util.Locale;

/**
 * Centra's date fields take a PHP {@code date()} format, e.g. {@code "Y-m-d\\TH:i:sP"} (its default) or
 * {@code "Y-m-d"}. This renders the common format letters; a backslash makes the next character literal.
 */
public final class PhpDateFormat {

    public static final String DEFAULT = "Y-m-d\\TH:i:sP";
    /** Centra's servers run on Swedish time; its examples show +01:00 and +02:00. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    private PhpDateFormat() {
    }

    public static String format(Instant instant, String format) {
        if (instant == null) {
            return null;
        }
        ZonedDateTime t = instant.atZone(ZONE);
        String pattern = format == null ? DEFAULT : format;
        var out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                out.append(pattern.charAt(++i));
                continue;
            }
            out.append(letter(c, t));
        }
        return out.toString();
    }

    private static String letter(char c, ZonedDateTime t) {
        return switch (c) {
            case 'd' -> two(t.getDayOfMonth());
            case 'j' -> Integer.toString(t.getDayOfMonth());
            case 'D' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case 'l' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case 'N' -> Integer.toString(t.getDayOfWeek().getValue());
            case 'm' -> two(t.getMonthValue());
            case 'n' -> Integer.toString(t.getMonthValue());
            case 'M' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case 'F' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case 'Y' -> Integer.toString(t.getYear());
            case 'y' -> two(t.getYear() % 100);
            case 'H' -> two(t.getHour());
            case 'G' -> Integer.toString(t.getHour());
            case 'i' -> two(t.getMinute());
            case 's' -> two(t.getSecond());
            case 'v' -> String.format(Locale.ROOT, "%03d", t.getNano() / 1_000_000);
            case 'u' -> String.format(Locale.ROOT, "%06d", t.getNano() / 1_000);
            case 'P' -> DateTimeFormatter.ofPattern("xxx").format(t);
            case 'O' -> DateTimeFormatter.ofPattern("xx").format(t);
            case 'T' -> DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(t);
            case 'e' -> t.getZone().getId();
            case 'U' -> Long.toString(t.toEpochSecond());
            case 'c' -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.withNano(0));
            default -> String.valueOf(c);
        };
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
