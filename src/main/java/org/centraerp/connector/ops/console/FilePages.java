package org.centraerp.connector.ops.console;

import java.io.IOException;
import java.nio.file.Path;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.centraerp.connector.ops.console.Inboxes.HandledFile;
import org.centraerp.connector.ops.console.Inboxes.Inbox;
import org.centraerp.connector.state.OperatorActions;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Files: per inbox the recent files with their outcome counts, a file's report line by line, its download; a refused
 * file put back in its inbox (operators).
 */
@Controller
public class FilePages {

    private final Inboxes inboxes;
    private final ConsoleProperties properties;
    private final OperatorActions actions;

    public FilePages(Inboxes inboxes, ConsoleProperties properties, OperatorActions actions) {
        this.inboxes = inboxes;
        this.properties = properties;
        this.actions = actions;
    }

    @GetMapping("/console/files")
    public String files(Model model) {
        Map<Inbox, List<HandledFile>> recent = new LinkedHashMap<>();
        Map<String, Long> waiting = new LinkedHashMap<>();
        for (Inbox inbox : inboxes.all()) {
            recent.put(inbox, inboxes.recent(inbox, properties.recentFiles()));
            waiting.put(inbox.name(), inboxes.waiting(inbox));
        }
        model.addAttribute("inboxes", recent);
        model.addAttribute("waiting", waiting);
        model.addAttribute("page", "files");
        return "console/files";
    }

    @GetMapping("/console/files/{inbox}/{file}")
    public String report(@PathVariable String inbox, @PathVariable String file,
                         @RequestParam(required = false) String outcome, Model model) {
        Path report = report(inbox, file);
        model.addAttribute("inbox", inbox);
        model.addAttribute("file", file);
        model.addAttribute("outcome", outcome);
        model.addAttribute("report", inboxes.read(report, outcome, properties.reportRows()));
        model.addAttribute("page", "files");
        return "console/file";
    }

    @GetMapping("/console/files/{inbox}/{file}/report.csv")
    public ResponseEntity<FileSystemResource> download(@PathVariable String inbox, @PathVariable String file) {
        Path report = report(inbox, file);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(report.getFileName().toString()).build().toString())
                .body(new FileSystemResource(report));
    }

    /** Operators: a refused file goes back to its inbox, to be taken again once its cause is fixed. */
    @PostMapping("/console/files/{inbox}/{file}/retry")
    public String retry(@PathVariable String inbox, @PathVariable String file, Principal who,
                        RedirectAttributes redirect) throws IOException {
        Inbox found = inboxes.named(inbox)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no inbox " + inbox));
        if (inboxes.retryRefused(found, file)) {
            actions.record(who.getName(), "retry-file", "file " + inbox + "/" + file, "back in the inbox");
            redirect.addFlashAttribute("message", file + " is back in the " + inbox + " inbox and will be taken again");
        } else {
            redirect.addFlashAttribute("error", file + " is not a refused file of the " + inbox
                    + " inbox, or a file of that name waits there already");
        }
        return "redirect:/console/files";
    }

    private Path report(String inbox, String file) {
        Inbox found = inboxes.named(inbox)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no inbox " + inbox));
        return inboxes.reportOf(found, file)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no report of " + file));
    }
}
