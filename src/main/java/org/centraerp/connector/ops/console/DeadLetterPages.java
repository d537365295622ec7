package org.centraerp.connector.ops.console;

import java.security.Principal;

import org.centraerp.connector.ops.console.DeadLetterDesk.Outcome;
import org.centraerp.connector.state.DeadLetter;
import org.centraerp.connector.state.DeadLetters;
import org.centraerp.connector.state.OperatorActions;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Dead letters: the list by flow and state, one letter with its payload and history, replay and discard. */
@Controller
public class DeadLetterPages {

    private static final int LIST_MAX = 500;
    private final DeadLetters letters;
    private final DeadLetterDesk desk;
    private final OperatorActions actions;

    public DeadLetterPages(DeadLetters letters, DeadLetterDesk desk, OperatorActions actions) {
        this.letters = letters;
        this.desk = desk;
        this.actions = actions;
    }

    @GetMapping("/console/dead-letters")
    public String list(@RequestParam(required = false) String flow,
                       @RequestParam(required = false, defaultValue = "open") String state, Model model) {
        String chosenFlow = flow == null || flow.isBlank() ? null : flow;
        String chosenState = "all".equals(state) ? null : state;
        model.addAttribute("letters", letters.newest(chosenFlow, chosenState, LIST_MAX));
        model.addAttribute("flows", letters.flows());
        model.addAttribute("openByFlow", letters.countOpenByFlow());
        model.addAttribute("flow", chosenFlow);
        model.addAttribute("state", state);
        model.addAttribute("desk", desk);
        model.addAttribute("page", "dead-letters");
        return "console/dead-letters";
    }

    @GetMapping("/console/dead-letters/{id}")
    public String detail(@PathVariable long id, Model model) {
        DeadLetter letter = letters.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no dead letter " + id));
        model.addAttribute("letter", letter);
        model.addAttribute("history", actions.on(DeadLetterDesk.target(id)));
        model.addAttribute("canReplay", desk.canReplay(letter.flow()));
        model.addAttribute("page", "dead-letters");
        return "console/dead-letter";
    }

    @PostMapping("/console/dead-letters/{id}/replay")
    public String replay(@PathVariable long id, Principal who, RedirectAttributes redirect) {
        return back(desk.replay(id, who.getName()), "/console/dead-letters/" + id, redirect);
    }

    @PostMapping("/console/dead-letters/{id}/discard")
    public String discard(@PathVariable long id, @RequestParam(required = false) String reason, Principal who,
                          RedirectAttributes redirect) {
        return back(desk.discard(id, reason, who.getName()), "/console/dead-letters/" + id, redirect);
    }

    @PostMapping("/console/dead-letters/replay-all")
    public String replayAll(@RequestParam String flow, Principal who, RedirectAttributes redirect) {
        redirect.addAttribute("flow", flow);
        redirect.addAttribute("state", "all");
        return back(desk.replayAll(flow, who.getName()), "/console/dead-letters", redirect);
    }

    private static String back(Outcome outcome, String to, RedirectAttributes redirect) {
        redirect.addFlashAttribute(outcome.done() ? "message" : "error", outcome.message());
        return "redirect:" + to;
    }
}
