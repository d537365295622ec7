package org.centraerp.connector.ops.console;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.centraerp.connector.state.DeadLetter;
import org.centraerp.connector.state.DeadLetters;
import org.centraerp.connector.state.OperatorActions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Replays and discards of dead letters, each recorded with who did it and when. */
@Component
public class DeadLetterDesk {

    /** What one action came to, in words for the operator. */
    public record Outcome(boolean done, String message) {
    }

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDesk.class);
    private static final int REPLAY_ALL_MAX = 10_000;

    private final DeadLetters letters;
    private final OperatorActions actions;
    private final Map<String, DeadLetterReplay> replays;

    public DeadLetterDesk(DeadLetters letters, OperatorActions actions, List<DeadLetterReplay> replays) {
        this.letters = letters;
        this.actions = actions;
        this.replays = replays.stream().collect(Collectors.toMap(DeadLetterReplay::flow, Function.identity()));
    }

    public static String target(long id) {
        return "dead-letter " + id;
    }

    public boolean canReplay(String flow) {
        return replays.containsKey(flow);
    }

    public Outcome replay(long id, String actor) {
        Optional<DeadLetter> found = letters.find(id);
        if (found.isEmpty()) {
            return new Outcome(false, "There is no dead letter " + id);
        }
        DeadLetter letter = found.get();
        DeadLetterReplay replay = replays.get(letter.flow());
        if (replay == null) {
            return new Outcome(false, "Flow " + letter.flow() + " has no replay: fix the record at its source, then"
                    + " discard dead letter " + id);
        }
        // Marked first: two operators pressing replay at once hand the record back once.
        if (!letters.markReplayed(id)) {
            return new Outcome(false, "Dead letter " + id + " was " + letter.state() + " already");
        }
        String what = replay.replay(letter);
        actions.record(actor, "replay", target(id), what);
        log.info("Dead letter {} ({}) replayed from the console: {}", id, letter.flow(), what);
        return new Outcome(true, "Dead letter " + id + " replayed: " + what);
    }

    public Outcome replayAll(String flow, String actor) {
        if (!replays.containsKey(flow)) {
            return new Outcome(false, "Flow " + flow + " has no replay");
        }
        int done = 0;
        for (DeadLetter letter : letters.listOpen(flow, REPLAY_ALL_MAX)) {
            if (replay(letter.id(), actor).done()) {
                done++;
            }
        }
        actions.record(actor, "replay-all", "flow " + flow, done + " dead letters replayed");
        return new Outcome(done > 0, done + " dead letters of flow " + flow + " replayed");
    }

    public Outcome discard(long id, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            return new Outcome(false, "Say why dead letter " + id + " is discarded");
        }
        if (!letters.discard(id, reason.strip())) {
            return new Outcome(false, "Dead letter " + id + " is not open (replayed or discarded already, or unknown)");
        }
        actions.record(actor, "discard", target(id), reason.strip());
        log.info("Dead letter {} discarded from the console", id);
        return new Outcome(true, "Dead letter " + id + " discarded");
    }
}
