package org.centraerp.connector.ops.console;

import java.util.List;

import org.centraerp.connector.ops.console.FlowBoard.FlowRow;
import org.centraerp.connector.state.DeadLetter;
import org.centraerp.connector.state.DeadLetters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the console shows, as JSON for scripts (read only; behind the same login, HTTP Basic accepted). */
@RestController
@RequestMapping("/api")
public class ConsoleApi {

    private final FlowBoard board;
    private final DeadLetters letters;

    public ConsoleApi(FlowBoard board, DeadLetters letters) {
        this.board = board;
        this.letters = letters;
    }

    @GetMapping("/flows")
    public List<FlowRow> flows() {
        return board.rows();
    }

    /** Dead letters newest first, without payloads (they may hold personal data). */
    @GetMapping("/dead-letters")
    public List<DeadLetter> deadLetters(@RequestParam(required = false) String flow,
                                        @RequestParam(required = false, defaultValue = "open") String state) {
        return letters.newest(flow, "all".equals(state) ? null : state, 1000).stream()
                .map(l -> new DeadLetter(l.id(), l.flow(), l.source(), l.businessKey(), l.reason(), null, l.createdAt(),
                        l.replayedAt(), l.discardedAt(), l.discardReason()))
                .toList();
    }
}
