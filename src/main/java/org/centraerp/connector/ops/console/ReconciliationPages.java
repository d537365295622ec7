package org.centraerp.connector.ops.console;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.centraerp.connector.centra.CentraException;
import org.centraerp.connector.ops.reconciliation.ReconciliationResult;
import org.centraerp.connector.ops.reconciliation.Reconciliations;
import org.centraerp.connector.state.OperatorActions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Reconciliation: the last run of each kind with its differences; run one now, heal stock (operators). */
@Controller
public class ReconciliationPages {

    private final Reconciliations reconciliations;
    private final OperatorActions actions;

    public ReconciliationPages(Reconciliations reconciliations, OperatorActions actions) {
        this.reconciliations = reconciliations;
        this.actions = actions;
    }

    @GetMapping("/console/reconciliation")
    public String page(Model model) {
        Map<String, ReconciliationResult> last = new LinkedHashMap<>();
        Reconciliations.KINDS.forEach(kind -> last.put(kind, reconciliations.last(kind).orElse(null)));
        model.addAttribute("results", last);
        model.addAttribute("page", "reconciliation");
        return "console/reconciliation";
    }

    @PostMapping("/console/reconciliation/{kind}/run")
    public String run(@PathVariable String kind, @RequestParam(required = false) String since, Principal who,
                      RedirectAttributes redirect) {
        ReconciliationResult result;
        switch (kind) {
            case "stock" -> result = reconciliations.stock();
            case "orders" -> {
                Instant from;
                try {
                    from = since == null || since.isBlank() ? null
                            : LocalDate.parse(since.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException e) {
                    redirect.addFlashAttribute("error", "Since is a date like 2026-11-01, not '" + since + "'");
                    return "redirect:/console/reconciliation";
                }
                result = reconciliations.orders(from);
            }
            case "catalogue" -> result = reconciliations.catalogue();
            default -> {
                redirect.addFlashAttribute("error", "There is no reconciliation of " + kind);
                return "redirect:/console/reconciliation";
            }
        }
        actions.record(who.getName(), "reconcile", "reconciliation " + kind,
                result.error() != null ? result.error() : result.total() + " differences");
        redirect.addFlashAttribute(result.error() == null ? "message" : "error", result.error() == null
                ? "Reconciliation of " + kind + ": " + result.total() + " differences"
                : "Reconciliation of " + kind + " did not finish: " + result.error());
        return "redirect:/console/reconciliation";
    }

    @PostMapping("/console/reconciliation/stock/heal")
    public String heal(Principal who, RedirectAttributes redirect) {
        try {
            int sent = reconciliations.healStock();
            actions.record(who.getName(), "heal-stock", "reconciliation stock", sent + " sizes sent again");
            redirect.addFlashAttribute("message", "The ERP's stock sent to Centra again for " + sent
                    + " sizes; run the reconciliation again to see it");
        } catch (CentraException | IllegalStateException e) {
            redirect.addFlashAttribute("error", "Stock not healed: " + e.getMessage());
        }
        return "redirect:/console/reconciliation";
    }
}
