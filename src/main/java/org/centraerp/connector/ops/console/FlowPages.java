package org.centraerp.connector.ops.console;

import java.security.Principal;

import org.apache.camel.CamelContext;
import org.centraerp.connector.state.OperatorActions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The login page, the Flows page, and starting or stopping a flow (operators; until the next start). */
@Controller
public class FlowPages {

    private final FlowBoard board;
    private final CamelContext camel;
    private final OperatorActions actions;

    public FlowPages(FlowBoard board, CamelContext camel, OperatorActions actions) {
        this.board = board;
        this.camel = camel;
        this.actions = actions;
    }

    @GetMapping(ConsoleSecurity.LOGIN)
    public String login() {
        return "console/login";
    }

    @GetMapping({"/console", "/console/"})
    public String home() {
        return "redirect:/console/flows";
    }

    @GetMapping("/console/flows")
    public String flows(Model model) {
        model.addAttribute("flows", board.rows());
        model.addAttribute("page", "flows");
        return "console/flows";
    }

    @PostMapping("/console/flows/{routeId}/stop")
    public String stop(@PathVariable String routeId, Principal who, RedirectAttributes redirect) throws Exception {
        return switchRoute(routeId, false, who, redirect);
    }

    @PostMapping("/console/flows/{routeId}/start")
    public String start(@PathVariable String routeId, Principal who, RedirectAttributes redirect) throws Exception {
        return switchRoute(routeId, true, who, redirect);
    }

    private String switchRoute(String routeId, boolean on, Principal who, RedirectAttributes redirect) throws Exception {
        if (camel.getRoute(routeId) == null) {
            redirect.addFlashAttribute("error", "There is no flow " + routeId);
            return "redirect:/console/flows";
        }
        if (on) {
            camel.getRouteController().startRoute(routeId);
        } else {
            camel.getRouteController().stopRoute(routeId);
        }
        actions.record(who.getName(), on ? "start-flow" : "stop-flow", "route " + routeId,
                "until the connector starts again");
        redirect.addFlashAttribute("message", "Flow " + routeId + (on ? " started" : " stopped")
                + " (until the connector starts again)");
        return "redirect:/console/flows";
    }
}
