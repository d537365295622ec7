package org.centraerp.connector.ops.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Times as the console shows them ({@code ${@consoleTime.at(x)}}): UTC, to the second, with how long ago. */
@Component("consoleTime")
public class ConsoleTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    public String at(Instant instant) {
        return instant == null ? "—" : FORMAT.format(instant) + " UTC";
    }

    public String ago(Instant instant) {
        return instant == null ? "never" : duration(Duration.between(instant, Instant.now())) + " ago";
    }

    public String duration(Duration d) {
        if (d == null) {
            return "—";
        }
        long s = Math.max(0, d.toSeconds());
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return s / 60 + " min";
        }
        if (s < 172_800) {
            return s / 3600 + " h";
        }
        return s / 86_400 + " d";
    }
}
