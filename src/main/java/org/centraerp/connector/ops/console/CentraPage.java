package org.centraerp.connector.ops.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The Centra page. */
@Controller
public class CentraPage {

    private final CentraStatus status;

    public CentraPage(CentraStatus status) {
        this.status = status;
    }

    @GetMapping("/console/centra")
    public String centra(Model model) {
        model.addAttribute("centra", status.view());
        model.addAttribute("page", "centra");
        return "console/centra";
    }
}
