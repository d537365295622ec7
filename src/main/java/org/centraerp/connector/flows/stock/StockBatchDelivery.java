package org.centraerp.connector.flows.stock;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import org.centraerp.connector.centra.CentraInvalidRequestException;
import org.centraerp.connector.centra.CentraProblem;
import org.centraerp.connector.centra.MutationResult;

/**
 * Sends one batch of lines and gets every good line through although Centra refuses a batch for one bad line
 * ({@code userErrors} mean it changed nothing): the lines its error paths point at ({@code productSizes.3}) are
 * refused and the rest is sent again; errors without a line index split the batch in halves until the bad line
 * stands alone. A call Centra refuses as invalid GraphQL (a value it cannot take; it changed nothing and would refuse
 * the same call again) is split the same way, never retried whole. Pieces go out in the original order.
 */
final class StockBatchDelivery {

    /**
     * One call to Centra with these lines, in this order, as {@code productSizes}.
     * {@code piece} names the part of the batch: "" for the batch (and for what is left of it after refused
     * lines: Centra applied nothing then), "L"/"R" appended per halving; the same data gives the same pieces.
     * Returns null when the piece was applied before and is not sent again.
     */
    @FunctionalInterface
    interface Send {
        MutationResult send(String piece, List<StockLine> lines);
    }

    /** What to do with the outcome of each line. */
    interface Outcomes {
        /**
         * Centra took these lines in one call; {@code result} may carry warnings by index into {@code lines},
         * and is null when they were applied before (see {@link Send}).
         */
        void accepted(List<StockLine> lines, MutationResult result);

        void refused(StockLine line, String reason);
    }

    private static final String LIST_FIELD = "productSizes";

    private StockBatchDelivery() {
    }

    private record Piece(String name, List<StockLine> lines) {
    }

    static void deliver(List<StockLine> batch, Send send, Outcomes outcomes) {
        Deque<Piece> work = new ArrayDeque<>();
        work.push(new Piece("", batch));
        while (!work.isEmpty()) {
            Piece piece = work.pop();
            List<StockLine> lines = piece.lines();
            if (lines.isEmpty()) {
                continue;
            }
            MutationResult result;
            try {
                result = send.send(piece.name(), lines);
            } catch (CentraInvalidRequestException e) {
                if (lines.size() == 1) {
                    outcomes.refused(lines.get(0), "Centra refused this line as invalid: " + e.getMessage());
                } else {
                    split(work, piece);
                }
                continue;
            }
            if (result == null || result.ok()) {
                outcomes.accepted(lines, result);
                continue;
            }
            Map<Integer, String> refused = byIndex(result.userErrors(), lines.size());
            if (!refused.isEmpty()) {
                List<StockLine> rest = new ArrayList<>(lines.size());
                for (int i = 0; i < lines.size(); i++) {
                    if (refused.containsKey(i)) {
                        outcomes.refused(lines.get(i), refused.get(i));
                    } else {
                        rest.add(lines.get(i));
                    }
                }
                work.push(new Piece(piece.name(), rest));
            } else if (lines.size() == 1) {
                outcomes.refused(lines.get(0), messages(result.userErrors()));
            } else {
                split(work, piece);
            }
        }
    }

    /** The piece's halves, left first. */
    private static void split(Deque<Piece> work, Piece piece) {
        List<StockLine> lines = piece.lines();
        int half = lines.size() / 2;
        work.push(new Piece(piece.name() + "R", List.copyOf(lines.subList(half, lines.size()))));
        work.push(new Piece(piece.name() + "L", List.copyOf(lines.subList(0, half))));
    }

    /** Messages of problems that point at a line of the batch, by the line's index in it. */
    static Map<Integer, String> byIndex(List<CentraProblem> problems, int size) {
        Map<Integer, String> found = new HashMap<>();
        for (CentraProblem problem : problems) {
            indexOf(problem).ifPresent(i -> {
                if (i < size) {
                    found.merge(i, problem.message(), (a, b) -> a + "; " + b);
                }
            });
        }
        return found;
    }

    /** The index after {@code productSizes} in a problem's path ({@code [input, productSizes, 3, productSize]}). */
    static OptionalInt indexOf(CentraProblem problem) {
        List<String> path = problem.path();
        for (int i = 0; i < path.size(); i++) {
            String element = path.get(i);
            if (element.equals(LIST_FIELD) && i + 1 < path.size() && isIndex(path.get(i + 1))) {
                return OptionalInt.of(Integer.parseInt(path.get(i + 1)));
            }
            if (element.startsWith(LIST_FIELD + "[") && element.endsWith("]")
                    && isIndex(element.substring(LIST_FIELD.length() + 1, element.length() - 1))) {
                return OptionalInt.of(Integer.parseInt(element.substring(LIST_FIELD.length() + 1, element.length() - 1)));
            }
        }
        return OptionalInt.empty();
    }

    private static boolean isIndex(String text) {
        return !text.isEmpty() && text.length() < 10 && text.chars().allMatch(Character::isDigit);
    }

    private static String messages(List<CentraProblem> problems) {
        return problems.stream().map(CentraProblem::message).distinct().collect(Collectors.joining("; "));
    }
}
