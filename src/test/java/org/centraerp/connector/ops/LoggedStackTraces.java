package org.centraerp.connector.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The stack traces in captured output, each with the log line it belongs to, so that a test can check those of
 * its own flow: the JVM's output also holds what other (cached) Spring test contexts log meanwhile.
 */
public final class LoggedStackTraces {

    private static final Pattern LOG_LINE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*");

    private LoggedStackTraces() {
    }

    /**
     * @param output   captured output
     * @param belongs  whether a stack trace (its log line, exception line, frames and causes) is the test's concern
     * @return the stack traces that belong, each as its lines joined
     */
    public static List<String> of(String output, Predicate<String> belongs) {
        List<String> traces = new ArrayList<>();
        List<String> lines = output.lines().toList();
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (LOG_LINE.matcher(line).matches()) {
                header = i;
            }
            if (!line.startsWith("\tat ") || (i > 0 && isStackLine(lines.get(i - 1)))) {
                continue;
            }
            int start = header >= 0 && header < i ? header : Math.max(0, i - 1);
            int end = i;
            while (end + 1 < lines.size() && isStackLine(lines.get(end + 1))) {
                end++;
            }
            String trace = String.join("\n", lines.subList(start, end + 1));
            if (belongs.test(trace)) {
                traces.add(trace);
            }
            i = end;
        }
        return traces;
    }

    /** Every stack trace in the output. */
    public static List<String> of(String output) {
        return of(output, trace -> true);
    }

    private static boolean isStackLine(String line) {
        return line.startsWith("\tat ") || line.startsWith("\t... ") || line.startsWith("Caused by: ")
                || line.startsWith("\tSuppressed: ") || line.startsWith("\t\tat ") || line.startsWith("\t\t... ");
    }
}
