package org.centraerp.connector.ops.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Orders page: an order by number, shipments and returns by ERP reference, catalogue keys. */
@Controller
public class LookupPages {

    private final Lookups lookups;

    public LookupPages(Lookups lookups) {
        this.lookups = lookups;
    }

    @GetMapping("/console/orders")
    public String orders(@RequestParam(required = false) String number,
                         @RequestParam(required = false) String reference,
                         @RequestParam(required = false) String key, Model model) {
        model.addAttribute("page", "orders");
        model.addAttribute("number", number);
        model.addAttribute("reference", reference);
        model.addAttribute("key", key);
        if (number != null && !number.isBlank()) {
            try {
                model.addAttribute("order", lookups.order(Long.parseLong(number.strip())));
            } catch (NumberFormatException e) {
                model.addAttribute("error", "An order number is digits only: '" + number + "'");
            }
        }
        if (reference != null && !reference.isBlank()) {
            model.addAttribute("progress", lookups.progress(reference.strip()));
        }
        if (key != null && !key.isBlank()) {
            model.addAttribute("keys", lookups.catalogue(key.strip()));
        }
        return "console/orders";
    }
}
